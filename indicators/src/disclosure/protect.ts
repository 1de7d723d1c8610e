import { BlockAttacker, type Interval, integerInterval, loadSolver } from "./attacker.ts";
import type { DisclosureRule } from "./disclosure.ts";
import type { LinearSystem } from "./linear-system.ts";

/** Numbers shown together (a table cell's numerator and denominator, a location quotient and its population). */
export interface Publication {
  counts: readonly number[];
  /** Per count: numerators must not be 1 to minNumerator−1, denominators not 1 to minDenominator−1. */
  roles: readonly ("numerator" | "denominator")[];
  /** Counts that identify nobody (catalogue `disclosureControl: false`): always shown. */
  exempt?: boolean;
}

export type Secrecy = "primary-numerator" | "primary-denominator" | "secondary";

/** What `protect` decided for one block, by stable count keys, so that a later run can take it over. */
export interface BlockDecision {
  partners: string[];
  findings: (Omit<Finding, "count"> & { count: string })[];
  /** The extracts (`profile|year`) whose lines the block sums: which uploads can change it (see scope.ts). */
  extracts?: string[];
}

/**
 * Earlier decisions, keyed by a hash of a block's counts, values and starting state. `countKey` names a count
 * the same way in every run (by the lines it sums, not by its position in this run's system).
 */
export interface ProtectionCache {
  countKey(count: number): string;
  /** `counts`: the block's counts. */
  get(blockKey: string, counts: readonly number[]): BlockDecision | undefined;
  set(blockKey: string, decision: BlockDecision, counts: readonly number[]): void;
}

/** A hidden count an attacker can narrow too far: what the audit reports. */
export interface Finding {
  count: number;
  secrecy: Secrecy;
  value: number;
  interval: Interval;
  /** German: what the interval reveals. */
  problem: string;
}

export interface Protection {
  /** Count → why it must not be published; counts absent here may be. */
  secret: Map<number, Secrecy>;
  /** Per publication: shown (null) or withheld with the secrecy of its strictest count. */
  withheld: (Secrecy | null)[];
  /** Counts still too narrow after every possible secondary suppression (should be empty). */
  findings: Finding[];
  /** Linear programs solved, for the benchmark. */
  solves: number;
}

/**
 * Geheimhaltung over all published tables at once. Primary: a count shown as a numerator with a value from 1
 * to `minNumerator − 1` or as a denominator from 1 to `minDenominator − 1` is secret everywhere. Every
 * publication that shows a secret count is withheld as a whole. Then, per block of linked counts, an attacker
 * who knows every shown number and every relation (cells ≥ 0) is simulated by linear programming: a primary
 * count must stay able to be 0 and to reach the threshold, a secondary one must not be fixed to one value.
 * Where that fails, one of the shown counts that bound the attacker (of the smallest area first, there the
 * smallest positive value) becomes secret too, until every secret count is protected. Hiding only widens what
 * an attacker can reach, so a count that passed stays protected. Deterministic: the same data give the same
 * hidden cells.
 */
