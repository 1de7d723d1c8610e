import type { Kysely } from "kysely";
import type { Database, DistrictTable } from "../db/schema.ts";
import { markDataChanged } from "./generations.ts";

export type District = DistrictTable;

export async function listDistricts(db: Kysely<Database>): Promise<District[]> {
  return db.selectFrom("districts").select(["number", "name", "bezirk"]).orderBy("number").execute();
}

/** Replaces the whole reference list in one transaction; the results depend on it (Bezirk sums). */
export async function replaceDistricts(db: Kysely<Database>, districts: readonly District[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("districts").execute();
    for (const d of districts) {
      await trx.insertInto("districts").values({ number: d.number, name: d.name, bezirk: d.bezirk }).execute();
    }
    await markDataChanged(trx);
  });
}

/** Stadtteil numbers the stored observations use; a new district list must keep all of them. */
export async function districtsInUse(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom("observations")
    .select("district")
    .distinct()
    .where("district", "is not", null)
    .orderBy("district")
    .execute();
  return rows.map((r) => r.district as number);
}
