import { type Kysely, sql } from "kysely";
import { isPostgres } from "../engine.ts";

/**
 * PostgreSQL only: observations lose their foreign key to extracts. PostgreSQL checks it with a trigger per row,
 * which more than doubled the import's COPY of a million lines (measured 6.9 s → 3.0 s in the process,
 * tests/bench/postgres-import.bench.ts). It protected nothing the import does not already guarantee: the only
 * writer of observations is the import, which writes the id of the extract row it inserted in the same
 * transaction, and extracts are never deleted (the history keeps replaced ones). SQLite checks the key cheaply
 * and keeps it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table observations drop constraint if exists observations_extract_id_fkey`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table observations add constraint observations_extract_id_fkey
    foreign key (extract_id) references extracts (id)`.execute(db);
}
