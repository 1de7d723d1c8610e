import { type Kysely, sql } from "kysely";
import { columnTypes, isPostgres } from "../engine.ts";

/**
 * Observations become narrow rows: each stored value keeps its extract, year, district and value, and points to its
 * key (profile, dims, measure) in `observation_keys`, which holds each combination once. A row of the old table
 * carried the ~80-character `dims` and the profile and measure names with every value: a million-line extract took
 * 132 MB, now about 25 MB, and writing those pages was most of the import's time (tests/bench/import.bench.ts).
 *
 * `observations` stays what every reader knows: a view with the same columns, and inserts into it (test fixtures
 * write rows that way) are taken apart by a trigger. The import writes the two tables directly
 * (repositories/observations.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const { real } = columnTypes(db);
  // The id is given by the import (under the write lock), so it is a plain integer on both engines.
  await db.schema
    .createTable("observation_keys")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("dims", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .execute();
  await sql`create unique index observation_keys_natural on observation_keys (profile, dims, measure)`.execute(db);
  await db.schema
    .createTable("observation_values")
    // Like observations before: SQLite checks the reference to the extract, PostgreSQL does not (its per-row
    // trigger was too slow, see 2026-12-07_postgres_observations_without_fk).
    .addColumn("extract_id", "integer", (c) => (pg ? c.notNull() : c.notNull().references("extracts.id")))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("district", "integer")
    .addColumn("key_id", "integer", (c) => c.notNull())
    .addColumn("value", real)
    .execute();

  await sql`insert into observation_keys (id, profile, dims, measure)
    select row_number() over (order by profile, dims, measure), profile, dims, measure
    from (select distinct profile, dims, measure from observations) d`.execute(db);
  await sql`insert into observation_values (extract_id, year, district, key_id, value)
    select o.extract_id, o.year, o.district, k.id, o.value
    from observations o join observation_keys k on k.profile = o.profile and k.dims = o.dims and k.measure = o.measure
    ${pg ? sql`` : sql`order by o.rowid`}`.execute(db);
  await db.schema.dropTable("observations").execute();
  await db.schema.createIndex("observation_values_extract").on("observation_values").column("extract_id").execute();

  await sql`create view observations as
    select v.extract_id as extract_id, k.profile as profile, v.year as year, v.district as district,
      k.dims as dims, k.measure as measure, v.value as value
    from observation_values v join observation_keys k on k.id = v.key_id`.execute(db);
  if (pg) {
    await sql`create function observations_insert() returns trigger language plpgsql as $$
      declare kid integer;
      begin
        select id into kid from observation_keys where profile = new.profile and dims = new.dims and measure = new.measure;
        if kid is null then
          select coalesce(max(id), 0) + 1 into kid from observation_keys;
          insert into observation_keys (id, profile, dims, measure) values (kid, new.profile, new.dims, new.measure);
        end if;
        insert into observation_values (extract_id, year, district, key_id, value)
          values (new.extract_id, new.year, new.district, kid, new.value);
        return new;
      end $$`.execute(db);
    await sql`create trigger observations_insert instead of insert on observations
      for each row execute function observations_insert()`.execute(db);
  } else {
    await sql`create trigger observations_insert instead of insert on observations begin
      insert or ignore into observation_keys (profile, dims, measure) values (new.profile, new.dims, new.measure);
      insert into observation_values (extract_id, year, district, key_id, value)
        values (new.extract_id, new.year, new.district,
          (select id from observation_keys where profile = new.profile and dims = new.dims and measure = new.measure),
          new.value);
    end`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const { real } = columnTypes(db);
  await sql`drop view observations`.execute(db);
  if (pg) await sql`drop function observations_insert()`.execute(db);
  await db.schema
    .createTable("observations")
    .addColumn("extract_id", "integer", (c) => (pg ? c.notNull() : c.notNull().references("extracts.id")))
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("district", "integer")
    .addColumn("dims", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("value", real)
    .execute();
  await sql`insert into observations (extract_id, profile, year, district, dims, measure, value)
    select v.extract_id, k.profile, v.year, v.district, k.dims, k.measure, v.value
    from observation_values v join observation_keys k on k.id = v.key_id`.execute(db);
  await db.schema.createIndex("observations_extract").on("observations").column("extract_id").execute();
  await db.schema.dropTable("observation_values").execute();
  await db.schema.dropTable("observation_keys").execute();
}
