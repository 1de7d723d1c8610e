import { type Observation, TOTAL } from "@im/indicators";
import type SQLite from "better-sqlite3";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, IndicatorValueTable } from "../db/schema.ts";

/** A stored value; whether it is the draft's or a release's is known from the query. */
export type IndicatorValueRow = Omit<Selectable<IndicatorValueTable>, "release">;

/** The rows the analysts work on; a release's rows carry its id (see repositories/releases.ts). */
export const DRAFT = 0;

/**
 * Every observation of the current (not replaced) extracts. Hot path of the recomputation: one raw prepared
 * statement per extract over the extract_id index, so profile and year come from the extract instead of
 * being read (and allocated) once per line.
 */
export function loadCurrentObservations(sqlite: SQLite.Database): Observation[] {
  const extracts = sqlite
    .prepare("select id, profile, year from extracts where replaced_by is null order by id")
    .all() as {
    id: number;
    profile: string;
    year: number;
  }[];
  const lines = sqlite
    .prepare("select district, dims, measure, value from observations where extract_id = ?")
    .raw(true);
  const observations: Observation[] = [];
  for (const { id, profile, year } of extracts) {
    for (const r of lines.all(id) as [number | null, string, string, number | null][]) {
      observations.push({ profile, year, district: r[0], dims: r[1], measure: r[2], value: r[3] });
    }
  }
  return observations;
}

/**
 * Replaces all precomputed values. Bulk path: one prepared insert, run inside the caller's transaction
 * (recompute replaces values, Sozialmonitoring and meta together).
 */
export function replaceIndicatorValues(sqlite: SQLite.Database, rows: Iterable<IndicatorValueRow>): void {
  sqlite.prepare("delete from indicator_values where release = 0").run();
  const insert = sqlite.prepare(
    `insert into indicator_values
     (indicator, year, area, breakdown, grp, numerator, denominator, value, status, status_detail, suppression)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    insert.run(
      r.indicator,
      r.year,
      r.area,
      r.breakdown,
      r.grp,
      r.numerator,
      r.denominator,
      r.value,
      r.status,
      r.status_detail,
      r.suppression,
    );
  }
}

/** Every stored value of the draft or a release, in the stored order (the audit reads them all). */
export function loadStoredValues(sqlite: SQLite.Database, release = DRAFT): IndicatorValueRow[] {
  return sqlite
    .prepare("select * from indicator_values where release = ? order by rowid")
    .all(release) as IndicatorValueRow[];
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
    .selectAll()
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
    .selectAll()
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

export function writeMeta(sqlite: SQLite.Database, entries: Record<string, string>): void {
  const upsert = sqlite.prepare(
    "insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
  );
  for (const [key, value] of Object.entries(entries)) upsert.run(key, value);
}

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}
