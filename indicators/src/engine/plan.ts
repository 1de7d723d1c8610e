// Turns a catalogue entry into what the engine evaluates: two sides (numerator, denominator), each a list of
// signed terms (the denominator and a plain numerator have one term), and one column per breakdown group,
// each with the dimension conditions and age range it adds to every term.

import { indicatorBreakdowns } from "../catalogue/describe.ts";
import { type ProfileShape, profileCodes } from "../catalogue/profile-shape.ts";
import {
  AGE_BREAKDOWN,
  type AgeRange,
  type Catalogue,
  type Indicator,
  numeratorTerms,
  type Selection,
} from "../catalogue/schema.ts";
import { TOTAL } from "../catalogue/total.ts";

export type DimensionFilter = Readonly<Record<string, readonly string[]>>;

/** The lines one cell of one term counts: every condition holds and the age band lies in `age`. */
export interface CellFilter {
  conditions: readonly { dim: string; codes: ReadonlySet<string> }[];
  age: AgeRange | null;
}

export interface Column {
  breakdown: string;
  group: string;
  groupLabel: string;
  /** One filter per term of the numerator, in term order. */
  numerator: CellFilter[];
  /** One filter per term of the denominator (it has one). */
  denominator: CellFilter[];
}

/** One summed selection of a side, added (`sign` 1) or subtracted (-1). */
export interface SideTerm {
  side: "Zähler" | "Nenner";
  /** "Zähler", "Nenner" or, for a composite numerator, "Zähler (Term 2)": used in status texts. */
  name: string;
  sign: 1 | -1;
  selection: Selection;
  profile: ProfileShape;
}

export interface Side {
  name: "Zähler" | "Nenner";
  terms: SideTerm[];
}

export interface IndicatorPlan {
  indicator: Indicator;
  /** True when any term of either side comes from a city-level profile: only `stadt` rows. */
  cityOnly: boolean;
  /** 100 for %, 1000 for ‰. */
  factor: number;
  numerator: Side;
  denominator: Side;
  columns: Column[];
  /** Breakdown ids whose groups add up to `gesamt` on at least one side (an additive relation). */
  partitions: string[];
}

function cellFilter(base: Selection, extra: DimensionFilter | null, age: AgeRange | null): CellFilter {
  const conditions = [base.filter ?? {}, extra ?? {}].flatMap((f) =>
    Object.entries(f).map(([dim, codes]) => ({ dim, codes: new Set(codes) })),
  );
  return { conditions, age: age ?? base.age ?? null };
}

/**
 * Whether groups (each a filter, or an age range) split a side's total exactly: the Σ over the groups equals
 * the total. Decided precisely for groups over one dimension or over age; other shapes are assumed additive,
 * which can only lead to more suppression, never to less.
 */
function groupsPartition(groups: readonly DimensionFilter[], term: SideTerm): boolean {
  const dims = new Set(groups.flatMap((g) => Object.keys(g)));
  if (dims.size !== 1 || groups.some((g) => Object.keys(g).length !== 1)) return true;
  const [dim] = dims;
  const admitted = term.selection.filter?.[dim] ?? profileCodes(term.profile, dim) ?? [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const code of g[dim]) {
      if (seen.has(code)) return false; // overlapping groups: their sum exceeds the total
      seen.add(code);
    }
  }
  return admitted.every((code) => seen.has(code));
}

function agesPartition(groups: readonly AgeRange[], term: SideTerm): boolean {
  const sorted = [...groups].sort((a, b) => a.from - b.from);
  let next = term.selection.age?.from ?? 0;
  for (const g of sorted) {
    if (g.from !== next) return false;
    if (g.to === null) return (term.selection.age?.to ?? null) === null;
    next = g.to + 1;
  }
  const end = term.selection.age?.to ?? null;
  return end !== null && next === end + 1;
}

/** A side splits additively when every term does: Σ sign·term over the groups = Σ sign·(term total). */
const sidePartitions = <T>(side: Side, groups: (k: number) => T, test: (groups: T, term: SideTerm) => boolean) =>
  side.terms.every((term, k) => test(groups(k), term));

