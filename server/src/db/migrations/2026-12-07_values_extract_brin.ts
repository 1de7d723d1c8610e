import { type Kysely, sql } from "kysely";
import { isPostgres } from "../engine.ts";

/**
 * PostgreSQL only: `observation_values.extract_id` gets a BRIN index instead of a B-tree. Every import appends the
 * rows of one new, larger extract id, so each range of pages holds one id (or a few) and its minimum and maximum find
 * an extract's rows as well as the B-tree did. The B-tree took an entry per row: it doubled the COPY of a
 * million-line import on the server (measured 0.6 s without an index, 1.5 s with the B-tree, 0.7 s with BRIN; busy
 * machine). The import summarises the pages it wrote (repositories/observations.ts), so that reads by extract skip
 * them at once. SQLite keeps its B-tree, whose upkeep is part of its page writes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index observation_values_extract`.execute(db);
  await sql`create index observation_values_extract on observation_values using brin (extract_id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index observation_values_extract`.execute(db);
  await db.schema.createIndex("observation_values_extract").on("observation_values").column("extract_id").execute();
}
