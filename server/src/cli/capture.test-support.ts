import type { CliIo } from "./table-file.ts";

/** Runs a command in-process and collects what it prints, for the CLI tests. */
export async function capture(run: (args: string[], io: CliIo) => Promise<number>, args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
