import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/connection.ts";
import { tempDir } from "../testing/app.ts";
import { testDatabaseOn, testEngines } from "../testing/engines.ts";
import {
  AccountExistsError,
  createAccount,
  createApiToken,
  createSession,
  findApiToken,
  findSession,
  hashPassword,
  SCRYPT,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  verifyPassword,
} from "./accounts.ts";

describe("password hashing", () => {
  it("stores scrypt with its parameters and a fresh 16-byte salt per password", async () => {
    const a = await hashPassword("korrekt Pferd Batterie");
    const b = await hashPassword("korrekt Pferd Batterie");
    const [algorithm, N, r, p, salt, key] = a.split("$");
    // 2^15 = 32768; memory 128 · N · r = 128 · 32768 · 8 = 33,554,432 bytes = 32 MiB.
    expect([algorithm, N, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(128 * SCRYPT.N * SCRYPT.r).toBe(33_554_432);
    expect(Buffer.from(salt, "base64url")).toHaveLength(16);
    expect(Buffer.from(key, "base64url")).toHaveLength(32);
    expect(b.split("$")[4]).not.toBe(salt);
    expect(b).not.toBe(a);
    expect(a).not.toContain("Pferd");
    expect(await verifyPassword("korrekt Pferd Batterie", a)).toBe(true);
    expect(await verifyPassword("korrekt Pferd Batteriе", a)).toBe(false); // Cyrillic е at the end
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("verifies with the stored parameters: the scrypt test vector of RFC 7914 (section 12)", async () => {
    // scrypt(P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64) from the RFC, not from this code.
    const vector =
      "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640";
    const stored = `scrypt$1024$8$16$${Buffer.from("NaCl").toString("base64url")}$${Buffer.from(vector, "hex").toString("base64url")}`;
    expect(await verifyPassword("password", stored)).toBe(true);
    expect(await verifyPassword("Password", stored)).toBe(false);
  });

  it("never accepts a malformed stored hash", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });
});

describe.each(testEngines)("sessions and tokens in the database on %s", (engine) => {
  let temp: ReturnType<typeof tempDir>;
  let database: DatabaseHandle;
  beforeEach(async () => {
    temp = tempDir();
    database = await testDatabaseOn(engine, `${temp.dir}/m.sqlite`);
  });
  afterEach(async () => {
    await database.close();
    temp.remove();
  });

  it("moves a session's expiry with use, but never past 12 hours after its login", async () => {
    const { id } = await createAccount(database.db, { name: "anna", role: "analyst", password: "lang genug 123" });
    const t0 = Date.parse("2026-12-04T08:00:00Z");
    const { cookieValue, expiresAt } = await createSession(database.db, id, new Date(t0));
    expect(expiresAt).toBe("2026-12-04T10:00:00.000Z"); // 08:00 + 2 h idle
    // Used at 09:30: 09:30 + 2 h = 11:30.
    expect((await findSession(database.db, cookieValue, new Date(t0 + 90 * 60_000)))?.expiresAt).toBe(
      "2026-12-04T11:30:00.000Z",
    );
    // Used every 1¾ h (11:00, 12:45, 14:30, 16:15, 18:00, 19:30): 19:30 + 2 h = 21:30 is capped at 08:00 + 12 h = 20:00.
    for (const minutes of [180, 285, 390, 495, 600, 690])
      await findSession(database.db, cookieValue, new Date(t0 + minutes * 60_000));
    const late = await findSession(database.db, cookieValue, new Date(t0 + 690 * 60_000));
    expect(late?.expiresAt).toBe(new Date(t0 + SESSION_ABSOLUTE_MS).toISOString());
    expect(late?.expiresAt).toBe("2026-12-04T20:00:00.000Z");
    expect(await findSession(database.db, cookieValue, new Date(t0 + SESSION_ABSOLUTE_MS))).toBeNull();
    // Idle: a fresh session unused for 2 h is gone.
    const idle = await createSession(database.db, id, new Date(t0));
    expect(await findSession(database.db, idle.cookieValue, new Date(t0 + SESSION_IDLE_MS))).toBeNull();
  });

  it("keeps only the SHA-256 of the session id and of the API token", async () => {
    const { id } = await createAccount(database.db, { name: "anna", role: "analyst", password: "lang genug 123" });
    const { cookieValue } = await createSession(database.db, id);
    const created = await createApiToken(database.db, id, "Skript");
    const secret = created.token.split("_").slice(2).join("_");
    const sha = (v: string) => createHash("sha256").update(v).digest("hex");
    const rows = JSON.stringify([
      await database.db.selectFrom("sessions").selectAll().execute(),
      await database.db.selectFrom("api_tokens").selectAll().execute(),
    ]);
    expect(rows).toContain(sha(cookieValue));
    expect(rows).toContain(sha(secret));
    expect(rows).not.toContain(cookieValue);
    expect(rows).not.toContain(secret);
    expect(created.token).toMatch(new RegExp(`^im_${created.id}_[A-Za-z0-9_-]{43}$`));
    expect(await findApiToken(database.db, created.token)).toEqual({ id, name: "anna", role: "analyst" });
  });

  it("refuses a second account whose name differs only in case", async () => {
    await createAccount(database.db, { name: "Anna", role: "analyst", password: "lang genug 123" });
    await expect(
      createAccount(database.db, { name: "anna", role: "admin", password: "lang genug 456" }),
    ).rejects.toThrow(AccountExistsError);
  });
});
