import type { BlockDecision } from "@im/indicators";
import type { Conn } from "../db/engine.ts";
import { insertRows } from "../db/engine.ts";

/** Every stored block decision (a few thousand short JSON rows). */
export async function loadDisclosureDecisions(conn: Conn): Promise<Map<string, BlockDecision>> {
  const rows = await conn.db.selectFrom("disclosure_decisions").select(["block", "decision"]).execute();
  return new Map(rows.map((r) => [r.block, JSON.parse(r.decision) as BlockDecision]));
}

/** Keeps exactly the given decisions (those of the latest recomputation); runs in the caller's transaction. */
export async function replaceDisclosureDecisions(
  conn: Conn,
  decisions: ReadonlyMap<string, BlockDecision>,
): Promise<void> {
  await conn.db.deleteFrom("disclosure_decisions").execute();
  const rows = [...decisions].map(([block, decision]) => ({ block, decision: JSON.stringify(decision) }));
  await insertRows(conn, "disclosure_decisions", ["block", "decision"], rows);
}
