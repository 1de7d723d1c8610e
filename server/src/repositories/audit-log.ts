import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export interface AuditEntry {
  /** Account name, "MONITOR_ADMIN_TOKEN", "CLI (user)", or null when the sender is unknown (a failed login). */
  actor: string | null;
  /** A short machine word: "login", "login-failed", "logout", "import", "release-published", "account-created", … */
  action: string;
  /** What, in German words for the admin's view. */
  detail: string;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
}

/** Longer details are cut: the log is read by people, and a sender must not fill the disk through it. */
const MAX_DETAIL = 500;

/** Appends one entry with the current time. Runs in the caller's transaction when given one. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const detail = entry.detail.length > MAX_DETAIL ? `${entry.detail.slice(0, MAX_DETAIL - 1)}…` : entry.detail;
  await db
    .insertInto("audit_log")
    .values({ at: new Date().toISOString(), actor: entry.actor?.slice(0, 200) ?? null, action: entry.action, detail })
    .execute();
}

/** One page of the log, newest first, and the total count. */
export async function listAudit(
  db: Kysely<Database>,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ entries: AuditRow[]; total: number }> {
  const entries = await db
    .selectFrom("audit_log")
    .select(["id", "at", "actor", "action", "detail"])
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { entries, total: Number(total) };
}

/** The audit log's words for an accepted extract (web upload and command line alike). */
export function importAuditDetail(
  extract: { id: number; profile: string; year: number; file_name: string; sha256: string },
  replaced: { id: number } | null,
): string {
  const what = `Import Nr. ${extract.id}: „${extract.file_name}“ (${extract.profile}, ${extract.year}, SHA-256 ${extract.sha256.slice(0, 12)}…)`;
  return replaced ? `${what}, ersetzt Import Nr. ${replaced.id}` : what;
}
