import { type Kysely, sql } from "kysely";
import { columnTypes, isPostgres } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  const { real, autoId } = columnTypes(db);
  // A release freezes the public results: its rows are copies of the draft's (release 0) under its id.
  await db.schema
    .alterTable("indicator_values")
    .addColumn("release", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.dropIndex("indicator_values_lookup").execute();
  await sql`create index indicator_values_lookup on indicator_values (release, indicator, area, year)`.execute(db);
  if (isPostgres(db)) {
    // PostgreSQL changes the key in place (and keeps the table's rowid column, see engine.ts).
    await sql`alter table sozialmonitoring add column release integer not null default 0`.execute(db);
    await sql`alter table sozialmonitoring drop constraint sozialmonitoring_pk`.execute(db);
    await sql`alter table sozialmonitoring add constraint sozialmonitoring_pk primary key (release, kind, year, key, area)`.execute(
      db,
    );
  } else {
    await rebuildSozialmonitoring(db);
  }
  await createReleaseTables(db, real, autoId);
}

/** The primary key gains the release; SQLite cannot change a key in place, so the table is rebuilt. */
// biome-ignore lint/suspicious/noExplicitAny: see up
async function rebuildSozialmonitoring(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sozialmonitoring_new")
    .addColumn("release", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sozialmonitoring_pk", ["release", "kind", "year", "key", "area"])
    .execute();
  await sql`insert into sozialmonitoring_new (kind, year, key, area, result)
    select kind, year, key, area, result from sozialmonitoring order by rowid`.execute(db);
  await db.schema.dropTable("sozialmonitoring").execute();
  await db.schema.alterTable("sozialmonitoring_new").renameTo("sozialmonitoring").execute();
}

async function createReleaseTables(
  // biome-ignore lint/suspicious/noExplicitAny: see up
  db: Kysely<any>,
  real: ReturnType<typeof columnTypes>["real"],
  autoId: ReturnType<typeof columnTypes>["autoId"],
): Promise<void> {
  await db.schema
    .createTable("releases")
    .addColumn("id", ...autoId)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull())
    .addColumn("catalogue_version", "text", (c) => c.notNull())
    // The catalogue file, district list and extracts as they were, so the release reads exactly as published.
    .addColumn("catalogue", "text", (c) => c.notNull())
    .addColumn("districts", "text", (c) => c.notNull())
    .addColumn("extracts", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("release_revisions")
    .addColumn("release", "integer", (c) => c.notNull().references("releases.id"))
    .addColumn("previous_release", "integer", (c) => c.notNull().references("releases.id"))
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("breakdown", "text", (c) => c.notNull())
    .addColumn("grp", "text", (c) => c.notNull())
    .addColumn("previous_value", real)
    .addColumn("value", real)
    .addColumn("previous_status", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await sql`create index release_revisions_lookup on release_revisions (release, indicator)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("release_revisions").execute();
  await db.schema.dropTable("releases").execute();
  await db.schema.dropIndex("indicator_values_lookup").execute();
  await sql`delete from indicator_values where release <> 0`.execute(db);
  await db.schema.alterTable("indicator_values").dropColumn("release").execute();
  await sql`create index indicator_values_lookup on indicator_values (indicator, area, year)`.execute(db);
  await sql`create table sozialmonitoring_old (kind text not null, year integer not null, key text not null,
    area text not null, result text not null, constraint sozialmonitoring_pk primary key (kind, year, key, area))`.execute(
    db,
  );
  await sql`insert into sozialmonitoring_old select kind, year, key, area, result from sozialmonitoring
    where release = 0 order by rowid`.execute(db);
  await db.schema.dropTable("sozialmonitoring").execute();
  await db.schema.alterTable("sozialmonitoring_old").renameTo("sozialmonitoring").execute();
}
