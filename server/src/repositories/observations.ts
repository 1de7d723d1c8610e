import type SQLite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/** What an import batch carries per observation (architecture §1; `profile` and the extract come from the import). */
export interface NewObservation {
  year: number;
  district: number | null;
  dims: string;
  measure: string;
  value: number | null;
}

/**
 * The import's hot path (STYLE.md practice 6): one prepared better-sqlite3 statement, run for every row
 * inside the import's single transaction, instead of building a Kysely query per row.
 * Returns a function that stores one batch and says how many rows it wrote.
 */
export function observationWriter(sqlite: SQLite.Database, extractId: number, profile: string) {
  const insert = sqlite.prepare(
    "insert into observations (extract_id, profile, year, district, dims, measure, value) values (?, ?, ?, ?, ?, ?, ?)",
  );
  return (batch: readonly NewObservation[]): number => {
    for (const o of batch) insert.run(extractId, profile, o.year, o.district, o.dims, o.measure, o.value);
    return batch.length;
  };
}

/** Sum and count of each measure per extract, for summaries and checks against a delivery's own totals. */
export async function totalsByExtract(db: Kysely<Database>) {
  return db
    .selectFrom("observations")
    .select(["extract_id", "measure"])
    .select((eb) => [eb.fn.sum<number | null>("value").as("total"), eb.fn.countAll<number>().as("count")])
    .select(sql<number>`sum(value is null)`.as("withheld"))
    .groupBy(["extract_id", "measure"])
    .orderBy("extract_id")
    .orderBy("measure")
    .execute();
}
