// `npm run monitor` and `npm start` run the bundles in server/dist/, the other tests the TypeScript sources:
// this builds the bundles into a temporary folder (inside the repository, so that their imports find
// node_modules) and runs them as the scripts do.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../server/build.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const testdata = join(root, "server/src/cli/testdata");
let dir: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  const cache = join(root, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, "im-bundles-"));
  await buildServer(join(dir, "dist"));
});
afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const monitor = (...args: string[]) =>
  spawnSync(process.execPath, [join(dir, "dist/cli.js"), ...args], { encoding: "utf8" });

describe("the built monitor CLI", () => {
  it("answers --help with the list of commands", () => {
    const help = monitor("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("segregation --input DATEI");
  });

  it("runs a command with the workspace packages bundled in", () => {
    const result = monitor("segregation", "--input", join(testdata, "segregation-auslaender.csv"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).measures.dissimilarity).toBeCloseTo(0.2, 10);
  });
});

describe("the built server", () => {
  it("migrates a new database, finds the catalogue and district list beside their sources, and answers", async () => {
    server = spawn(process.execPath, [join(dir, "dist/server.js")], {
      env: { ...process.env, PORT: "0", MONITOR_DEMO: "0", MONITOR_DB: join(dir, "server.sqlite") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const address = await new Promise<string>((resolve, reject) => {
      server?.stdout?.on("data", (chunk) => {
        output += chunk;
        const listening = /Server listening at (http:\/\/[^"\s]+)/.exec(output);
        if (listening) resolve(listening[1]);
      });
      server?.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      server?.once("exit", (code) => reject(new Error(`Server beendet (${code}):\n${output}`)));
    });
    expect(output).toContain("45 Stadtteile");
    const indicators = await fetch(`${address}/api/indicators`);
    expect(indicators.status).toBe(200);
    expect(((await indicators.json()) as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
  });
});
