import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount } from "../../repositories/accounts.ts";
import { multipartBody, type TestApp, testApp } from "../../testing/app.ts";
import { writeEinwohnerFile } from "../../testing/einwohner-file.ts";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await createAccount(t.database.db, { name: "chefin", role: "admin", password: "chefin-passwort" });
  await createAccount(t.database.db, { name: "anna", role: "analyst", password: "anna-passwort-1" });
});
afterEach(async () => {
  await t.close();
});

interface Session {
  cookie: string;
  csrf: string;
}

async function login(name: string, password: string): Promise<Session> {
  const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { name, password } });
  expect(res.statusCode).toBe(200);
  return { cookie: String(res.headers["set-cookie"]).split(";")[0], csrf: res.json().csrfToken };
}

const as = (s: Session) => ({ cookie: s.cookie, "x-csrf-token": s.csrf });
const admin = () => login("chefin", "chefin-passwort");

describe("roles", () => {
  it("lets only admins manage accounts: 401 for the public, 403 in German for an analyst and the bootstrap token", async () => {
    expect((await t.app.inject({ url: "/api/accounts" })).statusCode).toBe(401);
    const anna = await login("anna", "anna-passwort-1");
    for (const request of [
      { method: "GET" as const, url: "/api/accounts" },
      { method: "GET" as const, url: "/api/accounts/audit" },
      {
        method: "POST" as const,
        url: "/api/accounts",
        payload: { name: "neu", role: "admin", password: "x".repeat(12) },
      },
      { method: "PATCH" as const, url: "/api/accounts/1", payload: { disabled: true } },
    ]) {
      const res = await t.app.inject({ ...request, headers: as(anna) });
      expect(res.statusCode, request.url).toBe(403);
      expect(res.json().error).toBe("Dafür sind Administratorrechte nötig; Ihr Konto hat sie nicht.");
    }
    expect((await t.app.inject({ url: "/api/accounts", headers: t.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/accounts", headers: as(await admin()) })).statusCode).toBe(200);
  });

  it("lets analysts and admins (request.analyst) see the import history, the public not", async () => {
    expect((await t.app.inject({ url: "/api/imports" })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: "/api/imports", headers: as(await login("anna", "anna-passwort-1")) })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: "/api/imports", headers: as(await admin()) })).statusCode).toBe(200);
  });
});

describe("account management", () => {
  it("creates an account with a role; a name taken in any case is a 409, a short password a German 400", async () => {
    const s = await admin();
    const create = (payload: object) => t.app.inject({ method: "POST", url: "/api/accounts", headers: as(s), payload });
    const created = await create({ name: "bert", role: "analyst", password: "bert-passwort-1" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 3, name: "bert", role: "analyst", disabled: false });
    expect(created.body).not.toContain("passwort");
    expect((await create({ name: "BERT", role: "admin", password: "bert-passwort-1" })).statusCode).toBe(409);
    const short = await create({ name: "carla", role: "analyst", password: "elf Zeichen" }); // 11 characters
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toBe("Das Passwort muss mindestens 12 Zeichen lang sein.");
    const badName = await create({ name: "a b", role: "analyst", password: "carla-passwort" });
    expect(badName.statusCode).toBe(400);
    expect((await create({ name: "carla", role: "chef", password: "carla-passwort" })).statusCode).toBe(400);
    await login("bert", "bert-passwort-1");
  });

  it("disabling ends the account's sessions, stops its tokens and its logins; enabling lets it sign in again", async () => {
    const anna = await login("anna", "anna-passwort-1");
    const token = (
      await t.app.inject({ method: "POST", url: "/api/auth/tokens", headers: as(anna), payload: { label: "Skript" } })
    ).json().token;
    const s = await admin();
    const patch = (payload: object) =>
      t.app.inject({ method: "PATCH", url: "/api/accounts/2", headers: as(s), payload });
    expect((await patch({ disabled: true })).json()).toMatchObject({ name: "anna", disabled: true });
    expect((await t.app.inject({ url: "/api/auth/check", headers: { cookie: anna.cookie } })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: "/api/auth/check", headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(401);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { name: "anna", password: "anna-passwort-1" },
    });
    expect(refused.statusCode).toBe(401);
    await patch({ disabled: false });
    await login("anna", "anna-passwort-1");
  });

  it("resets a password: the old one fails, the new one works, old sessions end", async () => {
    const anna = await login("anna", "anna-passwort-1");
    const s = await admin();
    const reset = await t.app.inject({
      method: "PUT",
      url: "/api/accounts/2/password",
      headers: as(s),
      payload: { password: "ganz-neues-passwort" },
    });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/auth/check", headers: { cookie: anna.cookie } })).statusCode).toBe(401);
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { name: "anna", password: "anna-passwort-1" },
    });
    expect(old.statusCode).toBe(401);
    await login("anna", "ganz-neues-passwort");
    const missing = await t.app.inject({
      method: "PUT",
      url: "/api/accounts/99/password",
      headers: as(s),
      payload: { password: "ganz-neues-passwort" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe("Ein Konto Nr. 99 gibt es nicht.");
  });

  it("never disables or demotes the last active admin", async () => {
    const s = await admin();
    for (const payload of [{ disabled: true }, { role: "analyst" }]) {
      const res = await t.app.inject({ method: "PATCH", url: "/api/accounts/1", headers: as(s), payload });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toBe("Das letzte aktive Admin-Konto kann nicht gesperrt oder herabgestuft werden.");
    }
  });

  it("lets an admin revoke any account's token", async () => {
    const anna = await login("anna", "anna-passwort-1");
    const created = (
      await t.app.inject({ method: "POST", url: "/api/auth/tokens", headers: as(anna), payload: { label: "Skript" } })
    ).json();
    const s = await admin();
    const list = (await t.app.inject({ url: "/api/accounts", headers: as(s) })).json();
    expect(list.tokens).toEqual([expect.objectContaining({ id: created.id, accountName: "anna", revokedAt: null })]);
    const url = `/api/accounts/2/tokens/${created.id}`;
    expect((await t.app.inject({ method: "DELETE", url, headers: as(s) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "DELETE", url, headers: as(s) })).statusCode).toBe(404);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.app.inject({ url: "/api/auth/check", headers: bearer })).statusCode).toBe(401);
  });
});

