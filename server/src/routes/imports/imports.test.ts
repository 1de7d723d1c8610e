import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dump, multipartBody, type TestApp, testApp } from "../../testing/app.ts";
import { writeEinwohnerFile } from "../../testing/einwohner-file.ts";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

async function csv(name: string, seed = 0, year = 2015): Promise<Buffer> {
  const path = join(t.dir, name);
  await writeEinwohnerFile(path, { districts: [11, 12], year, seed });
  return readFileSync(path);
}

function upload(fields: Record<string, string>, file?: { name: string; content: string | Buffer }, auth = true) {
  const { payload, headers } = multipartBody(fields, file);
  return t.app.inject({
    method: "POST",
    url: "/api/imports",
    payload,
    headers: { ...headers, ...(auth ? t.auth : {}) },
  });
}

describe("POST /api/imports", () => {
  it("answers 201 with a German summary and lists the file in the history", async () => {
    const res = await upload({ profile: "einwohner" }, { name: "einwohner-2015.csv", content: await csv("a.csv") });

    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.message).toContain("„einwohner-2015.csv“ importiert");
    expect(body.extract).toMatchObject({ profile: "einwohner", year: 2015, stichtag: "2015-12-31", replacedBy: null });
    expect(body.replaced).toBeNull();

    const list = await t.app.inject({ url: "/api/imports", headers: t.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().imports).toEqual([body.extract]);
  });

  it("answers 200 unchanged for a file that is already imported", async () => {
    const content = await csv("a.csv");
    const first = await upload({ profile: "einwohner" }, { name: "a.csv", content });
    const again = await upload({ profile: "einwohner" }, { name: "nochmal.csv", content });

    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ unchanged: true, extract: { id: first.json().extract.id } });
    expect(again.json().message).toContain("bereits importiert");
  });

  it("answers 409 for a year already present and replaces it when replace=true is sent", async () => {
    const first = await upload({ profile: "einwohner" }, { name: "alt.csv", content: await csv("a.csv") });
    const correction = await csv("b.csv", 7);

    const conflict = await upload({ profile: "einwohner" }, { name: "neu.csv", content: correction });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toContain("replace=true");
    expect(conflict.json().details.existing.id).toBe(first.json().extract.id);

    const replaced = await upload({ profile: "einwohner", replace: "true" }, { name: "neu.csv", content: correction });
    expect(replaced.statusCode).toBe(201);
    const newId = replaced.json().extract.id;
    expect(replaced.json().replaced).toMatchObject({ id: first.json().extract.id, replacedBy: newId });

    const history = (await t.app.inject({ url: "/api/imports", headers: t.auth })).json().imports;
    expect(history.map((e: { fileName: string; replacedBy: number | null }) => [e.fileName, e.replacedBy])).toEqual([
      ["neu.csv", null],
      ["alt.csv", newId],
    ]);
  });

  it("answers 422 with every problem as JSON and stores nothing", async () => {
    const before = dump(t.dbPath);
    const res = await upload(
      { profile: "einwohner" },
      {
        name: "kaputt.csv",
        content:
          "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl\n31.12.2015;11;x;0+;deutsch;ohne;-3\n",
      },
    );

    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toContain("abgelehnt");
    expect(body.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of body.problems) expect(Object.keys(p).sort()).toEqual(["column", "line", "message", "value"]);
    expect(body.problems.map((p: { column: string }) => p.column)).toEqual(
      expect.arrayContaining(["Geschlecht", "Anzahl"]),
    );
    expect(dump(t.dbPath)).toBe(before);
  });

  it("needs a login or an API token", async () => {
    const res = await upload({ profile: "einwohner" }, { name: "a.csv", content: await csv("a.csv") }, false);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toContain("Anmeldung erforderlich: Bitte melden Sie sich an");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      ...multipartBody({ profile: "einwohner" }),
      headers: { ...multipartBody({}).headers, authorization: "Bearer falsch" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("answers 400 in German for an unknown profile, a missing profile or a missing file", async () => {
    const content = await csv("a.csv");
    const unknown = await upload({ profile: "gibtsnicht" }, { name: "a.csv", content });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatch(/Unbekanntes Profil „gibtsnicht“.*einwohner/);

    const noProfile = await upload({}, { name: "a.csv", content });
    expect(noProfile.statusCode).toBe(400);
    expect(noProfile.json().error).toContain("Profil angeben");

    const noFile = await upload({ profile: "einwohner" });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toContain("„file“");

    const badReplace = await upload({ profile: "einwohner", replace: "vielleicht" }, { name: "a.csv", content });
    expect(badReplace.statusCode).toBe(400);
    expect(badReplace.json().error).toContain("replace");
  });

  it("answers a cut-off form or a form with two files with a German 400", async () => {
    const boundary = "----b";
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}`, ...t.auth };
    const part = (name: string, body: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${body}\r\n`;
    const cut = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      headers,
      payload: part("file", "abc", "a.csv").slice(0, -2),
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toContain("Formular ist unvollständig oder fehlerhaft");

    const two = `${part("profile", "einwohner")}${part("file", "a", "a.csv")}${part("file", "b", "b.csv")}--${boundary}--\r\n`;
    const res = await t.app.inject({ method: "POST", url: "/api/imports", headers, payload: two });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("Bitte laden Sie genau eine Datei hoch.");
  });

  it("answers a request that is not a form upload with a German 4xx", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports",
      payload: { profile: "einwohner" },
      headers: t.auth,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error).toContain("multipart/form-data");
  });
});

describe("upload size limit", () => {
  it("answers 413 with the limit in MB and stores nothing", async () => {
    const small = await testApp({ uploadLimitBytes: 1024 * 1024 });
    try {
      const big = Buffer.alloc(1024 * 1024 + 10, "a");
      const before = dump(small.dbPath);
      const { payload, headers } = multipartBody({ profile: "einwohner" }, { name: "gross.csv", content: big });
      const res = await small.app.inject({
        method: "POST",
        url: "/api/imports",
        payload,
        headers: { ...headers, ...small.auth },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toBe("Die Datei ist zu groß. Erlaubt sind höchstens 1 MB.");
      expect(dump(small.dbPath)).toBe(before);
    } finally {
      await small.close();
    }
  });
});
