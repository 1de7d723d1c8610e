import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection.ts";
import { checkLogin } from "../repositories/accounts.ts";
import { listAudit } from "../repositories/audit-log.ts";
import { tempDir } from "../testing/app.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const main = join(root, "server/src/cli/main.ts");
const monitor = (args: string[], input: string) =>
  spawnSync(process.execPath, ["--import", "tsx", main, ...args], { cwd: root, input, encoding: "utf8" });

let temp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  temp = tempDir();
  db = join(temp.dir, "m.sqlite");
});
afterEach(() => temp.remove());

describe("create-admin and set-password", () => {
  it("creates an admin with the password from stdin, records it, and refuses a second account of the same name", async () => {
    const first = monitor(["create-admin", "--name", "chefin", "--db", db], "chefin-passwort-1\nrest\n");
    expect(first.status).toBe(0);
    const again = monitor(["create-admin", "--name", "CHEFIN", "--db", db], "chefin-passwort-1\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Ein Konto mit dem Namen „CHEFIN“ gibt es schon.");
    const analyst = monitor(["create-admin", "--name", "anna", "--role", "analyst", "--db", db], "anna-passwort-12\n");
    expect(analyst.stdout).toContain("Konto „anna“ (Analyst/in) angelegt.");

    const database = await openDatabase(db);
    try {
      // Only the first line is the password.
      expect(await checkLogin(database.db, "chefin", "chefin-passwort-1")).toEqual({
        id: 1,
        name: "chefin",
        role: "admin",
      });
      expect(await checkLogin(database.db, "chefin", "chefin-passwort-1\nrest")).toBeNull();
      const { entries } = await listAudit(database.db, { limit: 10, offset: 0 });
      expect(entries.map((e) => [e.action, e.detail])).toEqual([
        ["account-created", "Konto „anna“ (Analyst/in) angelegt"],
        ["account-created", "Konto „chefin“ (Admin) angelegt"],
      ]);
      expect(entries[0].actor).toMatch(/^Kommandozeile/);
    } finally {
      await database.close();
    }
  });

  it("refuses a short or empty password, a missing name and a password on the command line", () => {
    const short = monitor(["create-admin", "--name", "chefin", "--db", db], "kurz\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("Das Passwort muss mindestens 12 Zeichen lang sein.");
    expect(monitor(["create-admin", "--name", "chefin", "--db", db], "").status).toBe(1);
    const noName = monitor(["create-admin", "--db", db], "chefin-passwort-1\n");
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain("Bitte einen Benutzernamen mit --name angeben.");
    expect(monitor(["create-admin", "--name", "x", "--password", "geheim", "--db", db], "").status).toBe(2);
  });

  it("sets a new password for an existing account", async () => {
    monitor(["create-admin", "--name", "chefin", "--db", db], "chefin-passwort-1\n");
    const reset = monitor(["set-password", "--name", "chefin", "--db", db], "ein-neues-passwort\n");
    expect(reset.status).toBe(0);
    expect(monitor(["set-password", "--name", "niemand", "--db", db], "ein-neues-passwort\n").status).toBe(1);
    const database = await openDatabase(db);
    try {
      expect(await checkLogin(database.db, "chefin", "chefin-passwort-1")).toBeNull();
      expect(await checkLogin(database.db, "chefin", "ein-neues-passwort")).not.toBeNull();
    } finally {
      await database.close();
    }
  });
});
