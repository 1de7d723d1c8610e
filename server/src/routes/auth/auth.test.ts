import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount } from "../../repositories/accounts.ts";
import { multipartBody, type TestApp, testApp } from "../../testing/app.ts";
import { FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS } from "./index.ts";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await createAccount(t.database.db, { name: "anna", role: "analyst", password: "anna-passwort-1" });
});
afterEach(async () => {
  await t.close();
});

const cookieOf = (setCookie: string | string[] | undefined) => String(setCookie).split(";")[0];

async function login(name = "anna", password = "anna-passwort-1", remoteAddress = "127.0.0.1") {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { name, password },
    remoteAddress,
  });
  return { res, cookie: cookieOf(res.headers["set-cookie"]), csrf: res.json().csrfToken as string };
}

describe("login and logout", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and the session knows the account", async () => {
    const { res, cookie, csrf } = await login("Anna"); // names are compared without case
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toEqual({ id: 1, name: "anna", role: "analyst" });
    const setCookie = String(res.headers["set-cookie"]);
    // Max-Age 12 h · 3600 s = 43200 s: the absolute limit; the idle limit is kept on the server.
    expect(setCookie).toMatch(/^im_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await t.app.inject({ url: "/api/auth/session", headers: { cookie } });
    expect(session.json()).toEqual({ account: { id: 1, name: "anna", role: "analyst" }, csrfToken: csrf });
    expect((await t.app.inject({ url: "/api/auth/check", headers: { cookie } })).statusCode).toBe(204);
  });

  it("marks the cookie Secure for any host but a loopback one over plain HTTP", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { host: "monitor.stadt.example" },
      payload: { name: "anna", password: "anna-passwort-1" },
    });
    expect(String(res.headers["set-cookie"])).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it("answers a wrong password and an unknown name alike with a German 401 and no cookie", async () => {
    for (const [name, password] of [
      ["anna", "falsches-passwort"],
      ["niemand", "anna-passwort-1"],
    ]) {
      const { res } = await login(name, password);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe("Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.");
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("ends the session on logout: the cookie is cleared and no longer accepted", async () => {
    const { cookie, csrf } = await login();
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toContain("im_session=; Path=/; Max-Age=0");
    expect((await t.app.inject({ url: "/api/auth/check", headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/auth/session", headers: { cookie } })).json().account).toBeNull();
  });

  it("treats an expired session as public and clears its cookie", async () => {
    const { cookie } = await login();
    await t.database.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const res = await t.app.inject({ url: "/api/auth/session", headers: { cookie } });
    expect(res.json()).toEqual({ account: null, csrfToken: null });
    expect(String(res.headers["set-cookie"])).toContain("Max-Age=0");
    expect((await t.app.inject({ url: "/api/imports", headers: { cookie } })).statusCode).toBe(401);
  });
});

describe("login rate limits", () => {
  it(`answers 429 with Retry-After after ${FAILED_LOGINS_PER_ACCOUNT} wrong passwords for one account, from any address, even with the right one`, async () => {
    for (let i = 0; i < FAILED_LOGINS_PER_ACCOUNT; i++)
      expect((await login("anna", `falsch-${i}-xxxxx`, `10.0.0.${i + 1}`)).res.statusCode).toBe(401);
    const { res } = await login("anna", "anna-passwort-1", "10.0.1.1");
    expect(res.statusCode).toBe(429);
    // The window is 15 minutes = 900 s; a few seconds have passed.
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(850);
    expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(900);
    expect(res.json().error).toBe(
      "Zu viele ungültige Anmeldeversuche für dieses Konto. Bitte versuchen Sie es in 15 Minuten erneut.",
    );
  });

  it(`answers 429 to an address after ${FAILED_LOGINS_PER_ADDRESS} failed logins with any names; other addresses go on`, async () => {
    for (let i = 0; i < FAILED_LOGINS_PER_ADDRESS; i++)
      expect((await login(`name${i}`, "egal-egal-egal", "10.0.0.9")).res.statusCode).toBe(401);
    const blocked = await login("anna", "anna-passwort-1", "10.0.0.9");
    expect(blocked.res.statusCode).toBe(429);
    expect(blocked.res.json().error).toContain("Anmeldeversuche von dieser Adresse");
    expect(blocked.res.headers["retry-after"]).toBeDefined();
    expect((await login("anna", "anna-passwort-1", "10.0.0.10")).res.statusCode).toBe(200);
  });
});

describe("CSRF protection of the session", () => {
  it("refuses a writing request with the session cookie but without the right X-CSRF-Token with a German 403", async () => {
    const { cookie, csrf } = await login();
    const create = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/tokens",
        headers: { cookie, ...headers },
        payload: { label: "x" },
      });
    const none = await create({});
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toContain("CSRF");
    expect((await create({ "x-csrf-token": `${csrf}x` })).statusCode).toBe(403);
    expect((await create({ "x-csrf-token": "" })).statusCode).toBe(403);
    // The right token from a foreign page (Origin of another site) is refused too.
    expect((await create({ "x-csrf-token": csrf, origin: "https://boese.example" })).statusCode).toBe(403);
    expect((await create({ "x-csrf-token": csrf, origin: "http://localhost:80" })).statusCode).toBe(201);
    expect((await create({ "x-csrf-token": csrf })).statusCode).toBe(201);
  });

  it("refuses an upload with the session cookie and no CSRF token before reading the body", async () => {
    const { cookie } = await login();
    const { payload, headers } = multipartBody({ profile: "einwohner" }, { name: "a.csv", content: "x" });
    const res = await t.app.inject({ method: "POST", url: "/api/imports", payload, headers: { ...headers, cookie } });
    expect(res.statusCode).toBe(403);
  });

  it("refuses a login posted from a foreign page", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://boese.example" },
      payload: { name: "anna", password: "anna-passwort-1" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("API tokens", () => {
  async function newToken(label = "Importskript") {
    const { cookie, csrf } = await login();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      headers: { cookie, "x-csrf-token": csrf },
      payload: { label },
    });
    return { res, cookie, csrf, token: res.json().token as string, id: res.json().id as number };
  }

  it("shows a new token once, keeps its SHA-256 only, and accepts it as Bearer for the account", async () => {
    const { res, cookie, token, id } = await newToken();
    expect(res.statusCode).toBe(201);
    expect(res.headers["cache-control"]).toBe("no-store");
    const list = await t.app.inject({ url: "/api/auth/tokens", headers: { cookie } });
    expect(list.json().tokens).toEqual([expect.objectContaining({ id, label: "Importskript", revokedAt: null })]);
    expect(list.body).not.toContain(token.slice(-20));
    const stored = await t.database.db.selectFrom("api_tokens").select("token_hash").executeTakeFirstOrThrow();
    const secret = token.slice(`im_${id}_`.length);
    expect(stored.token_hash).toBe(createHash("sha256").update(secret).digest("hex"));

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: "/api/auth/check", headers: bearer })).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/auth/session", headers: bearer })).json().account.name).toBe("anna");
    // A script needs no CSRF token: a browser never sends the Authorization header on its own.
    const upload = multipartBody({ profile: "einwohner" }, { name: "leer.csv", content: "" });
    const up = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      payload: upload.payload,
      headers: { ...upload.headers, ...bearer },
    });
    expect([400, 422]).toContain(up.statusCode);
  });

  it("stops accepting a revoked token", async () => {
    const { cookie, csrf, token, id } = await newToken();
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/auth/tokens/${id}`,
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(revoke.statusCode).toBe(204);
    const res = await t.app.inject({ url: "/api/auth/check", headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toContain("ungültig oder widerrufen");
    const again = await t.app.inject({
      method: "DELETE",
      url: `/api/auth/tokens/${id}`,
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(again.statusCode).toBe(404);
  });

  it("answers every wrong token with 401, never 500: right id with a wrong, shorter or longer secret, or no id", async () => {
    const { token, id } = await newToken();
    for (const wrong of [
      `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
      `im_${id}_x`,
      `im_${id}_${"a".repeat(200)}`,
      `im_999_${token.slice(-43)}`,
      "im_",
      "irgendwas",
    ]) {
      const res = await t.app.inject({ url: "/api/auth/check", headers: { authorization: `Bearer ${wrong}` } });
      expect(res.statusCode, wrong).toBe(401);
    }
  });

  it("lets an analyst not see or revoke someone else's token (404), but an admin can", async () => {
    const { id } = await newToken();
    await createAccount(t.database.db, { name: "bert", role: "analyst", password: "bert-passwort-1" });
    await createAccount(t.database.db, { name: "chefin", role: "admin", password: "chefin-passwort" });
    const bert = await login("bert", "bert-passwort-1");
    const revoke = (s: { cookie: string; csrf: string }) =>
      t.app.inject({
        method: "DELETE",
        url: `/api/auth/tokens/${id}`,
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      });
    expect((await revoke(bert)).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/auth/tokens", headers: { cookie: bert.cookie } })).json().tokens).toEqual(
      [],
    );
    expect((await revoke(await login("chefin", "chefin-passwort"))).statusCode).toBe(204);
  });
});
