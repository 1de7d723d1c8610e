import type { BlockDecision } from "@im/indicators";
import type SQLite from "better-sqlite3";

/** Every stored block decision (a few thousand short JSON rows). */
export function loadDisclosureDecisions(sqlite: SQLite.Database): Map<string, BlockDecision> {
  const rows = sqlite.prepare("select block, decision from disclosure_decisions").all() as {
    block: string;
    decision: string;
  }[];
  return new Map(rows.map((r) => [r.block, JSON.parse(r.decision) as BlockDecision]));
}

/** Keeps exactly the given decisions (those of the latest recomputation); runs in the caller's transaction. */
export function replaceDisclosureDecisions(sqlite: SQLite.Database, decisions: ReadonlyMap<string, BlockDecision>) {
  sqlite.prepare("delete from disclosure_decisions").run();
  const insert = sqlite.prepare("insert into disclosure_decisions (block, decision) values (?, ?)");
  for (const [block, decision] of decisions) insert.run(block, JSON.stringify(decision));
}
