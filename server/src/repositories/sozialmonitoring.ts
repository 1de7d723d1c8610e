import { type Kysely, type Selectable, sql } from "kysely";
import { type Conn, insertRows } from "../db/engine.ts";
import type { Database, SozialmonitoringTable } from "../db/schema.ts";

export type SozialmonitoringRow = Omit<Selectable<SozialmonitoringTable>, "release">;

/** Replaces all precomputed results; runs inside the caller's transaction (see recompute). */
export async function replaceSozialmonitoring(conn: Conn, rows: Iterable<SozialmonitoringRow>): Promise<void> {
  await conn.run(sql`delete from sozialmonitoring where release = 0`);
  await insertRows(conn, "sozialmonitoring", ["kind", "year", "key", "area", "result"], rows);
}

export interface SozialmonitoringFilter {
  /** 0: the draft; else a release (see repositories/releases.ts). */
  release: number;
  kind: "segregation" | "index";
  year?: number;
  key?: string;
  area?: string;
}

export async function selectSozialmonitoring(
  db: Kysely<Database>,
  filter: SozialmonitoringFilter,
): Promise<SozialmonitoringRow[]> {
  let query = db
    .selectFrom("sozialmonitoring")
    .select(["kind", "year", "key", "area", "result"])
    .where("release", "=", filter.release)
    .where("kind", "=", filter.kind);
  if (filter.year !== undefined) query = query.where("year", "=", filter.year);
  if (filter.key !== undefined) query = query.where("key", "=", filter.key);
  if (filter.area !== undefined) query = query.where("area", "=", filter.area);
  // Insertion order: comparisons as configured, then year, then city before Bezirke.
  return query.orderBy(sql`rowid`).execute();
}

/** Which years and areas have results, per kind and key: what a request may ask for. */
export async function sozialmonitoringCoverage(
  db: Kysely<Database>,
  release: number,
): Promise<{ kind: string; key: string; year: number; area: string }[]> {
  return db
    .selectFrom("sozialmonitoring")
    .select(["kind", "key", "year", "area"])
    .where("release", "=", release)
    .orderBy(sql`rowid`)
    .execute();
}
