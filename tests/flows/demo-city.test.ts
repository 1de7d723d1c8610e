// The demo city through the real import path reproduces the generator's own totals. (Its recomputation, with
// the Geheimhaltung of all 13 years, takes minutes: the end-to-end setup does it once; disclosure.test.ts
// audits two of its years.)
import { basename, join } from "node:path";
import { demoCityFiles, demoManifest } from "@im/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../server/src/db/connection.ts";
import { listExtracts } from "../../server/src/repositories/extracts.ts";
import { totalsByExtract } from "../../server/src/repositories/observations.ts";
import { loadDemoCity } from "../../server/src/services/startup.ts";
import { tempDir, testContext, testDatabase } from "../../server/src/testing/app.ts";

let temp: ReturnType<typeof tempDir>;
let database: DatabaseHandle;

beforeAll(async () => {
  temp = tempDir();
  database = await testDatabase(join(temp.dir, "demo.sqlite"));
  await loadDemoCity(testContext(database), () => {}, { recompute: false });
}, 600_000);
afterAll(async () => {
  await database.close();
  temp.remove();
});

describe("the demo city", () => {
  it("imports every file of the manifest once, none replaced", async () => {
    const extracts = await listExtracts(database.db);
    const manifest = demoManifest();
    expect(extracts).toHaveLength(manifest.length);
    expect(extracts.every((e) => e.replaced_by === null)).toBe(true);
    expect(new Set(extracts.map((e) => `${e.profile} ${e.year}`)).size).toBe(manifest.length);
    expect(demoCityFiles()).toHaveLength(manifest.length);
  });

  it("reproduces the manifest's line count and total per file and measure", async () => {
    const extracts = new Map((await listExtracts(database.db)).map((e) => [`${e.profile}/${e.file_name}`, e]));
    const totals = await totalsByExtract(database.db);
    const fromDb = new Map<number, Record<string, number>>();
    for (const t of totals)
      fromDb.set(t.extract_id, { ...fromDb.get(t.extract_id), [t.measure]: Number(t.total ?? 0) });

    const expected = demoManifest().map((m) => ({ file: m.file, year: m.year, lines: m.lines, totals: m.totals }));
    const actual = demoManifest().map((m) => {
      const e = extracts.get(`${m.profile}/${basename(m.file)}`);
      return { file: m.file, year: e?.year, lines: e?.line_count, totals: e ? fromDb.get(e.id) : undefined };
    });
    expect(actual).toEqual(expected);
  });
});
