import type { DisclosureRule } from "../disclosure/disclosure.ts";
import { SECONDARY } from "../disclosure/disclosure.ts";
import { localDisclosure, shareDisclosure } from "../disclosure/local.ts";
import type { Secrecy } from "../disclosure/protect.ts";
import type { District } from "../engine/types.ts";
import { segregationProfile } from "../segregation/profile.ts";
import type { SegregationProfile } from "../segregation/types.ts";
import { type ComparisonConfig, groupSelection } from "./comparisons.ts";
import type { SegregationSecrecy } from "./disclosure.ts";
import type { DistrictSums, SumsByYear } from "./observation-sums.ts";

export interface UnitProblem {
  stadtteil: string;
  name: string;
  message: string;
}

/** What is stored per comparison, year and area: the segregation profile plus how it came about. */
export interface SegregationResult extends Omit<SegregationProfile, "units"> {
  comparison: string;
  year: number;
  area: string;
  kind: ComparisonConfig["kind"];
  reference: string;
  groups: { id: string; label: string }[];
  units: (SegregationProfile["units"][number] & { name: string })[];
  /** Share of the area's population in units that entered the computation. */
  coverage: number | null;
  /** Units left out for this year, with the reason (withheld values, split age bands, x > t, missing delivery). */
  problems: UnitProblem[];
  /**
   * Values the public must not see (Geheimhaltung), with the German reason: `units.<unit>.location_quotients.<group>`,
   * `units.<unit>.local_entropy`, and `P` and two-group measure names of an area whose focal group or rest is 1 or 2.
   */
  suppressed: Record<string, string>;
  /**
   * With Geheimhaltung over all tables: the area measures the public sees, computed on protected inputs
   * (analysts see the true ones above).
   */
  publicMeasures?: Pick<SegregationProfile, "P" | "measures" | "multigroup"> & {
    units: Record<string, Pick<SegregationProfile["units"][number], "location_quotients" | "local_entropy">>;
  };
}

/** A comparison with each group's position in the summed selections. */
export interface ComparisonPlan {
  config: ComparisonConfig;
  groups: { rest: boolean; at: number }[];
}

type UnitCounts = { unit: string; counts: Record<string, number> };

/**
 * Segregation of one comparison for every year with a delivery and every area (the city and each
 * Stadtbezirk, Stadtteile as units), with the Geheimhaltung of the area and the local values.
 */
export function comparisonSegregation(
  plan: ComparisonPlan,
  sums: SumsByYear,
  districts: readonly District[],
  rule: DisclosureRule,
  secrecy?: SegregationSecrecy,
): SegregationResult[] {
  const results: SegregationResult[] = [];
  const areas = [
    { area: "stadt", members: districts },
    ...[...new Set(districts.map((d) => d.bezirk))].map((b) => ({
      area: `bezirk:${b}`,
      members: districts.filter((d) => d.bezirk === b),
    })),
  ];
  const profiles = new Set(plan.config.groups.map((g) => groupSelection(g).profile));
  for (const [year, byDistrict] of [...sums].sort((a, b) => a[0] - b[0])) {
    const deliveredAnywhere = [...byDistrict.values()].some((s) => [...profiles].every((p) => s.delivered.has(p)));
    if (!deliveredAnywhere) continue;
    const computed = areas.map(({ area, members }) => segregationFor(plan, year, area, members, byDistrict));
    if (secrecy) {
      for (const { result, counts: units } of computed) {
        withholdBy(secrecy, plan, result, units, rule);
        results.push(result);
      }
      continue;
    }
    // One decision per Stadtteil and group for all areas of this comparison and year (see localDisclosure).
    const counts = new Map(computed.flatMap((c) => c.counts).map((u) => [u.unit, u]));
    const local = localDisclosure(
      {
        groups: plan.config.groups.map((g) => g.id),
        units: [...counts.values()],
        areas: computed.map((c) => ({ area: c.result.area, units: c.result.units.map((u) => u.unit) })),
      },
      rule,
    );
    for (const { result, counts: units } of computed) {
      result.suppressed = areaSuppression(result, units, rule);
      for (const u of result.units) {
        for (const [key, reason] of Object.entries(local.get(u.unit) ?? {})) {
          result.suppressed[`units.${u.unit}.${key}`] = reason;
        }
      }
      results.push(result);
    }
  }
  return results;
}