export async function protect(
  system: LinearSystem,
  values: Float64Array,
  publications: readonly Publication[],
  rule: DisclosureRule,
  relations: readonly (readonly number[])[],
  /**
   * Nested areas, finest first: per cell a number that is the same for the cells of one area (Stadtteil,
   * Bezirk). Each level is a fast pass of small programs before the complete one.
   */
  cellAreas: readonly Int32Array[],
  /** Decisions of earlier runs by block (see `ProtectionCache`); none: decide every block anew. */
  cache?: ProtectionCache | null,
  onBlock?: (info: { counts: number; secret: number; solves: number; ms: number }) => void,
): Promise<Protection> {
  const highs = await loadSolver();
  const secret = new Map<number, Secrecy>();
  const exempt = new Set<number>();
  const publishers: number[][] = Array.from({ length: system.counts.length }, () => []);
  publications.forEach((p, i) => {
    for (const c of p.counts) {
      publishers[c].push(i);
      if (p.exempt) exempt.add(c);
    }
  });
  const primaryOf = (count: number, role: "numerator" | "denominator"): Secrecy | null => {
    const v = values[count];
    if (role === "numerator" && v > 0 && v < rule.minNumerator) return "primary-numerator";
    if (role === "denominator" && v > 0 && v < rule.minDenominator) return "primary-denominator";
    return null;
  };
  for (const p of publications) {
    if (p.exempt) continue;
    p.counts.forEach((c, k) => {
      const primary = primaryOf(c, p.roles[k]);
      if (primary && !exempt.has(c) && secret.get(c) !== "primary-denominator") secret.set(c, primary);
    });
  }

  const withheld: (Secrecy | null)[] = publications.map(() => null);
  const shownBy = new Int32Array(system.counts.length);
  publications.forEach((p, i) => {
    if (p.counts.some((c) => secret.has(c))) withheld[i] = strictest(p.counts, secret);
    else for (const c of p.counts) shownBy[c]++;
  });

  const blockOf = system.blocks();
  const members = new Map<number, number[]>();
  blockOf.forEach((b, k) => {
    getOrPush(members, b, k);
  });
  const findings: Finding[] = [];
  // Per level (Stadtteil, Bezirk): the one area each count lies in, negative when it spans several.
  const areasByLevel = cellAreas.map((cellArea) => areasOf(system, cellArea));
  const levels = areaLevels(areasByLevel, system.counts.length);
  let solves = 0;
  const active = new Set<BlockAttacker>();

  /** The shown part with the smallest value that still gives `need` room, else the largest one. */
  const roomiest = (parts: readonly number[], need: number): number | null => {
    let best: number | null = null;
    for (const p of parts) {
      // A count of 0 gives no room (and an empty one is 0 for everyone): never a partner.
      if (hidden(p) || exempt.has(p) || !(values[p] > 0)) continue;
      if (best === null) best = p;
      else {
        const enough = values[p] >= need;
        const bestEnough = values[best] >= need;
        if (enough && (!bestEnough || values[p] < values[best])) best = p;
        else if (!enough && !bestEnough && values[p] > values[best]) best = p;
      }
    }
    return best;
  };

  // Withholding a publication may leave other counts shown nowhere: the current attacker loses them too.
  const hiddenInOrder: number[] = [];
  const makeSecret = (count: number) => {
    secret.set(count, "secondary");
    hiddenInOrder.push(count);
    for (const i of publishers[count]) {
      if (withheld[i] !== null) continue;
      withheld[i] = strictest(publications[i].counts, secret);
      for (const c of publications[i].counts) {
        shownBy[c]--;
        if (shownBy[c] === 0) for (const a of active) if (a.has(c)) a.hide(c);
      }
    }
  };

  // First the known relations, cheaply: within each, a secret part must have hidden partners that give it room.
  const hidden = (c: number) => secret.has(c) || shownBy[c] === 0;
  const room = (c: number) => {
    const secrecy = secret.get(c) as Secrecy;
    return secrecy === "secondary" ? 1 : cap(secrecy, values[c], rule) - values[c];
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [total, ...parts] of relations) {
      let partner: number | null = null;
      if (hidden(total)) {
        if (secret.has(total) && parts.every((p) => !hidden(p))) partner = roomiest(parts, room(total));
      } else {
        for (const q of parts) {
          if (!secret.has(q)) continue;
          let have = 0;
          let others = 0;
          for (const p of parts) {
            if (p === q || !hidden(p)) continue;
            others++;
            have += values[p];
          }
          if (others > 0 && have >= room(q)) continue;
          partner = roomiest(parts, room(q) - have) ?? (exempt.has(total) || !(values[total] > 0) ? null : total);
          if (partner !== null) break;
        }
      }
      if (partner !== null) {
        makeSecret(partner);
        changed = true;
      }
    }
  }

  // Each count's Stadtteil program (the finest level's group), for partners hidden by a larger program.
  const finestGroupOf = new Map<number, number[]>();
  const secure = (attacker: BlockAttacker, queue: readonly number[], report: boolean, finest: boolean) => {
    solves += settle(
      attacker,
      queue,
      (c) => secret.get(c) as Secrecy,
      values,
      rule,
      (weak) => {
        const partner = cheapest(
          weak.limiting.filter((c) => !exempt.has(c) && !secret.has(c)),
          values,
          levels,
        );
        if (partner === null) {
          if (report) findings.push(weak.finding);
          return [];
        }
        const from = hiddenInOrder.length;
        makeSecret(partner);
        // A partner hidden by a larger program is settled in its Stadtteil's small program first: its own
        // partners there cost small programs instead of rounds of this one. This program checks them all.
        const group = finest ? undefined : finestGroupOf.get(partner);
        if (group) run(group, false);
        return hiddenInOrder.slice(from);
      },
    );
  };

  const run = (counts: readonly number[], report: boolean) => {
    const finest = finestGroupOf.get(counts[0]) === counts;
    const queue = counts.filter((c) => secret.has(c));
    if (queue.length === 0) return;
    const started = performance.now();
    const solvesBefore = solves;
    const attacker = new BlockAttacker(highs, system, counts, (c) => (shownBy[c] > 0 ? values[c] : null));
    active.add(attacker);
    try {
      secure(attacker, queue, report, finest);
    } finally {
      attacker.dispose();
      active.delete(attacker);
    }
    onBlock?.({
      counts: counts.length,
      secret: queue.length,
      solves: solves - solvesBefore,
      ms: performance.now() - started,
    });
  };

  // Then, block by block: each Stadtteil's own counts on their own (small, fast programs that find most
  // partners), then each Bezirk's, and last the block whole, which also sees the city: only this last pass
  // proves protection. A block decided before with the same counts, values and starting state takes the
  // partners it chose then (the decision is deterministic), without solving anything.
  const localByBlock = new Map<number, number[][]>();
  areasByLevel.forEach((areaOf, level) => {
    for (const group of localGroups(areaOf, blockOf)) {
      getOrPush(localByBlock, blockOf[group[0]], group);
      if (level === 0) for (const c of group) finestGroupOf.set(c, group);
    }
  });
  for (const block of [...members.keys()].sort((a, b) => a - b)) {
    const counts = members.get(block) as number[];
    if (!counts.some((c) => secret.has(c))) continue;
    const key = cache
      ? blockKey(counts, values, (c) => secret.get(c) ?? (shownBy[c] > 0 ? "shown" : "hidden"), cache.countKey)
      : "";
    const known = cache?.get(key, counts);
    if (cache && known) {
      const byKey = new Map(counts.map((c) => [cache.countKey(c), c]));
      for (const partner of known.partners) {
        const c = byKey.get(partner);
        if (c !== undefined && !secret.has(c)) makeSecret(c);
      }
      for (const f of known.findings) {
        const c = byKey.get(f.count);
        if (c !== undefined) findings.push({ ...f, count: c });
      }
      continue;
    }
    const secretBefore = new Set(secret.keys());
    const findingsBefore = findings.length;
    for (const group of localByBlock.get(block) ?? []) run(group, false);
    run(counts, true);
    if (cache) {
      const partners = [...secret.keys()].filter((c) => !secretBefore.has(c) && blockOf[c] === block);
      cache.set(
        key,
        {
          partners: partners.map(cache.countKey),
          findings: findings.slice(findingsBefore).map((f) => ({ ...f, count: cache.countKey(f.count) })),
        },
        counts,
      );
    }
  }
  return { secret, withheld, findings, solves };
}

