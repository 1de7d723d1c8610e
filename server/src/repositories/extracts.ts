import type { Kysely, Selectable } from "kysely";
import type { Database, ExtractTable } from "../db/schema.ts";

export type ExtractRow = Selectable<ExtractTable>;

/** The import history, newest first. */
export async function listExtracts(db: Kysely<Database>): Promise<ExtractRow[]> {
  return db.selectFrom("extracts").selectAll().orderBy("id", "desc").execute();
}

export async function countExtracts(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom("extracts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The current (not replaced) extract with this content, if the same file was imported before. */
export async function findCurrentBySha256(
  db: Kysely<Database>,
  profile: string,
  sha256: string,
): Promise<ExtractRow | undefined> {
  return db
    .selectFrom("extracts")
    .selectAll()
    .where("profile", "=", profile)
    .where("sha256", "=", sha256)
    .where("replaced_by", "is", null)
    .executeTakeFirst();
}

/** The current extract of a profile for a reporting year. */
export async function findCurrentForYear(
  db: Kysely<Database>,
  profile: string,
  year: number,
): Promise<ExtractRow | undefined> {
  return db
    .selectFrom("extracts")
    .selectAll()
    .where("profile", "=", profile)
    .where("year", "=", year)
    .where("replaced_by", "is", null)
    .executeTakeFirst();
}

/**
 * Opens a history entry before its observations are known (they need its id); the import fills in
 * the rest with `completeExtract` in the same transaction.
 */
export async function beginExtract(
  db: Kysely<Database>,
  entry: Pick<ExtractRow, "profile" | "office" | "file_name" | "sha256" | "imported_by">,
): Promise<number> {
  const { id } = await db
    .insertInto("extracts")
    .values({
      ...entry,
      year: 0,
      stichtag: "",
      encoding: "",
      line_count: 0,
      observation_count: 0,
      imported_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function completeExtract(
  db: Kysely<Database>,
  id: number,
  facts: Pick<ExtractRow, "year" | "stichtag" | "encoding" | "sha256" | "line_count" | "observation_count">,
): Promise<ExtractRow> {
  return db
    .updateTable("extracts")
    .set({ ...facts, imported_at: new Date().toISOString() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks `old` as replaced by `by` and drops its observations: the current state is the non-replaced extracts. */
export async function replaceExtract(db: Kysely<Database>, old: number, by: number): Promise<ExtractRow> {
  await db.deleteFrom("observation_values").where("extract_id", "=", old).execute();
  return db
    .updateTable("extracts")
    .set({ replaced_by: by })
    .where("id", "=", old)
    .returningAll()
    .executeTakeFirstOrThrow();
}
