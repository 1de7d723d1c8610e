import { type Kysely, sql } from "kysely";
import { columnTypes, isPostgres } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema type
export async function up(db: Kysely<any>): Promise<void> {
  const { autoId } = columnTypes(db);
  await db.schema
    .createTable("accounts")
    .addColumn("id", ...autoId)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('analyst', 'admin')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .execute();
  // Names are compared without case: "Anna" and "anna" would be one person to everyone reading the log.
  // (repositories/accounts.ts looks names up by lower(name); SQLite's nocase and lower() agree on ASCII.)
  if (isPostgres(db)) await sql`create unique index accounts_name on accounts (lower(name))`.execute(db);
  else await sql`create unique index accounts_name on accounts (name collate nocase)`.execute(db);

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", ...autoId)
    .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_account").on("api_tokens").column("account_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", ...autoId)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("accounts").execute();
}
