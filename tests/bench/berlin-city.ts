// The Berlin-sized synthetic city for berlin.bench.ts: generated once into a temporary folder and reused while
// its stamp matches the generator (fixtures/generator/generate.ts `ensureCity`); imports and recomputations run
// in child processes (this file, started with IM_BERLIN_TASK set), so that each phase's peak RSS is its own.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findProfile, profiles } from "@im/data-import";
import { computeIndicators, parseCatalogue } from "@im/indicators";
import { berlinCity } from "../../fixtures/generator/berlin.ts";
import { type CityStamp, ensureCity, type ManifestEntry } from "../../fixtures/generator/generate.ts";
import { loadConfig } from "../../server/src/config.ts";
import { type AppContext, openAppContext } from "../../server/src/context.ts";
import { listDistricts } from "../../server/src/repositories/districts.ts";
import { loadCurrentObservations } from "../../server/src/repositories/indicator-values.ts";
import { importExtract } from "../../server/src/services/importer.ts";
import { type RecomputeSummary, recompute } from "../../server/src/services/recompute.ts";
import { seedDistricts } from "../../server/src/services/startup.ts";

/** Where the city is generated (never inside the repository); BENCH_BERLIN_DIR to choose another place. */
export const BERLIN_DIR = process.env.BENCH_BERLIN_DIR ?? join(tmpdir(), "im-berlin-city");
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface BerlinFile {
  path: string;
  profile: string;
  year: number;
  lines: number;
}

/** The generated city (made now when missing or made by another generator), files in import order. */
export function berlinCityFiles(): { stamp: CityStamp; generated: boolean; files: BerlinFile[]; districts: string } {
  const { stamp, generated } = ensureCity(berlinCity, BERLIN_DIR);
  const manifest = JSON.parse(readFileSync(join(BERLIN_DIR, "manifest.json"), "utf8")) as ManifestEntry[];
  const files = manifest
    .map((e) => ({ path: join(BERLIN_DIR, e.file), profile: e.profile, year: e.year, lines: e.lines }))
    .sort((a, b) => a.year - b.year || Number(b.profile === "einwohner") - Number(a.profile === "einwohner"));
  return { stamp, generated, files, districts: join(BERLIN_DIR, "stadtteile.csv") };
}

/**
 * The catalogue with every indicator exempt from disclosure control (`disclosureControl: false`), written beside
 * the city: a database with complete results of all 13 years in minutes, for the reads and the dashboard,
 * while the Geheimhaltung is measured on its own (its linear programs take hours at this size).
 */
export function catalogueWithoutDisclosure(): string {
  const catalogue = JSON.parse(readFileSync(join(repoRoot, "indicators/catalogue/catalogue.json"), "utf8")) as {
    indicators: { disclosureControl?: boolean }[];
  };
  for (const indicator of catalogue.indicators) indicator.disclosureControl = false;
  const path = join(BERLIN_DIR, "catalogue-ohne-geheimhaltung.json");
  writeFileSync(path, `${JSON.stringify(catalogue, null, 2)}\n`);
  return path;
}

/** The server's context on `dbPath` with the Berlin district list (seeded on an empty database). */
export async function berlinContext(dbPath: string, districtsPath: string, catalogue?: string): Promise<AppContext> {
  const env: NodeJS.ProcessEnv = { MONITOR_DEMO: "0", MONITOR_DISTRICTS: districtsPath };
  if (catalogue) env.MONITOR_CATALOGUE = catalogue;
  const context = await openAppContext(loadConfig(["--db", dbPath], env));
  await seedDistricts(context.database, context.config, () => {});
  return context;
}

export interface ImportReport {
  files: number;
  lines: number;
  observations: number;
  ms: number;
  /** Per profile: milliseconds over all its years. */
  byProfile: Record<string, number>;
  maxRssMiB: number;
}

export interface RecomputeReport {
  summary: Omit<RecomputeSummary, "indexConfigs">;
  /** Measured separately on the same data: reading the observations, and the indicator engine alone. */
  loadMs: number;
  engineMs: number;
  maxRssMiB: number;
}

const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;

async function importTask(dbPath: string, districtsPath: string, files: BerlinFile[]): Promise<ImportReport> {
  const context = await berlinContext(dbPath, districtsPath);
  try {
    const byProfile: Record<string, number> = {};
    let observations = 0;
    const started = performance.now();
    for (const file of files) {
      const profile = findProfile(file.profile);
      if (!profile) throw new Error(`unbekanntes Profil ${file.profile}`);
      const t = performance.now();
      const outcome = await importExtract(context, {
        path: file.path,
        fileName: basename(file.path),
        profile,
        replace: false,
        importedBy: "Benchmark Berlin",
        recompute: false,
      });
      if (outcome.status !== "imported") {
        const why =
          outcome.status === "rejected"
            ? outcome.problems
                .slice(0, 3)
                .map((p) => `Zeile ${p.line}: ${p.message}`)
                .join("; ")
            : outcome.status;
        throw new Error(`${file.path}: ${why}`);
      }
      observations += outcome.extract.observation_count ?? 0;
      byProfile[file.profile] = (byProfile[file.profile] ?? 0) + performance.now() - t;
    }
    return {
      files: files.length,
      lines: files.reduce((s, f) => s + f.lines, 0),
      observations,
      ms: performance.now() - started,
      byProfile,
      maxRssMiB: maxRssMiB(),
    };
  } finally {
    await context.database.close();
  }
}

async function recomputeTask(dbPath: string, districtsPath: string, catalogue?: string): Promise<RecomputeReport> {
  const context = await berlinContext(dbPath, districtsPath, catalogue);
  try {
    // The engine alone, for the split of recompute's `indicators` time into engine and Geheimhaltung.
    let t = performance.now();
    const observations = await loadCurrentObservations(context.database);
    const districts = await listDistricts(context.database.db);
    const loadMs = performance.now() - t;
    const catalogue = parseCatalogue(JSON.parse(readFileSync(context.config.cataloguePath, "utf8")), profiles);
    t = performance.now();
    computeIndicators({ catalogue, profiles, observations, districts });
    const engineMs = performance.now() - t;
    observations.length = 0;
    const { indexConfigs: _, ...summary } = await recompute(context);
    return { summary, loadMs, engineMs, maxRssMiB: maxRssMiB() };
  } finally {
    await context.database.close();
  }
}

type Task =
  | { kind: "import"; dbPath: string; districtsPath: string; files: BerlinFile[] }
  | { kind: "recompute"; dbPath: string; districtsPath: string; catalogue?: string };

if (process.env.IM_BERLIN_TASK) {
  const task = JSON.parse(process.env.IM_BERLIN_TASK) as Task;
  const result =
    task.kind === "import"
      ? await importTask(task.dbPath, task.districtsPath, task.files)
      : await recomputeTask(task.dbPath, task.districtsPath, task.catalogue);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs a task in a fresh Node process (tsx) and returns its JSON answer; `timeoutMs` kills it. */
export function runTask<T>(task: Task, timeoutMs: number, log: (line: string) => void = () => {}): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    cwd: repoRoot,
    env: { ...process.env, IM_BERLIN_TASK: JSON.stringify(task) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    err = (err + String(d)).slice(-4000);
    for (const line of String(d).split("\n")) if (line.trim()) log(line);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${task.kind}: nach ${Math.round(timeoutMs / 1000)} s abgebrochen`));
    }, timeoutMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as T);
      else reject(new Error(`${task.kind}: Prozess beendet (${code ?? signal}):\n${err}`));
    });
  });
}
