import type { ObservationColumns } from "@im/data-import";
import { type Kysely, sql } from "kysely";
import { type BinaryColumnTypes, type BulkWriter, type Conn, insertRows } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

/**
 * The import's hot path: the engine's bulk writer (prepared multi-row inserts on SQLite, `COPY` on PostgreSQL), run
 * inside the import's single transaction, instead of building a Kysely query per row. Each value is stored as a
 * narrow row that points to its (profile, dims, measure) key (migration 2026-12-07_split_observations); keys not
 * seen before get the next ids and are stored at `end`, after the values (nothing checks the reference, and both
 * are in the same transaction). The import holds the write lock, so no other writer hands out the same ids.
 *
 * `write` stores one batch and says how many rows it wrote; `end` waits until all are stored. `beside`, a connection
 * outside the transaction, summarises the BRIN index's page ranges on PostgreSQL while the COPY still runs.
 */
export async function observationWriter(
  conn: Conn,
  { extractId, profile, beside }: { extractId: number; profile: string; beside?: Conn },
) {
  const keys = new Map<string, Map<string, number>>();
  const keysOf = (measure: string) => {
    let byDims = keys.get(measure);
    if (!byDims) {
      byDims = new Map();
      keys.set(measure, byDims);
    }
    return byDims;
  };
  for (const [id, dims, measure] of await conn.arrays(
    sql`select id, dims, measure from observation_keys where profile = ${profile}`,
  )) {
    keysOf(measure as string).set(dims as string, id as number);
  }
  const [[largest]] = await conn.arrays(sql`select coalesce(max(id), 0) from observation_keys`);
  let nextId = Number(largest) + 1;
  const added: ObservationKeyRow[] = [];

  let values: BulkWriter<StoredValue> | undefined;
  // The pages the COPY has written so far get their BRIN summary on `beside`, one call after the other, so that
  // `end` has only the last ones left (0.13 s for a million rows at the end otherwise). The summary of a range also
  // covers rows not yet committed, and stays correct (only wider) should the import roll back.
  let summarising: Promise<unknown> = Promise.resolve();
  let unsummarised = 0;
  // Column arrays, reused from batch to batch: no object per stored row.
  const district: (number | null)[] = [];
  const keyId: number[] = [];
  const value: (number | null)[] = [];
  // Key ids by the reader's measure and dims indices: no string is hashed per row.
  const keyIds: number[][] = [];
  const keyIdOf = (batch: ObservationColumns, m: number, d: number): number => {
    const measure = batch.measures[m];
    const dims = batch.dims[d];
    const byDims = keysOf(measure);
    let id = byDims.get(dims);
    if (id === undefined) {
      id = nextId++;
      byDims.set(dims, id);
      added.push({ id, profile, dims, measure });
    }
    keyIds[m] ??= [];
    keyIds[m][d] = id;
    return id;
  };
  return {
    write(batch: ObservationColumns, year: number): number {
      values ??= conn.bulkWriter<StoredValue>(
        "observation_values",
        ["district", "key_id", "value"],
        { extract_id: extractId, year },
        valueTypes,
      );
      const { length } = batch;
      for (let i = 0; i < length; i++) {
        const m = batch.measureIndex[i];
        const d = batch.dimsIndex[i];
        keyId[i] = keyIds[m]?.[d] ?? keyIdOf(batch, m, d);
        const number = batch.district[i];
        district[i] = number < 0 ? null : number;
        const v = batch.value[i];
        value[i] = Number.isNaN(v) ? null : v;
      }
      values.writeColumns([district, keyId, value], length);
      unsummarised += length;
      if (beside && conn.engine === "postgres" && unsummarised >= rowsPerSummary) {
        unsummarised = 0;
        summarising = summarising.then(() => beside.run(summariseNewValues)).catch(() => {});
      }
      return length;
    },
    /** See BulkWriter.backlog: a promise while the database has not yet taken the values written. */
    backlog: (): Promise<void> | null => values?.backlog() ?? null,
    async end(): Promise<void> {
      await values?.end();
      await insertRows<ObservationKeyRow>(conn, "observation_keys", ["id", "profile", "dims", "measure"], added);
      // PostgreSQL's BRIN index on extract_id (migration 2026-12-07_values_extract_brin) summarises the pages just
      // written, so that reads by extract (the recomputation after the import) skip them instead of scanning them.
      await summarising;
      if (values && conn.engine === "postgres") await conn.run(summariseNewValues);
    },
  };
}

const summariseNewValues = sql`select brin_summarize_new_values('observation_values_extract')`;
/** Rows written between two summaries beside the COPY (about 10 page ranges of the BRIN index). */
const rowsPerSummary = 200_000;

/** observation_values' types, for PostgreSQL's binary COPY. */
const valueTypes: BinaryColumnTypes = {
  extract_id: "integer",
  year: "integer",
  district: "integer",
  key_id: "integer",
  value: "double precision",
};

interface StoredValue {
  district: number | null;
  key_id: number;
  value: number | null;
}

interface ObservationKeyRow {
  id: number;
  profile: string;
  dims: string;
  measure: string;
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
