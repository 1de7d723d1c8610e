import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "./testing/app.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => temp?.remove());

describe("server.ts", () => {
  it("boots on an empty database, prints the generated admin token, accepts it and stops on SIGTERM", async () => {
    temp = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "server/src/server.ts")], {
      cwd: root,
      env: {
        ...process.env,
        MONITOR_DB: join(temp.dir, "m.sqlite"),
        PORT: "0",
        MONITOR_DEMO: "0",
        MONITOR_ADMIN_TOKEN: "",
      },
    });
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const started = new Promise<void>((resolve) =>
      child.stdout.on("data", (d) => {
        stdout += d;
        if (/Admin-Token[^\n]*\n\s+\S+/.test(stdout) && stdout.includes("Server listening at")) resolve();
      }),
    );
    await started;
    const url = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout)?.[1];
    const token = /Admin-Token[^\n]*\n\s+(\S+)/.exec(stdout)?.[1];
    expect(stdout).toContain("Stadtteilliste angelegt: 45 Stadtteile (Münster).");

    const ok = await fetch(`${url}/api/auth/check`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(204);
    expect((await fetch(`${url}/api/auth/check`)).status).toBe(401);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