/** The analysts' reason of a withheld segregation value, by the role the count plays here (a count of 1–2). */
function reasonOf(secrecy: Secrecy, count: number, rule: DisclosureRule, group?: string): string {
  const of = group === undefined ? "" : ` (Gruppe „${group}“)`;
  if (secrecy === "secondary") return SECONDARY;
  if (count > 0 && count < rule.minNumerator) return `Geheimhaltung: Fallzahl unter ${rule.minNumerator}${of}`;
  return `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`;
}

const ENTROPY = "Geheimhaltung: aus der lokalen Entropie ließe sich eine gesperrte Gruppengröße errechnen";

/**
 * Geheimhaltung decided with the indicator tables (see `segregationPublications`): a location quotient is
 * withheld with its count, the local entropy with any of its Stadtteil's, P and the two-group measures with
 * the area's share. The public's area measures are computed on protected inputs: a withheld count is replaced
 * by its share of what its Stadtteil's published population leaves (a Stadtteil with every count withheld is
 * left out), so they depend on published numbers only and narrow nothing.
 */
function withholdBy(
  secrecy: SegregationSecrecy,
  plan: ComparisonPlan,
  result: SegregationResult,
  units: readonly UnitCounts[],
  rule: DisclosureRule,
) {
  const { config } = plan;
  const suppressed: Record<string, string> = {};
  const share = config.focal === null || result.P === null ? null : secrecy.share(config.id, result.year, result.area);
  if (share) {
    const focal = units.reduce((acc, u) => acc + (u.counts[config.focal as string] ?? 0), 0);
    suppressed.P = reasonOf(share, focal, rule);
    const keys = units.length > 1 ? Object.keys(result.measures) : SHARE_MEASURES;
    for (const k of keys) {
      if ((result.measures as unknown as Record<string, number | null>)[k] !== null) suppressed[k] = suppressed.P;
    }
  }
  const protectedUnits: UnitCounts[] = [];
  for (const u of units) {
    const hidden: string[] = [];
    for (const g of config.groups) {
      const kind = secrecy.group(config.id, result.year, u.unit, g.id);
      if (kind === null) continue;
      hidden.push(g.id);
      suppressed[`units.${u.unit}.location_quotients.${g.id}`] = reasonOf(kind, u.counts[g.id], rule, g.id);
    }
    if (hidden.length > 0) suppressed[`units.${u.unit}.local_entropy`] = ENTROPY;
    if (hidden.length === config.groups.length) continue;
    const total = Object.values(u.counts).reduce((a, b) => a + b, 0);
    const shown = Object.entries(u.counts).filter(([g]) => !hidden.includes(g));
    const left = total - shown.reduce((a, [, v]) => a + v, 0);
    protectedUnits.push({
      unit: u.unit,
      counts: Object.fromEntries([...shown, ...hidden.map((g) => [g, left / hidden.length] as const)]),
    });
  }
  const profile = segregationProfile(
    { groups: config.groups.map((g) => g.id), units: protectedUnits },
    config.focal === null ? {} : { focal: config.focal },
  );
  result.suppressed = suppressed;
  // Location quotients relate to the area's share: the public's are taken against the protected one, so that a
  // shown quotient does not give a withheld share back.
  const localValues = Object.fromEntries(
    profile.units.map((u) => [u.unit, { location_quotients: u.location_quotients, local_entropy: u.local_entropy }]),
  );
  result.publicMeasures = {
    P: profile.P,
    measures: profile.measures,
    multigroup: profile.multigroup,
    units: localValues,
  };
}

/** Two-group measures that, for an area of one Stadtteil, are functions of its share P (the others are 0 there). */
const SHARE_MEASURES = ["isolation", "exposure", "exposure_other", "isolation_other"];

/**
 * Area-level Geheimhaltung of a two-group result: when the focal group or everybody else in the area is 1 or
 * 2 people (or the area has fewer than 10), P and the two-group measures would place them; they are withheld.
 * For an area of one Stadtteil only the measures that equal P or 1 − P are (the others are 0 by construction).
 */
