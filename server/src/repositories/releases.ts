import { createHash } from "node:crypto";
import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import { type Conn, insertRows, larger } from "../db/engine.ts";
import type { Database, ReleaseRevisionTable, ReleaseTable } from "../db/schema.ts";
import type { ImportRecord } from "../schemas/imports.ts";

export type ReleaseRow = Selectable<ReleaseTable>;
export type ReleaseSummaryRow = Omit<ReleaseRow, "catalogue" | "districts" | "extracts">;
export type RevisionRow = Selectable<ReleaseRevisionTable>;

/**
 * An extract file as a release lists it: the import history's row without who imported it and the counts,
 * enough to trace a published value to what was delivered.
 */
export type ReleaseExtract = Omit<ImportRecord, "lineCount" | "observationCount" | "importedBy" | "replacedBy">;

const summaryColumns = [
  "id",
  "title",
  "note",
  "published_at",
  "published_by",
  "catalogue_version",
  "computed_at",
] as const;

/** Every release, newest first. */
export async function listReleases(db: Kysely<Database>): Promise<ReleaseSummaryRow[]> {
  return db.selectFrom("releases").select(summaryColumns).orderBy("id", "desc").execute();
}

export async function latestReleaseId(db: Kysely<Database>): Promise<number | null> {
  const row = await db.selectFrom("releases").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** One indexed lookup (the full row carries the frozen catalogue: not for every request). */
export async function releaseExists(db: Kysely<Database>, id: number): Promise<boolean> {
  return (await db.selectFrom("releases").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

export async function findRelease(db: Kysely<Database>, id: number): Promise<ReleaseRow | undefined> {
  return db.selectFrom("releases").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function selectRevisions(
  db: Kysely<Database>,
  release: number,
  indicator?: string,
): Promise<RevisionRow[]> {
  let query = db.selectFrom("release_revisions").selectAll().where("release", "=", release);
  if (indicator !== undefined) query = query.where("indicator", "=", indicator);
  return query.orderBy(["indicator", "year", "area", "breakdown", "grp"]).execute();
}

/** Release id → how many of its values were revised. */
export async function revisionCounts(db: Kysely<Database>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("release_revisions")
    .select(["release", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("release")
    .execute();
  return new Map(rows.map((r) => [r.release, Number(r.n)]));
}

/** Meta key: the draft's fingerprint when the recomputation that stored it proved its Geheimhaltung. */
export const PROVEN_FINGERPRINT = "proven_fingerprint";

/**
 * A SHA-256 over what the draft publishes (every indicator value with its status, every Sozialmonitoring result),
 * in stored order. Stored with the results whose Geheimhaltung the recomputation proved, so that publishing can
 * tell whether the tables are still exactly those.
 */
export async function draftFingerprint(conn: Conn): Promise<string> {
  const hash = createHash("sha256");
  // Numbers as text the same way on both engines (JavaScript's), so the fingerprint does not depend on the engine.
  const values = await conn.arrays(
    sql`select indicator, year, area, breakdown, grp, value, status from indicator_values where release = 0 order by rowid`,
  );
  for (const row of values) hash.update(`${row.join("\t")}\n`);
  const results = await conn.arrays(
    sql`select kind, year, key, area, result from sozialmonitoring where release = 0 order by rowid`,
  );
  for (const row of results) hash.update(`${row.join("\t")}\n`);
  return hash.digest("hex");
}

/** A draft value that differs, as the public sees it, from the same cell of an earlier release. */
export type ChangedCell = Omit<RevisionRow, "release" | "previous_release" | "reason">;

/**
 * Cells present in both the draft and `previous` whose public form changed: another status, or another value
 * where it is shown. Values equal to 1e-9 (relative) count as equal, so float noise of a recomputation is no revision.
 */
export async function changedDraftCells(conn: Conn, previous: number): Promise<ChangedCell[]> {
  const scale = larger(conn, sql`1`, sql`abs(p.value)`);
  const { rows } = await sql<ChangedCell>`
    select d.indicator, d.year, d.area, d.breakdown, d.grp,
           case when p.status = 'suppressed' then null else p.value end as previous_value,
           case when d.status = 'suppressed' then null else d.value end as value,
           p.status as previous_status, d.status as status
    from indicator_values d
    join indicator_values p
      on p.release = ${previous} and p.indicator = d.indicator and p.area = d.area and p.year = d.year
     and p.breakdown = d.breakdown and p.grp = d.grp
    where d.release = 0
      and (d.status <> p.status
           or (d.status <> 'suppressed' and (d.value is null) <> (p.value is null))
           or (d.status <> 'suppressed' and abs(d.value - p.value) > 1e-9 * ${scale}))
    order by d.indicator, d.year, d.area, d.breakdown, d.grp`.execute(conn.db);
  return rows;
}

/**
 * Stores a release in one transaction under the write lock: its row, a copy of the draft's indicator values and
 * Sozialmonitoring under its id, and its revisions. Readers see the release whole or not at all. `stillCurrent`
 * runs first, inside the transaction: null when it says no.
 */
export async function insertRelease(
  tx: Conn,
  release: Omit<Insertable<ReleaseTable>, "id">,
  revisions: (previous: number | null) => Promise<Omit<RevisionRow, "release">[]>,
  stillCurrent: () => Promise<boolean>,
): Promise<{ id: number; revisions: number } | null> {
  if (!(await stillCurrent())) return null;
  const previous = (await latestReleaseId(tx.db)) ?? null;
  const changes = await revisions(previous);
  const { id } = await tx.db
    .insertInto("releases")
    .values({ note: null, ...release })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx.run(sql`
    insert into indicator_values (release, indicator, year, area, breakdown, grp, numerator, denominator, value,
                                  status, status_detail, suppression)
    select cast(${id} as integer), indicator, year, area, breakdown, grp, numerator, denominator, value, status,
           status_detail, suppression
    from indicator_values where release = 0 order by rowid`);
  await tx.run(sql`
    insert into sozialmonitoring (release, kind, year, key, area, result)
    select cast(${id} as integer), kind, year, key, area, result from sozialmonitoring where release = 0 order by rowid`);
  await insertRows(
    tx,
    "release_revisions",
    [
      "release",
      "previous_release",
      "indicator",
      "year",
      "area",
      "breakdown",
      "grp",
      "previous_value",
      "value",
      "previous_status",
      "status",
      "reason",
    ],
    changes.map((change) => ({ ...change, release: id })),
  );
  return { id, revisions: changes.length };
}
