// The findings of the outside probe (issue 11, „Hardening“): each one as a request that once went wrong.

import { writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAILED_TOKENS_ALLOWED } from "./plugins/auth.ts";
import { multipartBody, type TestApp, tempDir, testApp } from "./testing/app.ts";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const header = "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl";

function upload(t: TestApp, fields: Record<string, string>, content: string | Buffer, headers = t.auth) {
  const body = multipartBody(fields, { name: "a.csv", content });
  return t.app.inject({
    method: "POST",
    url: "/api/imports",
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

/** Sends raw bytes to the listening app and returns the whole answer as text. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
      // The whole answer is there once its JSON body is: keep-alive would hold the socket open.
      if (/\r\n\r\n\{.*\}$/s.test(answer)) socket.destroy();
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", (error) => (answer ? resolve(answer) : reject(error)));
  });
}

describe("security headers", () => {
  it("come with every answer: the dashboard, the API, a 404, a 401 and a 400", async () => {
    const dist = tempDir();
    writeFileSync(join(dist.dir, "index.html"), "<!doctype html><title>Dashboard</title>");
    t = await testApp({ webDistPath: dist.dir });
    try {
      const answers = await Promise.all([
        t.app.inject({ url: "/" }),
        t.app.inject({ url: "/api/districts" }),
        t.app.inject({ url: "/api/nope" }),
        t.app.inject({ url: "/api/auth/check" }),
        t.app.inject({ url: "/api/indicators/x/values?year=abc" }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 404, 401, expect.any(Number)]);
      for (const res of answers) {
        const csp = String(res.headers["content-security-policy"]);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain("unsafe-eval");
        const directives = new Map(csp.split(";").map((d) => [d.trim().split(" ")[0], d.trim()] as const));
        expect(directives.get("script-src")).toBe("script-src 'self'");
        expect(directives.get("style-src")).toBe("style-src 'self'");
        expect(directives.get("style-src-attr")).toBe("style-src-attr 'none'");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["referrer-policy"]).toBe("no-referrer");
        expect(res.headers["x-frame-options"]).toBe("DENY");
      }
    } finally {
      dist.remove();
    }
  });
});

describe("no stack trace, no file path, German 4xx for bad parameters", () => {
  it("answers malformed paths and parameters with a German 4xx and no trace of the server's files", async () => {
    t = await testApp();
    const bad = [
      "/api/indicators/%E0%A4%A",
      "/api/indicators/anteil_auslaender/values?year=abc",
      "/api/indicators/anteil_auslaender/values?area[]=1",
      "/api/sozialmonitoring/segregation?year=99999999999999999999",
      "/api/geo/stadtteile?x=%00",
    ];
    for (const url of bad) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toMatch(/at .*\.ts:\d+|node_modules|\/work\/|\/src\//);
      expect(typeof res.json().error, url).toBe("string");
    }
    const badUrl = await t.app.inject({ url: "/api/indicators/%E0%A4%A" });
    expect(badUrl.json().error).not.toMatch(/[Tt]he |invalid|not found/);
  });
});

describe("every GET route of the OpenAPI document against junk parameters", () => {
  it("answers 2xx or a 4xx with a message, never a 500, a stack trace or a path", async () => {
    t = await testApp();
    const { paths } = (await t.app.inject({ url: "/docs/json" })).json();
    const junk = [
      "year=-1",
      "year=1e99",
      "year=abc",
      "area=%00",
      "area=bezirk:%FF",
      "breakdown=%3Cscript%3E",
      "config=../../x",
      "format=xml",
      "flavour=fr",
      `area=${"x".repeat(5000)}`,
      "year=2020&year=2021",
      "area[]=1",
    ];
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(paths as Record<string, { get?: { responses?: object } }>)) {
      if (!item.get) continue;
      // A route that documents 503 (the report PDF without chromium or dashboard build) may answer it, in German.
      const documented503 = "503" in (item.get.responses ?? {});
      for (const id of ["anteil_mv", "x", "%E0%A4%A", "..%2F..%2Fetc"]) {
        for (const query of junk) {
          const url = `${path.replace(/\{[^}]+\}/g, id)}?${query}`;
          const res = await t.app.inject({ url });
          const leaks = /node_modules|\/work\/|at .*\.ts:\d/.test(res.body);
          const unexplained = res.statusCode >= 400 && typeof res.json().error !== "string";
          const serverFault = res.statusCode >= 500 && !(res.statusCode === 503 && documented503);
          if (serverFault || leaks || unexplained) wrong.push(`${res.statusCode} ${url.slice(0, 80)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("finding 1: bodies are small except the upload, and never read before routing and authentication", () => {
  it("answers a JSON body to no route with 404 without parsing it", async () => {
    t = await testApp();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/nope",
      headers: { "content-type": "application/json" },
      payload: "{ kein JSON",
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe("Nicht gefunden: POST /api/nope");
  });

  it("reads a request body as sent, whatever Content-Encoding it names: the route's German answer, no English 415", async () => {
    t = await testApp();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "content-encoding": "xyz" },
      payload: JSON.stringify({ name: "niemand", password: "falsches-passwort-1" }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe("Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.");
  });

  it("refuses a large body at once by its Content-Length, with a German 413", async () => {
    t = await testApp();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { "content-type": "application/json", ...t.auth },
      payload: JSON.stringify({ junk: "x".repeat(100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe("Der Anfragetext ist zu groß. Erlaubt sind hier höchstens 16 KB.");
  });

  it("answers an upload without token with 401 before its body is looked at", async () => {
    t = await testApp();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      payload: "kein Formular",
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers a 60 MB body to an unknown path with 404 without reading it", async () => {
    t = await testApp();
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = Number(new URL(address).port);
    const started = performance.now();
    const answer = await rawRequest(
      port,
      `POST /api/nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${60 * 1024 * 1024}\r\n\r\n{"a":`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 404/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("finding 4: rejected values and the list of problems stay short", () => {
  it("answers 5 MB of junk lines with a bounded 422: values cut to 60 characters, 1000 problems and a count", async () => {
    t = await testApp();
    const junkLine = `31.12.2024;11;w;0+;deutsch;ohne;${"Q".repeat(900)}`;
    const junk = `${header}\n${Array.from({ length: 6000 }, () => junkLine).join("\n")}\n`;
    expect(junk.length).toBeGreaterThan(5_000_000);
    const res = await upload(t, { profile: "einwohner" }, junk);
    expect(res.statusCode).toBe(422);
    const { problems } = res.json();
    expect(problems[0].value).toBe(`${"Q".repeat(60)}…`);
    expect(res.body.length).toBeLessThan(500_000);

    const many = `${header}\n${Array.from({ length: 3000 }, (_, i) => `31.12.2024;11;w;${i};deutsch;ohne;x`).join("\n")}\n`;
    const capped = (await upload(t, { profile: "einwohner" }, many)).json().problems;
    expect(capped).toHaveLength(1001);
    expect(capped[1000].message).toMatch(/^… und \d+ weitere Probleme/);
  });
});

describe("finding 6: wrong tokens", () => {
  it("rejects any token but the configured one, also on reads", async () => {
    t = await testApp();
    for (const token of ["x", "falsch", `${t.auth.authorization.slice(7)}x`, "test-token"]) {
      const res = await t.app.inject({ url: "/api/auth/check", headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, token).toBe(401);
    }
    expect((await t.app.inject({ url: "/api/auth/check", headers: t.auth })).statusCode).toBe(204);
    const read = await t.app.inject({ url: "/api/districts", headers: { authorization: "Bearer falsch" } });
    expect(read.statusCode).toBe(401);
    expect(read.json().error).toContain("Der Token ist ungültig");
    expect((await t.app.inject({ url: "/api/districts" })).statusCode).toBe(200);
  });

  it("answers 429 with Retry-After to an address after 10 wrong tokens, also for the right one, not for the public", async () => {
    t = await testApp();
    const wrong = { authorization: "Bearer geraten" };
    for (let i = 0; i < FAILED_TOKENS_ALLOWED; i++) {
      expect((await t.app.inject({ url: "/api/auth/check", headers: wrong })).statusCode).toBe(401);
    }
    const limited = await t.app.inject({ url: "/api/auth/check", headers: wrong });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatch(
      /^Zu viele ungültige Anmeldeversuche von dieser Adresse\. Bitte versuchen Sie es in 15 Minuten erneut\.$/,
    );
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(800);
    expect(limited.headers["content-security-policy"]).toBeDefined();

    expect((await t.app.inject({ url: "/api/auth/check", headers: t.auth })).statusCode).toBe(429);
    expect((await t.app.inject({ url: "/api/districts" })).statusCode).toBe(200);
    // Another address is not affected.
    const other = await t.app.inject({ url: "/api/auth/check", headers: t.auth, remoteAddress: "10.0.0.2" });
    expect(other.statusCode).toBe(204);
  });
});

describe("finding 7: the import history is for analysts", () => {
  it("answers 401 to the public and the history to the token", async () => {
    t = await testApp();
    const publicAnswer = await t.app.inject({ url: "/api/imports" });
    expect(publicAnswer.statusCode).toBe(401);
    expect(publicAnswer.body).not.toContain("sha256");
    const analyst = await t.app.inject({ url: "/api/imports", headers: t.auth });
    expect(analyst.statusCode).toBe(200);
    expect(analyst.json()).toEqual({ imports: [] });
  });
});

describe("finding 8: minor answers", () => {
  it("answers oversized headers with a German 431", async () => {
    t = await testApp();
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const answer = await rawRequest(
      Number(new URL(address).port),
      `GET /api/districts HTTP/1.1\r\nHost: x\r\nX-Junk: ${"j".repeat(40_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(answer).toContain('{"error":"Die Kopfzeilen der Anfrage (Header) sind zu groß."}');
  });

  it("answers a request that is not HTTP with a German 400", async () => {
    t = await testApp();
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const answer = await rawRequest(Number(new URL(address).port), "KAPUTT\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(answer).toContain('{"error":"Die Anfrage ist kein gültiges HTTP."}');
  });

  it("answers a form with the profile twice with a German 400", async () => {
    t = await testApp();
    const boundary = "----b";
    const part = (name: string, body: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${body}\r\n`;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...t.auth },
      payload: `${part("profile", "einwohner")}${part("profile", "seu")}${part("file", "a", "a.csv")}--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("Das Formularfeld „profile“ kommt mehrfach vor; bitte jedes Feld nur einmal senden.");
  });

  it("answers a second upload while one is running with 503 and Retry-After instead of queueing it", async () => {
    t = await testApp();
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const boundary = "----langsam";
    // The first upload sends its form head and then waits: it is running until its body ends.
    const first = httpRequest(address, {
      method: "POST",
      path: "/api/imports",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...t.auth },
    });
    const firstAnswer = new Promise<number>((resolve) => {
      first.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      first.on("error", () => resolve(0));
    });
    first.write(`--${boundary}\r\nContent-Disposition: form-data; name="profile"\r\n\r\neinwohner\r\n`);
    first.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${header}\n`);
    await new Promise((r) => setTimeout(r, 200));

    const second = await upload(t, { profile: "einwohner" }, `${header}\n`);
    expect(second.statusCode).toBe(503);
    expect(second.headers["retry-after"]).toBe("60");
    expect(second.json().error).toContain("Es läuft gerade ein anderer Import");

    first.end(`31.12.2015;11;w;0+;deutsch;ohne;abc\r\n--${boundary}--\r\n`);
    expect(await firstAnswer).toBe(422);
    const third = await upload(t, { profile: "einwohner" }, `${header}\n`);
    expect(third.statusCode).toBe(422);
  });

  it("gives the upload slot back when a request never reaches the upload (a broken JSON body)", async () => {
    t = await testApp();
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers: { "content-type": "application/json", ...t.auth },
      payload: "{ kaputt",
    });
    expect(broken.statusCode).toBe(400);
    expect((await upload(t, { profile: "einwohner" }, `${header}\n`)).statusCode).toBe(422);
  });
});
