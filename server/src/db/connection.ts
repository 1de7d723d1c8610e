import { mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from "kysely";
import type { Database } from "./schema.ts";

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw connection, for the import's prepared bulk insert (see repositories/observations.ts). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

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

/** Opens (and creates) the SQLite file, applies pending migrations. `:memory:` works for tests. */
export async function openDatabase(path: string): Promise<DatabaseHandle> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider: migrations }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    await db.destroy();
    throw new Error(`Datenbank-Migration fehlgeschlagen: ${failed?.migrationName ?? ""} ${String(error ?? "")}`);
  }
  return { db, sqlite, close: () => db.destroy() };
}
