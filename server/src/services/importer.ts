import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type ExtractProfile, type ExtractSummary, type Problem, readExtract } from "@im/data-import";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { AppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import type { Database } from "../db/schema.ts";
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
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
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
 * The import gets its own connection to the same file. Parsing streams and awaits between batches, so its
 * transaction stays open across `await`; on the app's shared connection that transaction would swallow the
 * statements of every request served meanwhile. On a second connection, requests keep reading the last
 * committed state (WAL) and a failure or a kill simply never commits. Rows are written batch by batch, so
 * memory stays flat however large the file is.
 */
function openWriter(database: DatabaseHandle): { sqlite: SQLite.Database; db: Kysely<Database> } {
  if (database.sqlite.memory) throw new Error("Importe brauchen eine Datenbankdatei, nicht :memory:.");
  // A short busy timeout: better-sqlite3 waits synchronously, which would stall the server's event loop.
  const sqlite = new SQLite(database.sqlite.name, { timeout: 1000 });
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // 64 MB instead of 2 MB: fewer half-filled pages spilled to the WAL mid-transaction (insert measured ~2× faster).
  sqlite.pragma("cache_size = -65536");
  return { sqlite, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }) };
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

async function store(database: DatabaseHandle, request: ImportRequest): Promise<ImportOutcome> {
  request.signal?.throwIfAborted();
  const { profile } = request;
  const sha256 = await sha256OfFile(request.path);
  const known = await findCurrentBySha256(database.db, profile.id, sha256);
  if (known) return { status: "unchanged", extract: known };
  const districts = await listDistricts(database.db);

  const writer = openWriter(database);
  try {
    try {
      writer.sqlite.exec("BEGIN IMMEDIATE");
    } catch (error) {
      throw (error as { code?: string }).code === "SQLITE_BUSY" ? new DatabaseBusyError() : error;
    }
    const id = await beginExtract(writer.db, {
      profile: profile.id,
      office: profile.office,
      file_name: request.fileName,
      sha256,
      imported_by: request.importedBy,
    });
    // Observations carry the year of the Stichtag, which the reader sends with the first batch.
    let write: ReturnType<typeof observationWriter> | undefined;
    let written = 0;
    const { summary, problems } = await readExtract(
      { path: request.path },
      profile,
      districts,
      (batch, year) => {
        write ??= observationWriter(writer.sqlite, { extractId: id, profile: profile.id, year });
        written += write(batch);
        request.onProgress?.(written);
      },
      { signal: request.signal },
    );
    if (problems.length > 0 || !summary) {
      writer.sqlite.exec("ROLLBACK");
      return { status: "rejected", problems };
    }
    const existing = await findCurrentForYear(writer.db, profile.id, summary.year);
    if (existing && !request.replace) {
      writer.sqlite.exec("ROLLBACK");
      return { status: "conflict", existing, year: summary.year };
    }
    const extract = await completeExtract(writer.db, id, {
      year: summary.year,
      stichtag: summary.stichtag,
      encoding: summary.encoding,
      // The hash of the bytes actually parsed, should the file have changed since the check above.
      sha256: summary.sha256,
      line_count: summary.lineCount,
      observation_count: written,
    });
    const replaced = existing ? await replaceExtract(writer.db, existing.id, id) : null;
    await markDataChanged(writer.db);
    // The last moment to give up: the finally below rolls back.
    request.signal?.throwIfAborted();
    writer.sqlite.exec("COMMIT");
    return { status: "imported", extract, replaced, summary };
  } finally {
    if (writer.sqlite.inTransaction) writer.sqlite.exec("ROLLBACK");
    await writer.db.destroy();
  }
}
