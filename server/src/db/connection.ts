import { mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { type Migration, type MigrationProvider, Migrator } from "kysely";
import { type Engine, isPostgresUrl, openPostgres, openSqlite } from "./engine.ts";

/**
 * An opened database on either engine (see engine.ts): Kysely as `db`, transactions, the bulk paths. SQLite is the
 * embedded default; a `postgres://` URL opens PostgreSQL.
 */
export type DatabaseHandle = Engine;

/** Migrations are the dated files beside this module, applied in name order. */
const migrations: MigrationProvider = {
  async getMigrations() {
    const modules: Record<string, Migration> = {};
    const files = readdirSync(new URL("./migrations/", import.meta.url));
    for (const file of files.filter((f) => /^\d{4}-\d{2}-\d{2}_.*\.ts$/.test(f)).sort()) {
      // A relative template literal, so that the server's bundle includes every file of the folder.
      modules[file.replace(/\.ts$/, "")] = (await import(`./migrations/${file}`)) as Migration;
    }
    return modules;
  },
};

/**
 * Opens (and creates) the SQLite file or connects to the PostgreSQL URL (`postgres://…`, optionally `?schema=NAME`),
 * applies pending migrations. `:memory:` works for tests.
 */
export async function openDatabase(location: string): Promise<DatabaseHandle> {
  let handle: Engine;
  if (isPostgresUrl(location)) {
    handle = await openPostgres(location);
  } else {
    if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
    handle = openSqlite(location);
  }
  // On PostgreSQL the migration tables are named with their schema: Kysely looks for them across every schema of
  // the database and would find another city's (or test's) tables otherwise.
  const { error, results } = await new Migrator({
    db: handle.db,
    provider: migrations,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    await handle.close();
    throw new Error(`Datenbank-Migration fehlgeschlagen: ${failed?.migrationName ?? ""} ${String(error ?? "")}`);
  }
  return handle;
}

/** Where a configuration's database is: `MONITOR_DATABASE_URL` (PostgreSQL) if set, else the SQLite file. */
export function databaseOf(config: { databaseUrl: string | null; dbPath: string }): string {
  return config.databaseUrl ?? config.dbPath;
}
