import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AppContext } from "../context.ts";
import {
  acquireLease,
  currentLease,
  type Generations,
  leaseMs,
  ownHolder,
  readGenerations,
  releaseLease,
} from "../repositories/generations.ts";
import { readMeta } from "../repositories/indicator-values.ts";
import type { DisclosureAudit } from "./disclosure-audit.ts";
import type { RecomputeSummary } from "./recompute.ts";

/**
 * Keeps the stored results belonging to the stored data. Any process that changes the data, starts up, or
 * notices newer data (a CLI import beside the server) calls `bringResultsUpToDate`; a lease in the database
 * lets one process at a time recompute, and the computation runs in a worker thread so that the process keeps
 * answering meanwhile. A process killed mid-way leaves the old results and a data generation ahead of them,
 * which the next caller sees and recomputes.
 */
export interface ResultsStatus {
  dataGeneration: number;
  resultsGeneration: number | null;
  /** The stored results belong to the stored data and the configured catalogue. */
  upToDate: boolean;
  /** Some process recomputes right now. */
  recomputing: boolean;
  computedAt: string | null;
}

/** What one process remembers of its own recomputation (kept in the app context). */
export class ResultsKeeper {
  running: Promise<RecomputeSummary | null> | null = null;
}

const pollMs = 250;

export async function resultsStatus(context: AppContext): Promise<ResultsStatus> {
  const { db } = context.database;
  const generations = await readGenerations(db);
  return {
    dataGeneration: generations.data,
    resultsGeneration: generations.results,
    upToDate: isCurrent(generations, catalogueFileSha256(context)),
    recomputing: context.results.running !== null || (await currentLease(db)) !== null,
    computedAt: await readMeta(db, "computed_at"),
  };
}

/**
 * Returns once the stored results belong to the data as it is now (recomputing here, or waiting for the
 * process that does). Concurrent calls in one process share one run. `force` recomputes once even when
 * the results are current (the `recompute` command). Resolves with the summary of this process's last
 * recomputation, or null when none was needed.
 */
export function bringResultsUpToDate(
  context: AppContext,
  { force = false }: { force?: boolean } = {},
): Promise<RecomputeSummary | null> {
  const { results } = context;
  if (results.running && !force) return results.running;
  const run = (results.running ?? Promise.resolve(null))
    .catch(() => null)
    .then(() => keepUpToDate(context, force))
    .finally(() => {
      if (results.running === run) results.running = null;
    });
  results.running = run;
  return run;
}

async function keepUpToDate(context: AppContext, force: boolean): Promise<RecomputeSummary | null> {
  const { db } = context.database;
  const holder = ownHolder();
  let summary: RecomputeSummary | null = null;
  for (;;) {
    const generations = await readGenerations(db);
    if (!force && isCurrent(generations, catalogueFileSha256(context))) return summary;
    if (!(await acquireLease(db, holder))) {
      await sleep(pollMs);
      continue;
    }
    const renewal = setInterval(() => void acquireLease(db, holder).catch(() => {}), leaseMs / 3);
    try {
      // New data only: what the changed extracts can reach (falls back to everything where it must, see
      // recompute.ts); `force` (the recompute command) recomputes everything.
      summary = await recomputeOffThread(context, { incremental: !force });
      force = false;
    } finally {
      clearInterval(renewal);
      await releaseLease(db, holder);
    }
    context.readCache.invalidate();
  }
}

/**
 * The server's watch for data changed by another process without results (an `import --no-recompute`, a CLI
 * killed while recomputing): checks once a second and recomputes. Returns the function that stops it.
 */
export function watchResults(context: AppContext, log: (message: string) => void): () => void {
  const timer = setInterval(async () => {
    if (context.results.running) return;
    try {
      const generations = await readGenerations(context.database.db);
      if (generations.results === generations.data || (await currentLease(context.database.db))) return;
      log("Neue Daten ohne aktuelle Ergebnisse gefunden: Neuberechnung läuft …");
      await bringResultsUpToDate(context);
      log("Neuberechnung abgeschlossen.");
    } catch (error) {
      log(`Neuberechnung fehlgeschlagen: ${(error as Error).message}`);
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

function isCurrent(generations: Generations, catalogueSha256: string): boolean {
  return generations.results === generations.data && generations.catalogueSha256 === catalogueSha256;
}

/** The hash the recomputation stores (see catalogue-loading.ts), without parsing the file again. */
function catalogueFileSha256(context: AppContext): string {
  return createHash("sha256").update(readFileSync(context.config.cataloguePath, "utf8")).digest("hex");
}

/**
 * The recomputation in a worker thread on its own connection; in this thread only for an in-memory database
 * (tests), which no other connection can see.
 */
async function recomputeOffThread(context: AppContext, options: { incremental: boolean }): Promise<RecomputeSummary> {
  if (context.database.inMemory) {
    const { recompute } = await import("./recompute.ts");
    return recompute(context, options);
  }
  const answer = await runInWorker(context, options.incremental ? "recompute-changes" : "recompute");
  if (!("summary" in answer)) throw new Error("Unerwartete Antwort der Neuberechnung.");
  return answer.summary;
}

/** The Geheimhaltung audit of the stored draft (minutes for a large city) off the event loop, as above. */
export async function auditOffThread(context: AppContext): Promise<DisclosureAudit> {
  if (context.database.inMemory) {
    const { auditStoredPublication } = await import("./disclosure-audit.ts");
    return auditStoredPublication(context);
  }
  const answer = await runInWorker(context, "audit");
  if (!("audit" in answer)) throw new Error("Unerwartete Antwort der Geheimhaltungsprüfung.");
  return answer.audit;
}

/** `recompute-changes`: only what changed since the stored results (see recompute.ts, `incremental`). */
export type WorkerTask = "recompute" | "recompute-changes" | "audit";
export type WorkerAnswer =
  | { summary: RecomputeSummary }
  | { audit: DisclosureAudit }
  | { error: { name: string; message: string } };

function runInWorker(context: AppContext, task: WorkerTask): Promise<WorkerAnswer> {
  const worker = new Worker(workerEntry(), { workerData: { config: context.config, task } });
  return new Promise<WorkerAnswer>((resolve, reject) => {
    worker.once("message", (message: WorkerAnswer) => {
      if ("error" in message) reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`Hintergrundberechnung abgebrochen (Worker beendet mit ${code}).`)));
  });
}

/** Set by server/build.ts in the bundle, where the worker is its own file beside cli.js and server.js. */
const bundled = process.env.MONITOR_BUNDLED === "1";

/**
 * The bundle's worker file; from the TypeScript sources (tests, tsx) a module that first registers tsx's
 * loader in the worker (a loader given on the worker's command line does not reach its main module in Node 20).
 */
function workerEntry(): string | URL {
  if (bundled) return join(dirname(process.argv[1]), "recompute-worker.js");
  // require.resolve finds the CommonJS build of tsx's API; its ESM twin lies beside it.
  const loader = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const source = new URL("./recompute-worker.ts", import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
