// Test support for both database engines: SQLite always, PostgreSQL when MONITOR_TEST_PG_URL names a server
// (`.ci/run` sets it). Each PostgreSQL test database is a fresh schema of its own, dropped when it is closed.
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { muensterDistricts } from "@im/data-import";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import type { EngineKind } from "../db/engine.ts";
import { type District, replaceDistricts } from "../repositories/districts.ts";

export const postgresTestUrl = process.env.MONITOR_TEST_PG_URL?.trim() || null;

/** The engines the repository and flow tests run on (for `describe.each`). */
export const testEngines: EngineKind[] = postgresTestUrl ? ["sqlite", "postgres"] : ["sqlite"];

/** Says once per test run (not once per test file) that the PostgreSQL half is skipped. */
function sayPostgresSkipped(): void {
  try {
    // Test files run in worker processes of one vitest process: the first to create the marker speaks.
    closeSync(openSync(join(tmpdir(), `im-pg-skipped-${process.ppid}`), "wx"));
    console.info("MONITOR_TEST_PG_URL nicht gesetzt: PostgreSQL-Tests übersprungen");
  } catch {
    // Another test file has said it already.
  }
}
if (!postgresTestUrl) sayPostgresSkipped();

/** A fresh PostgreSQL schema's URL, and how to drop it again. */
export function postgresTestSchema(): { url: string; drop(): Promise<void> } {
  if (!postgresTestUrl) throw new Error("MONITOR_TEST_PG_URL ist nicht gesetzt.");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const url = new URL(postgresTestUrl);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A migrated test database on `engine` with a district list (Münster's unless given): the SQLite file `sqlitePath`,
 * or a fresh PostgreSQL schema, dropped by `close()`.
 */
export async function testDatabaseOn(
  engine: EngineKind,
  sqlitePath: string,
  districts: readonly District[] = muensterDistricts,
): Promise<DatabaseHandle> {
  if (engine === "sqlite") {
    const database = await openDatabase(sqlitePath);
    await replaceDistricts(database.db, districts);
    return database;
  }
  const schema = postgresTestSchema();
  const database = await openDatabase(schema.url).catch(async (error) => {
    await schema.drop();
    throw error;
  });
  const close = database.close;
  database.close = async () => {
    await close();
    await schema.drop();
  };
  await replaceDistricts(database.db, districts);
  return database;
}

/** Every table's rows in a fixed order, as text: on either engine, proof that a failed write changed nothing. */
export async function snapshot(database: DatabaseHandle): Promise<string> {
  const tables = [
    "districts",
    "extracts",
    "observations",
    "indicator_values",
    "sozialmonitoring",
    "meta",
    "disclosure_decisions",
    "releases",
    "release_revisions",
    "accounts",
    "sessions",
    "api_tokens",
    "audit_log",
  ] as const;
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await database.db.selectFrom(table).selectAll().execute();
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    parts.push(`${table}: ${rows.length}\n${lines.join("\n")}`);
  }
  return parts.join("\n");
}
