import { type Kysely, sql } from "kysely";
import { addRowidOnPostgres, columnTypes } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  const { real, autoId } = columnTypes(db);
  await db.schema
    .createTable("districts")
    .addColumn("number", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bezirk", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("extracts")
    .addColumn("id", ...autoId)
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("office", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("stichtag", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("encoding", "text", (c) => c.notNull())
    .addColumn("line_count", "integer", (c) => c.notNull())
    .addColumn("observation_count", "integer", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("replaced_by", "integer", (c) => c.references("extracts.id"))
    .execute();
  await db.schema.createIndex("extracts_profile_year").on("extracts").columns(["profile", "year"]).execute();
  await db.schema.createIndex("extracts_sha256").on("extracts").column("sha256").execute();

  await db.schema
    .createTable("observations")
    .addColumn("extract_id", "integer", (c) => c.notNull().references("extracts.id"))
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("district", "integer")
    .addColumn("dims", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("value", real)
    .execute();
  await db.schema.createIndex("observations_extract").on("observations").column("extract_id").execute();

  await db.schema
    .createTable("indicator_values")
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("breakdown", "text", (c) => c.notNull())
    .addColumn("grp", "text", (c) => c.notNull())
    .addColumn("numerator", real)
    .addColumn("denominator", real)
    .addColumn("value", real)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_detail", "text")
    .addColumn("suppression", "text")
    .execute();
  await addRowidOnPostgres(db, "indicator_values");
  await sql`create index indicator_values_lookup on indicator_values (indicator, area, year)`.execute(db);

  await db.schema
    .createTable("sozialmonitoring")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sozialmonitoring_pk", ["kind", "year", "key", "area"])
    .execute();
  await addRowidOnPostgres(db, "sozialmonitoring");

  await db.schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["meta", "sozialmonitoring", "indicator_values", "observations", "extracts", "districts"]) {
    await db.schema.dropTable(table).execute();
  }
}
