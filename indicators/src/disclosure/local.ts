import { type DisclosureRule, defaultDisclosureRule, SECONDARY } from "./disclosure.ts";

/** The counts behind the local values (location quotients, local entropy) of one comparison and year. */
export interface LocalDisclosureInput {
  /** Groups in column order; a unit's population is the sum of its groups. */
  groups: readonly string[];
  units: readonly { unit: string; counts: Readonly<Record<string, number>> }[];
  /**
   * The areas (city, Stadtbezirke) whose results publish location quotients of these units. Within an area,
   * Σ_i t_i · LQ_gi = T for every group g: one hidden quotient could be recomputed from the others.
   */
  areas: readonly { area: string; units: readonly string[] }[];
}

/** Unit → key (`location_quotients.<group>`, `local_entropy`) → German reason, for values the public must not see. */
export type LocalSuppression = Map<string, Record<string, string>>;

const ENTROPY = "Geheimhaltung: aus der lokalen Entropie ließe sich eine gesperrte Gruppengröße errechnen";

/**
 * Geheimhaltung for per-unit segregation values, with the rule of the indicator tables
 * (`defaultDisclosureRule`: counts 1 and 2, populations 1 to 9). Primary: the location quotient of a group
 * whose count in the unit is > 0 and below `minNumerator` (it reveals the count, since the unit's population
 * and the area's share are published), and every local value of a unit whose population is > 0 and below
 * `minDenominator`. Secondary, as for indicator cells: within a unit the groups add up to its population, and
 * within an area the population-weighted quotients of a group add up to the area's population, so a hidden
 * quotient must never be the only hidden one of such a relation; then the published member with the smallest
 * count (counts before empty groups) is hidden too, until nothing changes. Decided once per unit and group for
 * all areas, so that no area's answer gives away what another one hides. The local entropy is hidden with any
 * of its unit's quotients. Zero counts are published: they identify nobody.
 *
 * @example
 * localDisclosure({
 *   groups: ["mit", "ohne"],
 *   units: [{ unit: "11", counts: { mit: 2, ohne: 98 } }, { unit: "12", counts: { mit: 40, ohne: 60 } }],
 *   areas: [{ area: "stadt", units: ["11", "12"] }],
 * }).get("11"); // { "location_quotients.mit": "Geheimhaltung: Fallzahl unter 3 (Gruppe „mit“)", … }
 */
export function localDisclosure(input: LocalDisclosureInput, rule: DisclosureRule = defaultDisclosureRule) {
  const { groups, units } = input;
  const index = new Map(units.map((u, i) => [u.unit, i]));
  const count = (i: number, g: number) => units[i].counts[groups[g]] ?? 0;
  const population = units.map((_, i) => groups.reduce((acc, __, g) => acc + count(i, g), 0));
  // hidden[i][g]: reason, or undefined while published
  const hidden: (string | undefined)[][] = units.map(() => groups.map(() => undefined));
  const unitReason: (string | undefined)[] = units.map(() => undefined);

  units.forEach((_, i) => {
    const t = population[i];
    if (t > 0 && t < rule.minDenominator) {
      unitReason[i] = `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`;
      groups.forEach((__, g) => {
        hidden[i][g] = unitReason[i];
      });
      return;
    }
    groups.forEach((group, g) => {
      const x = count(i, g);
      if (x > 0 && x < rule.minNumerator)
        hidden[i][g] = `Geheimhaltung: Fallzahl unter ${rule.minNumerator} (Gruppe „${group}“)`;
    });
  });

  // Relations as lists of (unit, group) cells; only cells with a defined quotient take part.
  type Cell = [unit: number, group: number];
  const relations: Cell[][] = [];
  units.forEach((_, i) => {
    if (population[i] > 0) relations.push(groups.map((__, g): Cell => [i, g]));
  });
  for (const area of input.areas) {
    const members = area.units.flatMap((u) => {
      const i = index.get(u);
      return i === undefined || population[i] === 0 ? [] : [i];
    });
    groups.forEach((_, g) => {
      if (members.some((i) => count(i, g) > 0)) relations.push(members.map((i): Cell => [i, g]));
    });
  }

  // Which relations each cell belongs to, and how many hidden cells each relation has.
  const relationsOf: number[][][] = units.map(() => groups.map(() => []));
  relations.forEach((relation, r) => {
    for (const [i, g] of relation) relationsOf[i][g].push(r);
  });
  const hiddenIn = relations.map((relation) => relation.filter(([i, g]) => hidden[i][g] !== undefined).length);
  const hide = (i: number, g: number, reason: string) => {
    hidden[i][g] = reason;
    for (const r of relationsOf[i][g]) hiddenIn[r]++;
  };

  const before = (a: readonly number[], b: readonly number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k];
    return false;
  };
  /**
   * The published cell to hide with a lone hidden one: first the cell that opens the fewest other relations
   * (relations without a hidden cell yet, which would need a partner in turn), then the smallest count
   * (cells with a count before empty ones).
   */
  const partnerIn = (relation: readonly Cell[]): Cell | null => {
    let best: Cell | null = null;
    let bestKey: number[] = [];
    for (const [i, g] of relation) {
      if (hidden[i][g] !== undefined) continue;
      const x = count(i, g);
      const opened = relationsOf[i][g].filter((r) => hiddenIn[r] === 0).length;
      const key = [opened, x === 0 ? 1 : 0, x, population[i], i, g];
      if (best === null || before(key, bestKey)) {
        best = [i, g];
        bestKey = key;
      }
    }
    return best;
  };

  let changed = true;
  while (changed) {
    changed = false;
    relations.forEach((relation, r) => {
      if (hiddenIn[r] !== 1) return;
      const partner = partnerIn(relation);
      if (partner === null) return;
      hide(partner[0], partner[1], SECONDARY);
      changed = true;
    });
  }

  const result: LocalSuppression = new Map();
  units.forEach((u, i) => {
    const keys: Record<string, string> = {};
    groups.forEach((group, g) => {
      const reason = hidden[i][g];
      if (reason !== undefined) keys[`location_quotients.${group}`] = reason;
    });
    if (Object.keys(keys).length > 0) {
      keys.local_entropy = unitReason[i] ?? ENTROPY;
      result.set(u.unit, keys);
    }
  });
  return result;
}

/**
 * Geheimhaltung for an area-level share: the reason to withhold it when one of its parts (e.g. the focal
 * group and everybody else) is > 0 and below `minNumerator`, or the total is > 0 and below `minDenominator`;
 * otherwise null.
 *
 * @example
 * shareDisclosure([2, 248]); // "Geheimhaltung: Fallzahl unter 3"
 */
export function shareDisclosure(parts: readonly number[], rule: DisclosureRule = defaultDisclosureRule) {
  const total = parts.reduce((a, b) => a + b, 0);
  if (total > 0 && total < rule.minDenominator) return `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`;
  if (parts.some((x) => x > 0 && x < rule.minNumerator)) return `Geheimhaltung: Fallzahl unter ${rule.minNumerator}`;
  return null;
}
