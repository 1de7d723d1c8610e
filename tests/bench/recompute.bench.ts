// Full recomputation on the demo city: the committed fixtures/demo extracts imported through the real import
// service into a temporary database, then `recompute` (indicators with Geheimhaltung, all segregation measures
// for every comparison, year and area, the status/dynamics index) measured several times.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../server/src/config.ts";
import { type AppContext, openAppContext } from "../../server/src/context.ts";
import { type RecomputeSummary, recompute } from "../../server/src/services/recompute.ts";
import { loadDemoCity, seedDistricts } from "../../server/src/services/startup.ts";
import type { BenchRow } from "./run.ts";

const RUNS = 5;

/** A temporary database with the whole demo city imported (and computed once). */
export async function demoDatabase(): Promise<{ context: AppContext; path: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "im-bench-demo-"));
  const path = join(dir, "demo.sqlite");
  const context = await openAppContext(loadConfig(["--db", path], { MONITOR_DEMO: "0" }));
  await seedDistricts(context.database, context.config, () => {});
  await loadDemoCity(context);
  return {
    context,
    path,
    async dispose() {
      await context.database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export default async function (): Promise<BenchRow[]> {
  const demo = await demoDatabase();
  try {
    const runs: RecomputeSummary[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await recompute(demo.context));
    const [first] = runs;
    const part = (key: keyof RecomputeSummary["timings"]) => {
      const values = runs.map((r) => r.timings[key]);
      return { median: median(values), best: Math.min(...values) };
    };
    const indicators = part("indicators");
    const sozialmonitoring = part("sozialmonitoring");
    const write = part("write");
    const total = part("total");
    const shown = (t: { median: number; best: number }) => `${seconds(t.median)} (best ${seconds(t.best)})`;
    return [
      {
        area: "Neuberechnung",
        measure: `Indikatoren: ${first.observations} Beobachtungen laden, Engine, Geheimhaltung → ${first.indicatorRows} Werte (Median aus ${RUNS})`,
        value: shown(indicators),
        target: "≤ 2 s",
        ok: indicators.median <= 2000,
      },
      {
        area: "Neuberechnung",
        measure: `Sozialmonitoring: ${first.segregationResults} Segregationsprofile (alle Vergleiche, Jahre, Gebiete) + Index ${first.indexYears.length} Jahre`,
        value: shown(sozialmonitoring),
        target: "< 1 s",
        ok: sozialmonitoring.median < 1000,
      },
      {
        area: "Neuberechnung",
        measure: "Ergebnisse schreiben (eine Transaktion)",
        value: shown(write),
        target: "–",
        ok: null,
      },
      { area: "Neuberechnung", measure: "Gesamt je Import", value: shown(total), target: "–", ok: null },
    ];
  } finally {
    await demo.dispose();
  }
}
