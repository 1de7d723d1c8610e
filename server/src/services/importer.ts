import { createHash } from "node:crypto";
import {
  type ExtractProfile,
  type ExtractSummary,
  fileChunks,
  type Problem,
  readExtractInWorker,
} from "@im/data-import";
import type { AppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { type Conn, WriteLockBusyError } from "../db/engine.ts";
import { listDistricts } from "../repositories/districts.ts";
import {
  beginExtract,
  completeExtract,
  type ExtractRow,
  findCurrentBySha256,
  findCurrentForYear,
  replaceExtract,
} from "../repositories/extracts.ts";
import { markDataChanged } from "../repositories/generations.ts";
import { observationWriter } from "../repositories/observations.ts";
import { bringResultsUpToDate } from "./results.ts";

export interface ImportRequest {
  /** The file on disk; uploads are streamed to a temporary file first. */
  path: string;
  /** The name the office gave the file, for the history. */
  fileName: string;
  profile: ExtractProfile;
  /** Replace the current extract of the same profile and year. */
  replace: boolean;
  importedBy: string;
  /** Recompute indicators afterwards (off when several files are imported and recomputed once at the end). */
  recompute?: boolean;
  /** Called after each stored batch with the number of observations so far. */
  onProgress?: (observations: number) => void;
  /** Aborts the import (nothing is committed), e.g. when the uploading client has gone. */
  signal?: AbortSignal;
}

export type ImportOutcome =
  | { status: "imported"; extract: ExtractRow; replaced: ExtractRow | null; summary: ExtractSummary }
  | { status: "unchanged"; extract: ExtractRow }
  | { status: "conflict"; existing: ExtractRow; year: number }
  | { status: "rejected"; problems: Problem[] };

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fileChunks(path)) hash.update(chunk);
  return hash.digest("hex");
}

/** Another process (a CLI import beside the server) holds the write lock. */
export class DatabaseBusyError extends Error {
  readonly statusCode = 503;
  constructor() {
    super(
      "Die Datenbank wird gerade von einem anderen Import beschrieben. Bitte versuchen Sie es in einigen Minuten erneut.",
    );
  }
}

/**
 * Imports one extract all or nothing: a file with any problem, a conflict with an existing year, an error
 * or a killed process leave the database as it was. The same file twice is a no-op.
 */
export async function importExtract(context: AppContext, request: ImportRequest): Promise<ImportOutcome> {
  const outcome = await context.imports.run(() => store(context.database, request));
  // Also after "unchanged": the same file sent again after a recomputation was cut short brings its results.
  // Outside the import queue: recomputations have their own order (results.ts), and the next import need not wait.
  if (outcome.status !== "rejected" && request.recompute !== false) await bringResultsUpToDate(context);
  return outcome;
}

/**
 * With `MONITOR_IMPORT_PHASES=1` each import writes one line to stderr: when its phases ended, in ms since the
 * process started, and how long the inserts took on this thread (tests/bench/import.bench.ts and
 * postgres-import.bench.ts print where the time goes from it).
 */
const phasesWanted = process.env.MONITOR_IMPORT_PHASES === "1";

class Phases {
  private readonly ends: Record<string, number> = { started: performance.now() };
  inserting = 0;
  end(phase: string): void {
    this.ends[phase] = performance.now();
  }
  report(): void {
    if (phasesWanted) console.error(`import-phases ${JSON.stringify({ ...this.ends, inserting: this.inserting })}`);
  }
}

async function store(database: DatabaseHandle, request: ImportRequest): Promise<ImportOutcome> {
  request.signal?.throwIfAborted();
  const phases = new Phases();
  const { profile } = request;
  // A file already imported is answered with "unchanged". Its hash is computed beside the reading, which it stops
  // once the file is found in the history, instead of in a pass over the file before the reading starts.
  const known = new AbortController();
  const hashed = sha256OfFile(request.path).then(async (sha256) => {
    const extract = await findCurrentBySha256(database.db, profile.id, sha256);
    if (extract) known.abort(new Rollback({ status: "unchanged", extract }));
  });
  hashed.catch(() => {}); // awaited in storeIn; an error before then must not go unhandled
  const districts = await listDistricts(database.db);
  phases.end("checked");

  // The import gets a connection of its own (db/engine.ts: ownConnection). Parsing streams and awaits between
  // batches, so its transaction stays open across `await`; on the app's shared connection it would swallow (or
  // hold up) the statements of every request served meanwhile. Requests keep reading the last committed state, a
  // failure or a kill simply never commits, and the write lock keeps two imports (on any app server of the
  // database) from interleaving. Rows are written batch by batch, so memory stays flat however large the file is.
  try {
    const outcome = await database.transaction(
      (tx) => storeIn(tx, request, { hashed, known: known.signal, beside: database }, districts, phases),
      {
        ownConnection: true,
        lock: true,
      },
    );
    phases.end("committed");
    phases.report();
    return outcome;
  } catch (error) {
    if (error instanceof WriteLockBusyError) throw new DatabaseBusyError();
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

/** Ends the import's transaction without storing anything, answering with `outcome`. */
class Rollback extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super("rollback");
  }
}

async function storeIn(
  tx: Conn,
  request: ImportRequest,
  { hashed, known, beside }: { hashed: Promise<void>; known: AbortSignal; beside: Conn },
  districts: Awaited<ReturnType<typeof listDistricts>>,
  phases: Phases,
): Promise<ImportOutcome> {
  const { profile } = request;
  const id = await beginExtract(tx.db, {
    profile: profile.id,
    office: profile.office,
    file_name: request.fileName,
    sha256: "", // from the summary, below
    imported_by: request.importedBy,
  });
  const write = await observationWriter(tx, { extractId: id, profile: profile.id, beside });
  let written = 0;
  // Reading and checking run in a worker thread, beside the inserts here (data-import: readExtractInWorker).
  const { summary, problems } = await readExtractInWorker(
    request.path,
    profile,
    districts,
    // Observations carry the year of the Stichtag, which the reader sends with every batch.
    (batch, year) => {
      const started = performance.now();
      written += write.write(batch, year);
      phases.inserting += performance.now() - started;
      request.onProgress?.(written);
    },
    {
      signal: request.signal ? AbortSignal.any([request.signal, known]) : known,
      // The reader waits while the COPY to PostgreSQL lags behind, instead of piling the file up in memory.
      backlog: write.backlog,
    },
  );
  await hashed;
  known.throwIfAborted();
  phases.end("read");
  if (problems.length > 0 || !summary) throw new Rollback({ status: "rejected", problems });
  await write.end();
  phases.end("written");
  const existing = await findCurrentForYear(tx.db, profile.id, summary.year);
  if (existing && !request.replace) throw new Rollback({ status: "conflict", existing, year: summary.year });
  const extract = await completeExtract(tx.db, id, {
    year: summary.year,
    stichtag: summary.stichtag,
    encoding: summary.encoding,
    // The hash of the bytes actually parsed.
    sha256: summary.sha256,
    line_count: summary.lineCount,
    observation_count: written,
  });
  const replaced = existing ? await replaceExtract(tx.db, existing.id, id) : null;
  await markDataChanged(tx.db);
  phases.end("stored");
  // The last moment to give up: the transaction rolls back.
  request.signal?.throwIfAborted();
  return { status: "imported", extract, replaced, summary };
}