/** Compiles one validated indicator. Throws for references the catalogue validation would have reported. */
export function planIndicator(
  catalogue: Catalogue,
  indicator: Indicator,
  profiles: ReadonlyMap<string, ProfileShape>,
): IndicatorPlan {
  const term = (side: Side["name"], name: string, sign: 1 | -1, selection: Selection): SideTerm => {
    const profile = profiles.get(selection.profile);
    if (!profile)
      throw new Error(`Indikator „${indicator.id}“: Profil „${selection.profile}“ fehlt (Katalog nicht geprüft?).`);
    return { side, name, sign, selection, profile };
  };
  const composite = Array.isArray(indicator.numerator);
  const numerator: Side = {
    name: "Zähler",
    terms: numeratorTerms(indicator).map((t, k) =>
      term("Zähler", composite ? `Zähler (Term ${k + 1})` : "Zähler", t.sign, t.selection),
    ),
  };
  const denominator: Side = { name: "Nenner", terms: [term("Nenner", "Nenner", 1, indicator.denominator)] };
  const filters = (side: Side, extra: (k: number) => DimensionFilter | null, age: AgeRange | null) =>
    side.terms.map((t, k) => cellFilter(t.selection, extra(k), age));
  const columns: Column[] = [];
  const partitions: string[] = [];

  for (const breakdown of indicatorBreakdowns(catalogue, indicator)) {
    if (breakdown.id === TOTAL.id) {
      columns.push({
        breakdown: TOTAL.id,
        group: TOTAL.id,
        groupLabel: breakdown.groups[0].label,
        numerator: filters(numerator, () => null, null),
        denominator: filters(denominator, () => null, null),
      });
      continue;
    }
    if (breakdown.id === AGE_BREAKDOWN) {
      const ranges = indicator.ageGroups ?? [];
      ranges.forEach((range, k) => {
        columns.push({
          breakdown: breakdown.id,
          group: breakdown.groups[k].id,
          groupLabel: breakdown.groups[k].label,
          numerator: filters(numerator, () => null, range),
          denominator: filters(denominator, () => null, range),
        });
      });
      const additive = (side: Side) => sidePartitions(side, () => ranges, agesPartition);
      if (additive(numerator) || additive(denominator)) partitions.push(breakdown.id);
      continue;
    }
    const dimension = catalogue.dimensionBreakdowns[breakdown.id];
    // Per side and term: the filter of each group (a grouping maps a group to each term's own profile codes).
    const numFilters: DimensionFilter[][] = numerator.terms.map(() => []);
    const denFilters: DimensionFilter[][] = denominator.terms.map(() => []);
    for (const group of breakdown.groups) {
      let numExtra: DimensionFilter[];
      let denExtra: DimensionFilter[] | null;
      if (dimension) {
        const codes = { [dimension.dimension]: dimension.groups.find((g) => g.id === group.id)?.codes ?? [] };
        numExtra = numerator.terms.map(() => codes);
        denExtra = dimension.appliesTo === "both" ? denominator.terms.map(() => codes) : null;
      } else {
        const of = (t: SideTerm) => {
          const f = t.profile.groupings?.[breakdown.id]?.[group.id];
          if (!f)
            throw new Error(
              `Indikator „${indicator.id}“: Profil „${t.profile.id}“ kennt Gruppe „${group.id}“ von „${breakdown.id}“ nicht.`,
            );
          return f;
        };
        numExtra = numerator.terms.map(of);
        denExtra = denominator.terms.map(of);
      }
      numExtra.forEach((f, k) => {
        numFilters[k].push(f);
      });
      denExtra?.forEach((f, k) => {
        denFilters[k].push(f);
      });
      columns.push({
        breakdown: breakdown.id,
        group: group.id,
        groupLabel: group.label,
        numerator: filters(numerator, (k) => numExtra[k], null),
        denominator: filters(denominator, (k) => denExtra?.[k] ?? null, null),
      });
    }
    const additive =
      sidePartitions(numerator, (k) => numFilters[k], groupsPartition) ||
      (denFilters[0].length > 0 && sidePartitions(denominator, (k) => denFilters[k], groupsPartition));
    if (additive) partitions.push(breakdown.id);
  }

  const sides = [...numerator.terms, ...denominator.terms];
  return {
    indicator,
    cityOnly: sides.some((t) => t.profile.area === "stadt"),
    factor: indicator.unit === "%" ? 100 : 1000,
    numerator,
    denominator,
    columns,
    partitions,
  };
}

export function planCatalogue(catalogue: Catalogue, profiles: readonly ProfileShape[]): IndicatorPlan[] {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return catalogue.indicators.map((ind) => planIndicator(catalogue, ind, byId));
}
