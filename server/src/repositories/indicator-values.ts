import { type Observation, TOTAL } from "@im/indicators";
import type SQLite from "better-sqlite3";
import { type Kysely, type Selectable, sql } from "kysely";
import { asConn, type Conn, insertRows } from "../db/engine.ts";
import type { Database, IndicatorValueTable } from "../db/schema.ts";

/** A stored value; whether it is the draft's or a release's is known from the query. */
export type IndicatorValueRow = Omit<Selectable<IndicatorValueTable>, "release">;

/** The rows the analysts work on; a release's rows carry its id (see repositories/releases.ts). */
export const DRAFT = 0;

/** The stored columns of a value, named (PostgreSQL's tables also carry a `rowid` column, see db/engine.ts). */
const valueColumns = [
  "indicator",
  "year",
  "area",
  "breakdown",
  "grp",
  "numerator",
  "denominator",
  "value",
  "status",
  "status_detail",
  "suppression",
] as const;

/** The current (not replaced) extract of every profile and year. */
export async function listCurrentExtracts(
  db: Kysely<Database>,
): Promise<{ id: number; profile: string; year: number }[]> {
  return db
    .selectFrom("extracts")
    .select(["id", "profile", "year"])
    .where("replaced_by", "is", null)
    .orderBy("id")
    .execute();
}

/**
 * Every observation of the current (not replaced) extracts. Hot path of the recomputation: rows as arrays, one
 * query per extract over the extract_id index, so profile and year come from the extract instead of being read
 * (and allocated) once per line.
 */
export async function loadCurrentObservations(conn: Conn): Promise<Observation[]> {
  const extracts = await conn.db
    .selectFrom("extracts")
    .select(["id", "profile", "year"])
    .where("replaced_by", "is", null)
    .orderBy("id")
    .execute();
  const observations: Observation[] = [];
  for (const { id, profile, year } of extracts) {
    const lines = await conn.arrays(
      sql`select district, dims, measure, value from observations where extract_id = ${id}`,
    );
    for (const r of lines as [number | null, string, string, number | null][]) {
      observations.push({ profile, year, district: r[0], dims: r[1], measure: r[2], value: r[3] });
    }
  }
  return observations;
}

/**
 * Replaces all precomputed values of the draft. Bulk path (see db/engine.ts), inside the caller's transaction
 * (recompute replaces values, Sozialmonitoring and meta together). Tests may pass the raw SQLite connection.
 */
export async function replaceIndicatorValues(
  target: Conn | SQLite.Database,
  rows: Iterable<IndicatorValueRow>,
): Promise<void> {
  const conn = asConn(target);
  // Not awaited in between: on SQLite both run before this returns (see Conn.run), on PostgreSQL in this order.
  const deleted = conn.run(sql`delete from indicator_values where release = 0`);
  const inserted = insertRows(conn, "indicator_values", valueColumns, rows);
  await Promise.all([deleted, inserted]);
}

/** Every stored value of the draft or a release, in the stored order (the audit reads them all). */
export async function loadStoredValues(db: Kysely<Database>, release = DRAFT): Promise<IndicatorValueRow[]> {
  return db
    .selectFrom("indicator_values")
    .select(valueColumns)
    .where("release", "=", release)
    .orderBy(sql`rowid`)
    .execute();
}

export interface ValueFilter {
  release: number;
  indicator: string;
  year?: number;
  area?: string;
  breakdown?: string;
}

/** Rows of one indicator in the stored order (year, area as computed, breakdown, group). */
export async function selectValues(db: Kysely<Database>, filter: ValueFilter): Promise<IndicatorValueRow[]> {
  let query = db
    .selectFrom("indicator_values")
    .select(valueColumns)
    .where("release", "=", filter.release)
    .where("indicator", "=", filter.indicator);
  if (filter.area !== undefined) query = query.where("area", "=", filter.area);
  if (filter.year !== undefined) query = query.where("year", "=", filter.year);
  if (filter.breakdown !== undefined) query = query.where("breakdown", "=", filter.breakdown);
  return query.orderBy(sql`rowid`).execute();
}

/**
 * Rows of the listed indicators for one area and breakdowns: the overview's single query. Naming the
 * indicators lets SQLite use the (indicator, area, year) index instead of scanning the table.
 */
export async function selectAreaValues(
  db: Kysely<Database>,
  release: number,
  indicators: readonly string[],
  area: string,
  breakdowns: readonly string[],
): Promise<IndicatorValueRow[]> {
  if (indicators.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .select(valueColumns)
    .where("release", "=", release)
    .where("indicator", "in", [...indicators])
    .where("area", "=", area)
    .where("breakdown", "in", breakdowns.length ? [...breakdowns] : [TOTAL.id])
    .orderBy(sql`rowid`)
    .execute();
}

/** Per indicator: the years with at least one computed value (not `missing`), and the areas. */
export async function valueCoverage(
  db: Kysely<Database>,
  release: number,
): Promise<Map<string, { years: number[]; areas: string[] }>> {
  const rows = await db
    .selectFrom("indicator_values")
    .select(["indicator", "year", "area"])
    .where("release", "=", release)
    .where("breakdown", "=", TOTAL.id)
    .where("grp", "=", TOTAL.id)
    .where("status", "!=", "missing")
    .orderBy(sql`rowid`)
    .execute();
  const coverage = new Map<string, { years: Set<number>; areas: Set<string> }>();
  for (const r of rows) {
    const entry = coverage.get(r.indicator) ?? { years: new Set<number>(), areas: new Set<string>() };
    coverage.set(r.indicator, entry);
    entry.years.add(r.year);
    entry.areas.add(r.area);
  }
  return new Map(
    [...coverage].map(([id, c]) => [id, { years: [...c.years].sort((a, b) => a - b), areas: [...c.areas] }]),
  );
}

export async function writeMeta(conn: Conn, entries: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await conn.db
      .insertInto("meta")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  }
}

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}
