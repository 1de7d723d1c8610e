// The demo city through the real import path reproduces the generator's own totals.
import { basename, join } from "node:path";
import { demoCityFiles, demoManifest } from "@im/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../server/src/db/connection.ts";
import { listExtracts } from "../../server/src/repositories/extracts.ts";
import { totalsByExtract } from "../../server/src/repositories/observations.ts";
import { auditStoredPublication } from "../../server/src/services/disclosure-audit.ts";
import { recompute } from "../../server/src/services/recompute.ts";
import { loadDemoCity } from "../../server/src/services/startup.ts";
import { tempDir, testContext, testDatabase } from "../../server/src/testing/app.ts";

let temp: ReturnType<typeof tempDir>;
let database: DatabaseHandle;

beforeAll(async () => {
  temp = tempDir();
  database = await testDatabase(join(temp.dir, "demo.sqlite"));
  await loadDemoCity(testContext(database));
}, 1_800_000);
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

  it("has computed the indicators and the Sozialmonitoring afterwards", () => {
    const count = (table: string) =>
      (database.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(count("indicator_values")).toBeGreaterThan(0);
    expect(count("sozialmonitoring")).toBeGreaterThan(0);
  });

  it("publishes nothing an attacker can narrow: the audit of the stored publication finds no violation", async () => {
    const audit = await auditStoredPublication(testContext(database));
    expect(audit.hidden).toBeGreaterThan(0);
    expect(audit.findings.map((f) => `${f.name}: ${f.problem}`)).toEqual([]);
  }, 1_200_000);

  it("takes over every block's decision when nothing changed: a second recomputation solves nothing", async () => {
    const before = database.sqlite.prepare("select count(*) as n from disclosure_decisions").get() as { n: number };
    const values = () =>
      database.sqlite.prepare("select indicator, year, area, grp, status from indicator_values order by rowid").all();
    const first = values();
    const started = performance.now();
    await recompute(testContext(database));
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(values()).toEqual(first);
    expect(database.sqlite.prepare("select count(*) as n from disclosure_decisions").get()).toEqual(before);
  }, 600_000);
});
