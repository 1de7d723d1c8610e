// Turns a catalogue entry into what the engine evaluates: two sides (numerator, denominator) and one column
// per breakdown group, each with the dimension conditions and age range it adds on each side.

import { indicatorBreakdowns } from "../catalogue/describe.ts";
import { type ProfileShape, profileCodes } from "../catalogue/profile-shape.ts";
import { AGE_BREAKDOWN, type AgeRange, type Catalogue, type Indicator, type Selection } from "../catalogue/schema.ts";

export type DimensionFilter = Readonly<Record<string, readonly string[]>>;

/** The lines one cell of one side counts: every condition holds and the age band lies in `age`. */
export interface CellFilter {
  conditions: readonly { dim: string; codes: ReadonlySet<string> }[];
  age: AgeRange | null;
}

export interface Column {
  breakdown: string;
  group: string;
  groupLabel: string;
  numerator: CellFilter;
  denominator: CellFilter;
}

export interface Side {
  name: "Zähler" | "Nenner";
  selection: Selection;
  profile: ProfileShape;
}

export interface IndicatorPlan {
  indicator: Indicator;
  /** True when either side comes from a city-level profile: only `stadt` rows. */
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
function groupsPartition(groups: readonly DimensionFilter[], side: Side): boolean {
  const dims = new Set(groups.flatMap((g) => Object.keys(g)));
  if (dims.size !== 1 || groups.some((g) => Object.keys(g).length !== 1)) return true;
  const [dim] = dims;
  const admitted = side.selection.filter?.[dim] ?? profileCodes(side.profile, dim) ?? [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const code of g[dim]) {
      if (seen.has(code)) return false; // overlapping groups: their sum exceeds the total
      seen.add(code);
    }
  }
  return admitted.every((code) => seen.has(code));
}

function agesPartition(groups: readonly AgeRange[], side: Side): boolean {
  const sorted = [...groups].sort((a, b) => a.from - b.from);
  let next = side.selection.age?.from ?? 0;
  for (const g of sorted) {
    if (g.from !== next) return false;
    if (g.to === null) return (side.selection.age?.to ?? null) === null;
    next = g.to + 1;
  }
  const end = side.selection.age?.to ?? null;
  return end !== null && next === end + 1;
}

/** Compiles one validated indicator. Throws for references the catalogue validation would have reported. */
export function planIndicator(
  catalogue: Catalogue,
  indicator: Indicator,
  profiles: ReadonlyMap<string, ProfileShape>,
): IndicatorPlan {
  const side = (name: Side["name"], selection: Selection): Side => {
    const profile = profiles.get(selection.profile);
    if (!profile)
      throw new Error(`Indikator „${indicator.id}“: Profil „${selection.profile}“ fehlt (Katalog nicht geprüft?).`);
    return { name, selection, profile };
  };
  const numerator = side("Zähler", indicator.numerator);
  const denominator = side("Nenner", indicator.denominator);
  const columns: Column[] = [];
  const partitions: string[] = [];

  for (const breakdown of indicatorBreakdowns(catalogue, indicator)) {
    if (breakdown.id === "gesamt") {
      columns.push({
        breakdown: "gesamt",
        group: "gesamt",
        groupLabel: breakdown.groups[0].label,
        numerator: cellFilter(numerator.selection, null, null),
        denominator: cellFilter(denominator.selection, null, null),
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
          numerator: cellFilter(numerator.selection, null, range),
          denominator: cellFilter(denominator.selection, null, range),
        });
      });
      if (agesPartition(ranges, numerator) || agesPartition(ranges, denominator)) partitions.push(breakdown.id);
      continue;
    }
    const dimension = catalogue.dimensionBreakdowns[breakdown.id];
    const numFilters: DimensionFilter[] = [];
    const denFilters: DimensionFilter[] = [];
    for (const group of breakdown.groups) {
      let numExtra: DimensionFilter;
      let denExtra: DimensionFilter | null;
      if (dimension) {
        numExtra = { [dimension.dimension]: dimension.groups.find((g) => g.id === group.id)?.codes ?? [] };
        denExtra = dimension.appliesTo === "both" ? numExtra : null;
      } else {
        const of = (s: Side) => {
          const f = s.profile.groupings?.[breakdown.id]?.[group.id];
          if (!f)
            throw new Error(
              `Indikator „${indicator.id}“: Profil „${s.profile.id}“ kennt Gruppe „${group.id}“ von „${breakdown.id}“ nicht.`,
            );
          return f;
        };
        numExtra = of(numerator);
        denExtra = of(denominator);
      }
      numFilters.push(numExtra);
      if (denExtra) denFilters.push(denExtra);
      columns.push({
        breakdown: breakdown.id,
        group: group.id,
        groupLabel: group.label,
        numerator: cellFilter(numerator.selection, numExtra, null),
        denominator: cellFilter(denominator.selection, denExtra, null),
      });
    }
    const additive =
      groupsPartition(numFilters, numerator) || (denFilters.length > 0 && groupsPartition(denFilters, denominator));
    if (additive) partitions.push(breakdown.id);
  }

  return {
    indicator,
    cityOnly: numerator.profile.area === "stadt" || denominator.profile.area === "stadt",
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
