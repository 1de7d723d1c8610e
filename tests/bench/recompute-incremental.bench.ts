// Recomputation after one new extract on the demo city, full and incremental: the next year's population
// register (the first file of a new year; einwohner 2025 as 2026) imported into two copies of the computed demo
// city, one recomputed in full, the other only where the extract reaches (recompute.ts, `incremental`). Both
// solve the Geheimhaltung of the new year's tables anew; the incremental one skips the other years' tables,
// their segregation and their decisions. The two stored results are compared.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findProfile } from "@im/data-import";
import { sql } from "kysely";
import type { AppContext } from "../../server/src/context.ts";
import { importExtract } from "../../server/src/services/importer.ts";
import { type RecomputeSummary, recompute } from "../../server/src/services/recompute.ts";
import { demoDatabase } from "./recompute.bench.ts";
import type { BenchRow } from "./run.ts";

const root = new URL("../../", import.meta.url);

/** The demo city's einwohner 2025 as the extract of 2026 (Stichtag moved on a year, one count changed). */
function nextYearsExtract(dir: string): string {
  const text = readFileSync(new URL("fixtures/demo/einwohner/einwohner_2025.csv", root), "utf8");
  const lines = text.replaceAll("31.12.2025", "31.12.2026").split("\n");
  const cells = lines[1].split(";");
  cells[cells.length - 1] = String(Number(cells[cells.length - 1]) + 5);
  lines[1] = cells.join(";");
  const path = join(dir, "einwohner_2026.csv");
  writeFileSync(path, lines.join("\n"));
  return path;
}

async function storedResults(context: AppContext): Promise<string> {
  const { db } = context.database;
  const tables = [
    sql`select indicator, year, area, breakdown, grp, numerator, denominator, value, status, status_detail, suppression from indicator_values where release = 0 order by rowid`,
    sql`select kind, year, key, area, result from sozialmonitoring where release = 0 order by rowid`,
    sql`select block, decision from disclosure_decisions order by block`,
    sql`select key, value from meta where key not in ('computed_at', 'computation_ms', 'recompute_lease') order by key`,
  ];
  const rows = [];
  for (const table of tables) rows.push((await table.execute(db)).rows);
  return JSON.stringify(rows);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const parts = (s: RecomputeSummary) =>
  `laden ${seconds(s.timings.load)}, Engine ${seconds(s.timings.engine)}, Geheimhaltung ${seconds(s.timings.protection)}, Sozialmonitoring ${seconds(s.timings.sozialmonitoring)}, schreiben ${seconds(s.timings.write)}`;

export default async function (): Promise<BenchRow[]> {
  const full = await demoDatabase();
  const incremental = await demoDatabase();
  try {
    // Both copies first recomputed in full once, so that their decisions name their extracts (a template built
    // by an older version has none) and both start from the same stored results.
    for (const demo of [full, incremental]) await recompute(demo.context);
    const path = nextYearsExtract(join(full.path, ".."));
    const profile = findProfile("einwohner");
    if (!profile) throw new Error("Profil einwohner fehlt");
    for (const demo of [full, incremental]) {
      const outcome = await importExtract(demo.context, {
        path,
        fileName: "einwohner_2026.csv",
        profile,
        replace: false,
        importedBy: "bench",
        recompute: false,
      });
      if (outcome.status !== "imported") throw new Error(`Import einwohner 2026: ${outcome.status}`);
    }
    const fullRun = await recompute(full.context);
    const incrementalRun = await recompute(incremental.context, { incremental: true });
    const same = (await storedResults(full.context)) === (await storedResults(incremental.context));
    console.error(`  voll:        ${seconds(fullRun.timings.total)} (${parts(fullRun)})`);
    console.error(
      `  inkrementell: ${seconds(incrementalRun.timings.total)} (${parts(incrementalRun)}; Jahre ${incrementalRun.recomputedYears?.join(", ") ?? "alle"})`,
    );
    const row = (measure: string, value: string, ok: boolean | null = null): BenchRow => ({
      area: "Neuberechnung",
      measure,
      value,
      target: "–",
      ok,
    });
    return [
      row(`Nach einem neuen Auszug (einwohner 2026), voll: ${parts(fullRun)}`, seconds(fullRun.timings.total)),
      row(
        `Nach einem neuen Auszug (einwohner 2026), nur was er erreicht (Jahre ${incrementalRun.recomputedYears?.join(", ") ?? "alle"}): ${parts(incrementalRun)}`,
        seconds(incrementalRun.timings.total),
      ),
      {
        ...row(
          "Inkrementell gespeichert = voll gespeichert (Werte, Sozialmonitoring, Entscheidungen, Meta)",
          same ? "ja" : "nein",
        ),
        target: "gleich",
        ok: same,
      },
    ];
  } finally {
    await full.dispose();
    await incremental.dispose();
  }
}
