import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "./testing/app.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let temp: ReturnType<typeof tempDir> | undefined;
afterEach(() => temp?.remove());

describe("server.ts", () => {
  it("boots on an empty database, prints how to create the first admin (no token, no default password), accepts that admin and stops on SIGTERM", async () => {
    temp = tempDir();
    const dbPath = join(temp.dir, "m.sqlite");
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "server/src/server.ts")], {
      cwd: root,
      env: { ...process.env, MONITOR_DB: dbPath, PORT: "0", MONITOR_DEMO: "0", MONITOR_ADMIN_TOKEN: "" },
    });
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const started = new Promise<void>((resolve) =>
      child.stdout.on("data", (d) => {
        stdout += d;
        if (stdout.includes("create-admin") && stdout.includes("Server listening at")) resolve();
      }),
    );
    await started;
    const url = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout)?.[1];
    expect(stdout).toContain("Stadtteilliste angelegt: 45 Stadtteile (Münster).");
    expect(stdout).toContain(`Noch kein Admin-Konto.`);
    expect(stdout).toContain(`npm run monitor -- create-admin --name <Name> --db ${dbPath}`);
    expect(stdout).not.toMatch(/Token[^\n]*:\n/);
    expect((await fetch(`${url}/api/auth/check`)).status).toBe(401);

    // The printed command, as a script would run it: the password on stdin.
    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "server/src/cli/main.ts"), "create-admin", "--name", "chefin", "--db", dbPath],
      { cwd: root, input: "chefin-passwort-1\n", encoding: "utf8" },
    );
    expect(cli.stderr).toBe("");
    expect(cli.stdout).toContain("Konto „chefin“ (Admin) angelegt.");
    expect(cli.status).toBe(0);
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "chefin", password: "chefin-passwort-1" }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect((await fetch(`${url}/api/accounts`, { headers: { cookie } })).status).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
