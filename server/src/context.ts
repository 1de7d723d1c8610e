import type { Config } from "./config.ts";
import { type DatabaseHandle, databaseOf, openDatabase } from "./db/connection.ts";
import { readResultsStamp } from "./repositories/generations.ts";
import type { LoadedCatalogue } from "./services/catalogue-loading.ts";
import { ReadCache } from "./services/read-cache.ts";
import { ResultsKeeper } from "./services/results.ts";
import { TaskQueue } from "./services/task-queue.ts";

/**
 * Everything the service keeps besides the database file, one per opened database. The app decorates its
 * Fastify instance with it (`app.context`), each CLI command builds its own; services take it as an argument.
 */
export interface AppContext {
  readonly config: Config;
  readonly database: DatabaseHandle;
  /** The configured catalogue as last read (on first use; every recomputation reads the file again). */
  catalogue: LoadedCatalogue | null;
  /** Whole read answers, per stored results (see services/read-cache.ts). */
  readonly readCache: ReadCache;
  /** One import at a time in this process (the write lock is the database's anyway). */
  readonly imports: TaskQueue;
  /** This process's recomputation, if one runs (see services/results.ts). */
  readonly results: ResultsKeeper;
}

export function createAppContext(config: Config, database: DatabaseHandle): AppContext {
  return {
    config,
    database,
    catalogue: null,
    readCache: new ReadCache(() => readResultsStamp(database.db)),
    imports: new TaskQueue(),
    results: new ResultsKeeper(),
  };
}

/** Opens (and migrates) the configured database (the SQLite file, or PostgreSQL) and builds its context. */
export async function openAppContext(config: Config): Promise<AppContext> {
  return createAppContext(config, await openDatabase(databaseOf(config)));
}