/**
 * The audit: what an attacker reaches for every count that publications withhold and none shows, from
 * everything shown. A withheld count whose value a numerator or denominator rule covers must keep that
 * protection; any other one must not be fixed to one value. Returns the violations (empty: the
 * publication is safe) and how many counts are hidden.
 *
 * @example
 * const { findings } = await audit(model.system, model.values, publications, withheld, defaultDisclosureRule);
 */
export async function audit(
  system: LinearSystem,
  values: Float64Array,
  publications: readonly Publication[],
  withheld: readonly boolean[],
  rule: DisclosureRule,
): Promise<{ findings: Finding[]; hidden: number; solves: number }> {
  const highs = await loadSolver();
  const shown = new Set<number>();
  publications.forEach((p, i) => {
    if (!withheld[i]) for (const c of p.counts) shown.add(c);
  });
  // Counts in the primary range must keep their protection; a withheld publication without one must keep at
  // least one of its counts undetermined (else it protects nothing: a secondary cell fixed exactly).
  const secrecy = new Map<number, Secrecy>();
  const secondaries: number[][] = [];
  publications.forEach((p, i) => {
    if (!withheld[i] || p.exempt) return;
    let primaryHere = false;
    p.counts.forEach((c, k) => {
      const v = values[c];
      const primary =
        p.roles[k] === "numerator" && v > 0 && v < rule.minNumerator
          ? "primary-numerator"
          : p.roles[k] === "denominator" && v > 0 && v < rule.minDenominator
            ? "primary-denominator"
            : null;
      if (!primary) return;
      primaryHere = true;
      if (secrecy.get(c) !== "primary-denominator") secrecy.set(c, primary);
    });
    if (!primaryHere) secondaries.push(p.counts.filter((c) => !shown.has(c)));
  });
  for (const counts of secondaries) for (const c of counts) if (!secrecy.has(c)) secrecy.set(c, "secondary");
  const members = new Map<number, number[]>();
  system.blocks().forEach((b, k) => {
    getOrPush(members, b, k);
  });
  const findings: Finding[] = [];
  const fixed = new Map<number, Finding>();
  let solves = 0;
  for (const block of [...members.keys()].sort((a, b) => a - b)) {
    const counts = members.get(block) as number[];
    const targets = counts.filter((c) => secrecy.has(c) && !Number.isNaN(values[c]));
    if (targets.length === 0) continue;
    const attacker = new BlockAttacker(highs, system, counts, (c) => (shown.has(c) ? values[c] : null));
    try {
      solves += settle(
        attacker,
        targets,
        (c) => secrecy.get(c) as Secrecy,
        values,
        rule,
        (weak) => {
          if (weak.finding.secrecy === "secondary") fixed.set(weak.finding.count, weak.finding);
          else findings.push(weak.finding);
          return [];
        },
      );
    } finally {
      attacker.dispose();
    }
  }
  // A shown count is fixed too; a publication is exposed when every one of its counts is.
  for (const counts of secondaries) {
    if (counts.length > 0 && counts.every((c) => fixed.has(c))) findings.push(fixed.get(counts[0]) as Finding);
  }
  return { findings: [...new Set(findings)], hidden: secrecy.size, solves };
}

