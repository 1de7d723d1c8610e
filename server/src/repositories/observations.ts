import { type Kysely, sql } from "kysely";
import type { Conn } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/** What an import batch carries per observation (architecture §1); profile, year and extract are per file. */
export interface NewObservation {
  district: number | null;
  dims: string;
  measure: string;
  value: number | null;
}

/**
 * The import's hot path: the engine's bulk writer (prepared multi-row inserts on SQLite, `COPY` on PostgreSQL), run
 * inside the import's single transaction, instead of building a Kysely query per row. `write` stores one batch and
 * says how many rows it wrote; `end` waits until all are stored. The `extract_id` index stays in place: rows
 * arrive in id order, so it is appended to, and rebuilding it over every stored extract after an import would cost
 * more than it saves.
 */
export function observationWriter(
  conn: Conn,
  { extractId, profile, year }: { extractId: number; profile: string; year: number },
) {
  const writer = conn.bulkWriter<NewObservation>("observations", ["district", "dims", "measure", "value"], {
    extract_id: extractId,
    profile,
    year,
  });
  return {
    write(batch: readonly NewObservation[]): number {
      writer.write(batch);
      return batch.length;
    },
    end: () => writer.end(),
  };
}

/** Sum and count of each measure per extract, for summaries and checks against a delivery's own totals. */
export async function totalsByExtract(db: Kysely<Database>) {
  return db
    .selectFrom("observations")
    .select(["extract_id", "measure"])
    .select((eb) => [eb.fn.sum<number | null>("value").as("total"), eb.fn.countAll<number>().as("count")])
    .select(sql<number>`sum(case when value is null then 1 else 0 end)`.as("withheld"))
    .groupBy(["extract_id", "measure"])
    .orderBy("extract_id")
    .orderBy("measure")
    .execute();
}
