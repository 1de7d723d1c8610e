// Full recomputation on the demo city: the committed fixtures/demo extracts imported through the real import
// service into a temporary database, then `recompute` (indicators with Geheimhaltung, all segregation measures
// for every comparison, year and area, the status/dynamics index) measured several times.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../server/src/config.ts";
import { type AppContext, openAppContext } from "../../server/src/context.ts";
import { type RecomputeSummary, recompute } from "../../server/src/services/recompute.ts";
import { loadDemoCity, seedDistricts } from "../../server/src/services/startup.ts";
import type { BenchRow } from "./run.ts";

const RUNS = 5;

let template: Promise<string> | undefined;

/**
 * The demo city imported and computed once per bench run (the first Geheimhaltung takes minutes), or the
 * database MONITOR_E2E_DEMO_DB names (built earlier, never written).
 */
function demoTemplate(): Promise<string> {
  template ??= (async () => {
    if (process.env.MONITOR_E2E_DEMO_DB) return process.env.MONITOR_E2E_DEMO_DB;
    const dir = mkdtempSync(join(tmpdir(), "im-bench-template-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "demo.sqlite");
    const context = await openAppContext(loadConfig(["--db", path], { MONITOR_DEMO: "0" }));
    await seedDistricts(context.database, context.config, () => {});
    await loadDemoCity(context);
    await context.database.close();
    return path;
  })();
  return template;
}

/** A temporary copy of the demo city's database, opened. */
export async function demoDatabase(): Promise<{ context: AppContext; path: string; dispose(): Promise<void> }> {
  const from = await demoTemplate();
  const dir = mkdtempSync(join(tmpdir(), "im-bench-demo-"));
  const path = join(dir, "demo.sqlite");
  for (const suffix of ["", "-wal"]) if (existsSync(from + suffix)) copyFileSync(from + suffix, path + suffix);
  const context = await openAppContext(loadConfig(["--db", path], { MONITOR_DEMO: "0" }));
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
    const load = part("load");
    const engine = part("engine");
    const protection = part("protection");
    const sozialmonitoring = part("sozialmonitoring");
    const write = part("write");
    const total = part("total");
    const shown = (t: { median: number; best: number }) => `${seconds(t.median)} (best ${seconds(t.best)})`;
    const row = (measure: string, t: { median: number; best: number }): BenchRow => ({
      area: "Neuberechnung",
      measure,
      value: shown(t),
      target: "–",
      ok: null,
    });
    return [
      row(
        `${first.observations} Beobachtungen laden (Median aus ${RUNS}, Entscheidungen der Geheimhaltung bekannt)`,
        load,
      ),
      row(`Indikator-Engine → ${first.indicatorRows} Werte`, engine),
      row("Geheimhaltung (Modell aller Veröffentlichungen, bekannte Blöcke übernommen)", protection),
      row(
        `Sozialmonitoring: ${first.segregationResults} Segregationsprofile + Index ${first.indexYears.length} Jahre`,
        sozialmonitoring,
      ),
      row("Ergebnisse schreiben (eine Transaktion)", write),
      { ...row("Gesamt ohne neue Daten", total), target: "≤ 2 s", ok: total.median <= 2000 },
    ];
  } finally {
    await demo.dispose();
  }
}