interface Weak {
  finding: Finding;
  /** Shown counts that bound the attacker on the failing side. */
  limiting: number[];
}

/**
 * Rounds on one attacker: a joint screen settles most counts; each other one is checked on the side the
 * screen left open. `onWeak` may hide partners (returned, then the count and they are checked again next
 * round) or give up (none). Returns the number of programs solved.
 */
function settle(
  attacker: BlockAttacker,
  queue: readonly number[],
  secrecyOf: (count: number) => Secrecy,
  values: Float64Array,
  rule: DisclosureRule,
  onWeak: (weak: Weak) => number[],
): number {
  let solves = 0;
  let pending = queue;
  // Exact sides, solved one by one: they stay good until a partner is hidden (hiding only widens).
  const checked = new Map<number, { min: number; max: number }>();
  // Per count, the least and largest value seen in feasible solutions of any program: the true interval
  // contains [low, high], also after hiding (a feasible solution stays feasible). Every program's solution
  // is read for every pending count, so that most counts are settled by others' programs.
  const seen = new Map<number, { low: number; high: number }>();
  const see = (counts: readonly number[], at: Float64Array | null, reached: "value" | "at least") => {
    if (at === null) return;
    counts.forEach((c, i) => {
      const s = seen.get(c) ?? { low: Number.POSITIVE_INFINITY, high: Number.NEGATIVE_INFINITY };
      if (reached === "value") s.low = Math.min(s.low, at[i]);
      s.high = Math.max(s.high, at[i]);
      seen.set(c, s);
    });
  };
  while (pending.length > 0) {
    const caps = pending.map((c) => cap(secrecyOf(c), values[c], rule));
    const { low, high } = attacker.screen(pending, caps);
    solves += 2;
    see(pending, low, "value");
    see(pending, high, "at least");
    const next: number[] = [];
    for (const count of pending) {
      const secrecy = secrecyOf(count);
      const known = checked.get(count) ?? { min: Number.NaN, max: Number.NaN };
      checked.set(count, known);
      const interval = () => {
        const s = seen.get(count) ?? { low: Number.POSITIVE_INFINITY, high: Number.NEGATIVE_INFINITY };
        return integerInterval({
          min: Number.isNaN(known.min) ? s.low : known.min,
          max: Number.isNaN(known.max) ? s.high : known.max,
        });
      };
      let problem = weakness(secrecy, interval(), rule, values[count]);
      let limiting: number[] = [];
      while (problem !== null) {
        const other = problem.side === "min" ? "max" : "min";
        const side = Number.isNaN(known[problem.side]) ? problem.side : Number.isNaN(known[other]) ? other : null;
        if (side === null) break;
        const bound = attacker.bound(count, side, pending);
        solves++;
        known[side] = bound.value;
        see(pending, bound.at, "value");
        problem = weakness(secrecy, interval(), rule, values[count]);
        if (limiting.length === 0) limiting = bound.limiting;
      }
      if (problem === null) continue;
      const finding = { count, secrecy, value: values[count], interval: interval(), problem: problem.text };
      const partners = onWeak({ finding, limiting });
      if (partners.length === 0) continue;
      checked.delete(count);
      next.push(count, ...partners);
    }
    pending = [...new Set(next)];
  }
  return solves;
}

