import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  // Geheimhaltung decisions per block of linked counts, so that a recomputation solves only changed blocks.
  await db.schema
    .createTable("disclosure_decisions")
    .addColumn("block", "text", (c) => c.primaryKey())
    .addColumn("decision", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("disclosure_decisions").execute();
}
