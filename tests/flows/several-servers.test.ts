// Several app servers on one database (behind a load balancer): what one imports, the others read, on SQLite
// (one file) and on PostgreSQL (one schema) alike. The second server has its own connection and read cache.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/src/app.ts";
import { type DatabaseHandle, openDatabase } from "../../server/src/db/connection.ts";
import { multipartBody, tempDir, testContext, testToken } from "../../server/src/testing/app.ts";
import { writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";
import { testDatabaseOn, testEngines } from "../../server/src/testing/engines.ts";

describe.each(testEngines)("two app servers on one %s database", (engine) => {
  let temp: ReturnType<typeof tempDir>;
  let databases: DatabaseHandle[] = [];
  let apps: FastifyInstance[] = [];

  beforeAll(async () => {
    temp = tempDir();
    const first = await testDatabaseOn(engine, join(temp.dir, "monitor.sqlite"));
    const second = await openDatabase(first.location);
    databases = [first, second];
    for (const database of databases) {
      const context = testContext(database, { adminToken: testToken, webDistPath: join(temp.dir, "no-web") });
      apps.push(await buildApp({ context }));
    }
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    // The first handle last: on PostgreSQL its close drops the test schema.
    for (const database of [...databases].reverse()) await database.close();
    apps = [];
    temp.remove();
  });

  it("reads on the second server what was imported through the first, results included", async () => {
    const auth = { authorization: `Bearer ${testToken}` };
    const [a, b] = apps;
    const valuesUrl = "/api/indicators/auslaenderanteil/values?year=2015&area=stadt&breakdown=gesamt";
    expect((await b.inject({ url: valuesUrl, headers: auth })).json().rows ?? []).toHaveLength(0);

    const path = join(temp.dir, "einwohner-2015.csv");
    await writeEinwohnerFile(path, { districts: [11, 12, 13], year: 2015, seed: 3 });
    const form = multipartBody({ profile: "einwohner" }, { name: "einwohner-2015.csv", content: readFileSync(path) });
    const upload = await a.inject({
      method: "POST",
      url: "/api/imports",
      payload: form.payload,
      headers: { ...form.headers, ...auth },
    });
    expect(upload.statusCode).toBe(201);

    const imports = (await b.inject({ url: "/api/imports", headers: auth })).json().imports;
    expect(imports.map((i: { fileName: string }) => i.fileName)).toEqual(["einwohner-2015.csv"]);
    const status = (await b.inject({ url: "/api/status" })).json();
    expect(status).toMatchObject({ upToDate: true, resultsGeneration: status.dataGeneration });
    const rows = (await b.inject({ url: valuesUrl, headers: auth })).json().rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ year: 2015, area: "stadt", status: "ok" });
    expect(rows[0].value).toBeGreaterThan(0);
  }, 300_000);
});
