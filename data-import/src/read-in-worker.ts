import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { District } from "./districts.ts";
import type { Observation } from "./line-checker.ts";
import type { Problem } from "./problems.ts";
import type { ExtractProfile } from "./profiles/index.ts";
import { type ExtractSummary, type ReadOptions, readExtract } from "./read-extract.ts";

/**
 * A batch of observations as one array per column, so that it crosses to another thread as a few buffers instead
 * of ten thousand objects. `dims` and `measures` are every distinct string of the file so far, in the order they
 * appeared; the indices point into them.
 */
export interface ObservationColumns {
  length: number;
  /** Stadtteil number, -1 for profiles delivered for the whole city. */
  district: Int32Array;
  dimsIndex: Int32Array;
  measureIndex: Int32Array;
  /** NaN when the office withheld the value. */
  value: Float64Array;
  dims: readonly string[];
  measures: readonly string[];
}

/**
 * Smaller files are read in the calling thread: starting a worker (about 50 ms from the bundle, far more from the
 * TypeScript sources) costs more than reading a few MB beside the inserts saves.
 */
export const WORKER_FROM_BYTES = 4 * 2 ** 20;

export type ColumnsHandler = (batch: ObservationColumns, year: number) => void;

/** What the worker posts: a batch (with the strings first seen in it), the result, or an error. */
export type ReaderMessage =
  | {
      kind: "batch";
      year: number;
      length: number;
      district: Int32Array;
      dimsIndex: Int32Array;
      measureIndex: Int32Array;
      value: Float64Array;
      newDims: string[];
      newMeasures: string[];
    }
  | { kind: "done"; summary: ExtractSummary | null; problems: Problem[] }
  | { kind: "failed"; message: string };

export interface ReaderJob {
  path: string;
  profile: ExtractProfile;
  districts: District[];
  limits?: ReadOptions["limits"];
}

/**
 * `readExtract` of a file in a worker thread (files from 4 MiB; smaller ones in this thread), so that reading, parsing and checking run on another core while the
 * caller stores the batches: same checks, same problems, same summary; batches arrive as columns. Used by the
 * import, whose inserts otherwise waited for the parser and the parser for the inserts.
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
  { signal, limits }: ReadOptions = {},
): Promise<{ summary: ExtractSummary | null; problems: Problem[] }> {
  signal?.throwIfAborted();
  const dims: string[] = [];
  const measures: string[] = [];
  const deliver = (message: Extract<ReaderMessage, { kind: "batch" }>) => {
    dims.push(...message.newDims);
    measures.push(...message.newMeasures);
    onBatch({ ...message, dims, measures }, message.year);
  };
  if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) < WORKER_FROM_BYTES) {
    return readExtract({ path }, profile, districts, columnEncoder(deliver), { signal, limits });
  }
  const job: ReaderJob = { path, profile, districts, limits };
  const worker = new Worker(workerEntry(), { workerData: job });
  return new Promise((resolve, reject) => {
    const stop = (settle: () => void) => {
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
        }
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

/** Turns the reader's batches into columns for `postMessage`; strings are sent once, when first seen. */
export function columnEncoder(post: (message: Extract<ReaderMessage, { kind: "batch" }>) => void) {
  const dimsIds = new Map<string, number>();
  const measureIds = new Map<string, number>();
  return (batch: Observation[], year: number) => {
    const { length } = batch;
    const district = new Int32Array(length);
    const dimsIndex = new Int32Array(length);
    const measureIndex = new Int32Array(length);
    const value = new Float64Array(length);
    const newDims: string[] = [];
    const newMeasures: string[] = [];
    for (let i = 0; i < length; i++) {
      const o = batch[i];
      let d = dimsIds.get(o.dims);
      if (d === undefined) {
        d = dimsIds.size;
        dimsIds.set(o.dims, d);
        newDims.push(o.dims);
      }
      let m = measureIds.get(o.measure);
      if (m === undefined) {
        m = measureIds.size;
        measureIds.set(o.measure, m);
        newMeasures.push(o.measure);
      }
      district[i] = o.district ?? -1;
      dimsIndex[i] = d;
      measureIndex[i] = m;
      value[i] = o.value ?? Number.NaN;
    }
    post({ kind: "batch", year, length, district, dimsIndex, measureIndex, value, newDims, newMeasures });
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