/** What is wrong with an attacker's integer interval for a secret count, or null when it protects. */
export function weakness(
  secrecy: Secrecy,
  interval: Interval,
  rule: DisclosureRule,
  value: number,
): { side: "min" | "max"; text: string } | null {
  if (secrecy === "secondary") {
    if (interval.max > value || interval.min < value) return null;
    return { side: "max", text: `eindeutig bestimmbar (${value})` };
  }
  if (interval.min > 0) return { side: "min", text: `mindestens ${interval.min}, also nicht 0` };
  const threshold = secrecy === "primary-numerator" ? rule.minNumerator : rule.minDenominator;
  if (interval.max < threshold) return { side: "max", text: `höchstens ${interval.max}, also unter ${threshold}` };
  return null;
}

/** What the joint screen must reach for a count to pass without its own check. */
function cap(secrecy: Secrecy, value: number, rule: DisclosureRule): number {
  if (secrecy === "primary-numerator") return rule.minNumerator;
  if (secrecy === "primary-denominator") return rule.minDenominator;
  return value + 1;
}

/**
 * The shown count to hide next: one of the smallest area (a Stadtteil's before its Bezirk's, a Bezirk's before
 * the city's: a larger area's count sits in more relations, so hiding it draws more partners after it), there
 * the smallest positive one (a count of 0 frees nothing), lowest index on ties.
 */
function cheapest(candidates: readonly number[], values: Float64Array, levels: Int8Array): number | null {
  let best: number | null = null;
  for (const c of candidates) {
    if (!(values[c] > 0)) continue;
    const better =
      best === null ||
      levels[c] < levels[best] ||
      (levels[c] === levels[best] && (values[c] < values[best] || (values[c] === values[best] && c < best)));
    if (better) best = c;
  }
  return best;
}

/** Per count: the finest level with one area that holds all its cells, else the number of levels. */
function areaLevels(areasByLevel: readonly Int32Array[], counts: number): Int8Array {
  const levels = new Int8Array(counts).fill(areasByLevel.length);
  for (let level = areasByLevel.length - 1; level >= 0; level--) {
    areasByLevel[level].forEach((area, k) => {
      if (area >= 0) levels[k] = level;
    });
  }
  return levels;
}

/** A hash of a block: every count's key, value and state (secret kind, shown or hidden), in key order. */
function blockKey(
  counts: readonly number[],
  values: Float64Array,
  state: (count: number) => string,
  countKey: (count: number) => string,
): string {
  const entries = counts.map((c) => `${countKey(c)}=${values[c]}:${state(c)}`).sort();
  return hash53(entries.join(";"));
}

/** A 53-bit string hash (cyrb53) in base 36: cache keys, not security. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Counts that lie within one area and one block, grouped: each group is a small program of its own. */
function localGroups(areaOf: Int32Array, blockOf: Int32Array): number[][] {
  const groups = new Map<string, number[]>();
  areaOf.forEach((area, k) => {
    if (area >= 0) getOrPush(groups, `${blockOf[k]}:${area}`, k);
  });
  return [...groups.values()];
}

/** Per count: the one area (of `cellArea`) all its cells lie in; negative when they span several or none. */
function areasOf(system: LinearSystem, cellArea: Int32Array): Int32Array {
  const MIXED = -1;
  const EMPTY = -2;
  const areaOf = new Int32Array(system.counts.length);
  system.counts.forEach((c, k) => {
    let area = EMPTY;
    for (const p of c.parts) {
      const a = p < system.cells ? cellArea[p] : areaOf[p - system.cells];
      if (a === EMPTY) continue;
      if (area === EMPTY) area = a;
      else if (a !== area) area = MIXED;
    }
    areaOf[k] = area;
  });
  return areaOf;
}

function strictest(counts: readonly number[], secret: ReadonlyMap<number, Secrecy>): Secrecy {
  const kinds = counts.map((c) => secret.get(c)).filter((s): s is Secrecy => s !== undefined);
  return kinds.find((s) => s !== "secondary") ?? "secondary";
}

function getOrPush<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
