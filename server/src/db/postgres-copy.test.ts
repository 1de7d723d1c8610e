// PostgreSQL's bulk path: COPY in its binary format (engine.ts) and the BRIN index on observation_values.extract_id
// that the import summarises (repositories/observations.ts). Runs when MONITOR_TEST_PG_URL names a server.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { observationWriter } from "../repositories/observations.ts";
import { postgresTestUrl, testDatabaseOn } from "../testing/engines.ts";
import type { DatabaseHandle } from "./connection.ts";

interface Row {
  id: number;
  amount: number | null;
  share: number | null;
}

const types = { batch: "integer", id: "integer", amount: "integer", share: "double precision" } as const;

describe.skipIf(!postgresTestUrl)("PostgreSQL bulk writer", () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await testDatabaseOn("postgres", "");
    await sql`create table copied (batch integer, id integer, amount integer, share double precision)`.execute(
      database.db,
    );
  });
  afterEach(() => database.close());

  const stored = async () =>
    (await sql<Row & { batch: number }>`select * from copied order by id`.execute(database.db)).rows;

  it("stores columns and rows in COPY's binary format: nulls, extremes, fractions", async () => {
    await database.transaction(async (tx) => {
      const writer = tx.bulkWriter<Row>("copied", ["id", "amount", "share"], { batch: 7 }, types);
      writer.writeColumns(
        [
          [1, 2, 3],
          [2 ** 31 - 1, null, -(2 ** 31)],
          [0.1, null, -1e300],
        ],
        2,
      );
      writer.write([{ id: 3, amount: -5, share: Number.NaN }]);
      await writer.end();
    });
    expect(await stored()).toEqual([
      { batch: 7, id: 1, amount: 2 ** 31 - 1, share: 0.1 },
      { batch: 7, id: 2, amount: null, share: null },
      { batch: 7, id: 3, amount: -5, share: Number.NaN },
    ]);
  });

  it("asks the producer to wait while the server has not taken the rows written, and not after", async () => {
    const rows = 400_000; // 18 MB in the binary format, more than the writer lets wait for the server
    const ids = Int32Array.from({ length: rows }, (_, i) => i);
    await database.transaction(async (tx) => {
      const writer = tx.bulkWriter<Row>("copied", ["id", "amount", "share"], { batch: 1 }, types);
      expect(writer.backlog()).toBeNull();
      writer.writeColumns([ids, ids, new Float64Array(rows)], rows);
      const backlog = writer.backlog();
      expect(backlog).toBeInstanceOf(Promise);
      await backlog;
      expect(writer.backlog()).toBeNull();
      await writer.end();
    });
    const [{ n }] = (await sql<{ n: number }>`select count(*) as n from copied`.execute(database.db)).rows;
    expect(n).toBe(rows);
  });

  it("ends a COPY without rows", async () => {
    await database.transaction(async (tx) => {
      await tx.bulkWriter<Row>("copied", ["id", "amount", "share"], { batch: 1 }, types).end();
    });
    expect(await stored()).toEqual([]);
  });

  it("refuses a fraction for an integer column instead of cutting it off, and stores nothing", async () => {
    const failing = database.transaction(async (tx) => {
      const writer = tx.bulkWriter<Row>("copied", ["id", "amount", "share"], { batch: 1 }, types);
      writer.write([{ id: 1, amount: 1, share: 1 }]);
      writer.write([{ id: 2, amount: 2.5, share: 1 }]);
      await writer.end();
    });
    await expect(failing).rejects.toThrow("amount = 2.5 ist keine ganze Zahl");
    expect(await stored()).toEqual([]);
  });
});

describe.skipIf(!postgresTestUrl)("observation_values on PostgreSQL", () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await testDatabaseOn("postgres", "");
  });
  afterEach(() => database.close());

  it("finds an extract's rows by a BRIN index whose pages the import has summarised, also beside the COPY", async () => {
    const rows = 250_000; // more than one summary's worth on the connection beside
    await database.transaction(async (tx) => {
      const write = await observationWriter(tx, { extractId: 1, profile: "einwohner", beside: database });
      const batch = {
        length: rows,
        line: new Int32Array(rows),
        district: Int32Array.from({ length: rows }, (_, i) => (i % 10 === 0 ? -1 : 11 + (i % 3))),
        dimsIndex: Int32Array.from({ length: rows }, (_, i) => i % 2),
        measureIndex: new Int32Array(rows),
        value: Float64Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? Number.NaN : i % 41)),
        dims: ["geschlecht=m", "geschlecht=w"],
        measures: ["anzahl"],
      };
      write.write(batch, 2024);
      await write.end();
    });
    const [index] = (
      await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where schemaname = current_schema() and indexname = 'observation_values_extract'`.execute(database.db)
    ).rows;
    expect(index.indexdef).toContain("USING brin (extract_id)");
    // Nothing left to summarise: the import did it.
    const [left] = (
      await sql<{ n: number }>`select brin_summarize_new_values('observation_values_extract') as n`.execute(database.db)
    ).rows;
    expect(left.n).toBe(0);
    // Through the index (no sequential scan): summaries that missed the rows written meanwhile would lose them.
    const totals = await database.transaction(async (tx) => {
      await tx.run(sql`set local enable_seqscan = off`);
      return tx.arrays(sql`select count(*), count(*) filter (where value is null),
        count(*) filter (where district is null) from observations
        where extract_id = 1 and year = 2024 and profile = 'einwohner'`);
    });
    expect(totals).toEqual([[rows, Math.ceil(rows / 7), rows / 10]]);
  });
});
