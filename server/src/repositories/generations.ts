import { hostname } from "node:os";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * Generations tie the stored results to the stored data. Every change of the inputs (an import, a new district
 * list) raises `data_generation` in its own transaction; a recomputation stores the generation it read
 * together with its results. Results are current when both agree and were computed with the current catalogue.
 */
const DATA = "data_generation";
const RESULTS = "results_generation";
const LEASE = "recompute_lease";

/** Raises the data generation; call inside the transaction that changes the inputs. */
export async function markDataChanged(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("meta")
    .values({ key: DATA, value: "1" })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({ value: sql<string>`cast(cast(meta.value as integer) + 1 as text)` }),
    )
    .execute();
}

export interface Generations {
  /** How often the inputs changed (0: never imported). */
  data: number;
  /** The data generation the stored results were computed from (null: never computed). */
  results: number | null;
  /** The catalogue file (SHA-256) the stored results were computed with. */
  catalogueSha256: string | null;
}

export async function readGenerations(db: Kysely<Database>): Promise<Generations> {
  const rows = await db
    .selectFrom("meta")
    .select(["key", "value"])
    .where("key", "in", [DATA, RESULTS, "catalogue_sha256"])
    .execute();
  const value = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
  const results = value(RESULTS);
  return {
    data: Number(value(DATA) ?? 0),
    results: results === null ? null : Number(results),
    catalogueSha256: value("catalogue_sha256"),
  };
}

export const resultsGenerationKey = RESULTS;

/**
 * What identifies the stored results: their generation and when they were computed (a recomputation with
 * another catalogue keeps the generation). One indexed lookup, done before every cached read.
 */
export async function readResultsStamp(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom("meta")
    .select("value")
    .where("key", "in", [RESULTS, "computed_at"])
    .orderBy("key")
    .execute();
  return rows.map((r) => r.value).join("|");
}

/**
 * One recomputation at a time across processes (servers and CLI commands on the same database). The holder
 * renews its lease while it works; a lease that ran out, or whose process on this machine is gone (killed),
 * may be taken over.
 */
export interface Lease {
  holder: string;
  until: number;
}

export const leaseMs = 30_000;

export function ownHolder(): string {
  return `${hostname()}:${process.pid}`;
}

function holderAlive(holder: string): boolean {
  const [host, pid] = holder.split(":");
  if (host !== hostname()) return true; // another machine: trust its lease until it runs out
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes (or renews) the lease for `holder` when it is free; says whether `holder` holds it now. A compare-and-set
 * on the stored text, so that two processes deciding at once cannot both win, on either engine.
 */
export async function acquireLease(db: Kysely<Database>, holder: string, now = Date.now()): Promise<boolean> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", LEASE).executeTakeFirst();
  const current = row ? (JSON.parse(row.value) as Lease) : null;
  if (current && current.holder !== holder && current.until > now && holderAlive(current.holder)) return false;
  const value = JSON.stringify({ holder, until: now + leaseMs } satisfies Lease);
  if (!row) {
    const inserted = await db
      .insertInto("meta")
      .values({ key: LEASE, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const updated = await db
    .updateTable("meta")
    .set({ value })
    .where("key", "=", LEASE)
    .where("value", "=", row.value)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function releaseLease(db: Kysely<Database>, holder: string): Promise<void> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", LEASE).executeTakeFirst();
  if (!row || (JSON.parse(row.value) as Lease).holder !== holder) return;
  await db.deleteFrom("meta").where("key", "=", LEASE).where("value", "=", row.value).execute();
}

/** Who recomputes right now, if anyone (a live lease). */
export async function currentLease(db: Kysely<Database>, now = Date.now()): Promise<Lease | null> {
  const row = await db.selectFrom("meta").select("value").where("key", "=", LEASE).executeTakeFirst();
  if (!row) return null;
  const lease = JSON.parse(row.value) as Lease;
  return lease.until > now && holderAlive(lease.holder) ? lease : null;
}
