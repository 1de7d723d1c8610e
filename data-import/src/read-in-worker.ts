import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { District } from "./districts.ts";
import type { ColumnsHandler, ObservationColumns } from "./line-checker.ts";
import type { Problem } from "./problems.ts";
import type { ExtractProfile } from "./profiles/index.ts";
import { type ExtractSummary, type ReadOptions, readExtractColumns } from "./read-extract.ts";

/**
 * Smaller files are read in the calling thread: starting a worker (about 50 ms from the bundle, far more from the
 * TypeScript sources) costs more than reading a few MB beside the inserts saves.
 */
export const WORKER_FROM_BYTES = 4 * 2 ** 20;

/** What the worker posts: a batch (with the strings first seen in it), the result, or an error. */
export type ReaderMessage =
  | {
      kind: "batch";
      year: number;
      batch: Omit<ObservationColumns, "dims" | "measures">;
      newDims: string[];
      newMeasures: string[];
    }
  | { kind: "done"; summary: ExtractSummary | null; problems: Problem[] }
  | { kind: "failed"; message: string };

/** What the calling thread posts back: one batch has been handed on (and stored, if the caller waited for that). */
export type ReaderAck = { kind: "stored" };

/** Batches the worker may have sent without their `ReaderAck` before it stops reading. */
export const BATCHES_IN_FLIGHT = 4;

export interface WorkerReadOptions extends Omit<ReadOptions, "paced"> {
  /**
   * Asked after each batch: a promise when the caller's batches pile up (the import's COPY to a slower database);
   * once `BATCHES_IN_FLIGHT` batches wait for theirs, the worker reads no further, so memory stays flat.
   */
  backlog?: () => Promise<void> | null;
}

export interface ReaderJob {
  path: string;
  profile: ExtractProfile;
  districts: District[];
  limits?: ReadOptions["limits"];
}

/**
 * `readExtractColumns` of a file in a worker thread (from 4 MiB; smaller files in this thread), so that reading,
 * parsing and checking run on another core while the caller stores the batches: same checks, same problems, same
 * summary. Used by the import, whose inserts otherwise waited for the parser and the parser for the inserts.
 *
 * @example
 * const { summary, problems } = await readExtractInWorker("einwohner-2024.csv", findProfile("einwohner")!,
 *   muensterDistricts, (batch, year) => writer.write(batch, year));
 */
export function readExtractInWorker(
  path: string,
  profile: ExtractProfile,
  districts: District[],
  onBatch: ColumnsHandler,
  { signal, limits, backlog }: WorkerReadOptions = {},
): Promise<{ summary: ExtractSummary | null; problems: Problem[] }> {
  signal?.throwIfAborted();
  if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) < WORKER_FROM_BYTES) {
    return readExtractColumns({ path }, profile, districts, onBatch, { signal, limits });
  }
  const dims: string[] = [];
  const measures: string[] = [];
  const deliver = (message: Extract<ReaderMessage, { kind: "batch" }>) => {
    for (const d of message.newDims) dims.push(d);
    for (const m of message.newMeasures) measures.push(m);
    onBatch({ ...message.batch, dims, measures }, message.year);
  };
  const job: ReaderJob = { path, profile, districts, limits };
  const worker = new Worker(workerEntry(), { workerData: job });
  let stopped = false;
  const acknowledge = () => {
    if (!stopped) worker.postMessage({ kind: "stored" } satisfies ReaderAck);
  };
  return new Promise((resolve, reject) => {
    const stop = (settle: () => void) => {
      stopped = true;
      signal?.removeEventListener("abort", aborted);
      worker.removeAllListeners();
      void worker.terminate();
      settle();
    };
    const aborted = () => stop(() => reject(signal?.reason));
    signal?.addEventListener("abort", aborted, { once: true });
    worker.on("message", (message: ReaderMessage) => {
      if (signal?.aborted) return;
      if (message.kind === "batch") {
        try {
          deliver(message);
        } catch (error) {
          stop(() => reject(error));
          return;
        }
        const held = backlog?.();
        if (held) held.then(acknowledge, acknowledge);
        else acknowledge();
      } else if (message.kind === "done") {
        stop(() => resolve({ summary: message.summary, problems: message.problems }));
      } else {
        stop(() => reject(new Error(message.message)));
      }
    });
    worker.on("error", (error) => stop(() => reject(error)));
    worker.on("exit", (code) =>
      stop(() => reject(new Error(`Lesen der Datei abgebrochen (Worker beendet mit ${code}).`))),
    );
  });
}

/** Posts the reader's batches to the calling thread: their buffers are moved, strings sent once, when first seen. */
export function columnPoster(post: (message: ReaderMessage, transfer: ArrayBuffer[]) => void): ColumnsHandler {
  let dimsSent = 0;
  let measuresSent = 0;
  return ({ dims, measures, ...batch }, year) => {
    const newDims = dims.slice(dimsSent);
    const newMeasures = measures.slice(measuresSent);
    dimsSent = dims.length;
    measuresSent = measures.length;
    const buffers = [batch.line, batch.district, batch.dimsIndex, batch.measureIndex, batch.value].map(
      (column) => column.buffer as ArrayBuffer,
    );
    post({ kind: "batch", year, batch, newDims, newMeasures }, buffers);
  };
}

/** Set by server/build.ts in the bundle, where the worker is its own file beside cli.js and server.js. */
const bundled = process.env.MONITOR_BUNDLED === "1";

/**
 * The bundle's worker file; from the TypeScript sources (tests, tsx) a module that first registers tsx's loader in
 * the worker (as services/results.ts does for the recomputation).
 */
function workerEntry(): string | URL {
  if (bundled) return join(dirname(process.argv[1]), "read-worker.js");
  const loader = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const source = new URL("./read-worker.ts", import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