describe("audit log", () => {
  it("records logins, failures, logouts, imports, account and token changes with who did it, newest first, in pages", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { name: "anna", password: "falsch-falsch" },
    });
    const anna = await login("anna", "anna-passwort-1");
    const token = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: as(anna),
      payload: { label: "Importskript" },
    });
    const path = join(t.dir, "e.csv");
    await writeEinwohnerFile(path, { districts: [11, 12], year: 2015, seed: 0 });
    const { payload, headers } = multipartBody(
      { profile: "einwohner" },
      { name: "einwohner-2015.csv", content: readFileSync(path) },
    );
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      payload,
      headers: { ...headers, ...as(anna) },
    });
    expect(upload.statusCode).toBe(201);
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: as(anna) });
    const s = await admin();
    await t.app.inject({
      method: "POST",
      url: "/api/accounts",
      headers: as(s),
      payload: { name: "bert", role: "analyst", password: "bert-passwort-1" },
    });
    await t.app.inject({ method: "PATCH", url: "/api/accounts/3", headers: as(s), payload: { disabled: true } });

    const log = (await t.app.inject({ url: "/api/accounts/audit?limit=50", headers: as(s) })).json();
    const tokenId = token.json().id;
    const extractId = upload.json().extract.id;
    expect(log.total).toBe(8);
    expect(
      log.entries.map((e: { actor: string | null; action: string; detail: string }) => [e.actor, e.action, e.detail]),
    ).toEqual([
      ["chefin", "account-disabled", "Konto „bert“ gesperrt"],
      ["chefin", "account-created", "Konto „bert“ (Analyst/in) angelegt"],
      ["chefin", "login", "Angemeldet (Adresse 127.0.0.1)"],
      ["anna", "logout", "Abgemeldet"],
      [
        "anna",
        "import",
        expect.stringMatching(
          new RegExp(
            `^Import Nr\\. ${extractId}: „einwohner-2015\\.csv“ \\(einwohner, 2015, SHA-256 [0-9a-f]{12}…\\)$`,
          ),
        ),
      ],
      ["anna", "token-created", `API-Token Nr. ${tokenId} „Importskript“ für anna erstellt`],
      ["anna", "login", "Angemeldet (Adresse 127.0.0.1)"],
      [null, "login-failed", "Anmeldung als „anna“ fehlgeschlagen (Adresse 127.0.0.1)"],
    ]);
    expect(log.entries.every((e: { at: string }) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // Page 2 of 3 entries each: entries 4 to 6 of the 8, newest first.
    const page = (await t.app.inject({ url: "/api/accounts/audit?limit=3&offset=3", headers: as(s) })).json();
    expect(page.total).toBe(8);
    expect(page.entries.map((e: { action: string }) => e.action)).toEqual(["logout", "import", "token-created"]);
    expect((await t.app.inject({ url: "/api/accounts/audit?limit=0", headers: as(s) })).statusCode).toBe(400);
    expect((await t.app.inject({ url: "/api/accounts/audit?offset=-1", headers: as(s) })).statusCode).toBe(400);
  });
});