function areaSuppression(
  result: SegregationResult,
  units: readonly UnitCounts[],
  rule: DisclosureRule,
): Record<string, string> {
  const suppressed: Record<string, string> = {};
  if (result.focal === null || result.P === null) return suppressed;
  const focal = result.focal;
  const x = units.reduce((acc, u) => acc + (u.counts[focal] ?? 0), 0);
  const t = units.reduce((acc, u) => acc + Object.values(u.counts).reduce((a, b) => a + b, 0), 0);
  const reason = shareDisclosure([x, t - x], rule);
  if (reason === null) return suppressed;
  suppressed.P = reason;
  const keys = units.length > 1 ? Object.keys(result.measures) : SHARE_MEASURES;
  for (const key of keys) {
    if ((result.measures as unknown as Record<string, number | null>)[key] !== null) suppressed[key] = reason;
  }
  return suppressed;
}

function segregationFor(
  plan: ComparisonPlan,
  year: number,
  area: string,
  members: readonly District[],
  byDistrict: Map<number, DistrictSums>,
): { result: SegregationResult; counts: UnitCounts[] } {
  const { config } = plan;
  const problems: UnitProblem[] = [];
  const units: UnitCounts[] = [];
  let kept = 0;
  let left = 0;
  for (const d of members) {
    const s = byDistrict.get(d.number);
    const problem = (message: string) => problems.push({ stadtteil: String(d.number), name: d.name, message });
    if (!s) continue;
    const profiles = config.groups.map((g) => groupSelection(g).profile);
    const missing = [...new Set(profiles.filter((p) => !s.delivered.has(p)))];
    if (missing.length > 0) {
      problem(`Keine Daten aus ${missing.join(", ")} für ${year}.`);
      continue;
    }
    const split = plan.groups.map((g) => s.split[g.at]).find((code) => code !== null);
    if (split) {
      problem(`Die gelieferte Altersgruppe ${split} passt nicht zur Altersabgrenzung des Vergleichs.`);
      left += groupTotal(plan, s.sums);
      continue;
    }
    if (plan.groups.some((g) => s.withheld[g.at])) {
      problem("Mindestens ein Wert wurde geheim gehalten (. oder x); das Gebiet wird für dieses Jahr ausgelassen.");
      left += groupTotal(plan, s.sums);
      continue;
    }
    const counts: Record<string, number> = {};
    const explicit = plan.groups.reduce((acc, g) => (g.rest ? acc : acc + s.sums[g.at]), 0);
    for (const [k, g] of plan.groups.entries())
      counts[config.groups[k].id] = g.rest ? s.sums[g.at] - explicit : s.sums[g.at];
    if (config.groups.some((g) => counts[g.id] < 0)) {
      const whole = plan.groups.find((g) => g.rest);
      const parts = config.groups.filter((_, k) => !plan.groups[k].rest).map((g) => g.label);
      problem(
        `Unstimmige Daten: ${parts.join(", ")} (${explicit}) sind mehr als die Bezugsbevölkerung (${whole ? s.sums[whole.at] : "?"}); das Gebiet wird für dieses Jahr ausgelassen.`,
      );
      left += explicit;
      continue;
    }
    units.push({ unit: String(d.number), counts });
    kept += Object.values(counts).reduce((a, b) => a + b, 0);
  }

  const profile = segregationProfile(
    { groups: config.groups.map((g) => g.id), units },
    config.focal === null ? {} : { focal: config.focal },
  );
  const names = new Map(members.map((d) => [String(d.number), d.name]));
  const result: SegregationResult = {
    comparison: config.id,
    year,
    area,
    kind: config.kind,
    reference: config.reference,
    groups: config.groups.map(({ id, label }) => ({ id, label })),
    ...profile,
    units: profile.units.map((u) => ({ ...u, name: names.get(u.unit) ?? u.unit })),
    coverage: kept + left > 0 ? kept / (kept + left) : null,
    problems,
    suppressed: {},
  };
  return { result, counts: units };
}

function groupTotal(plan: ComparisonPlan, sums: Float64Array): number {
  const rest = plan.groups.find((g) => g.rest);
  return rest ? sums[rest.at] : plan.groups.reduce((acc, g) => acc + sums[g.at], 0);
}
