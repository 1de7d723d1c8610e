import type { AgeRange } from "../catalogue/schema.ts";
import { bandPosition, decodeDims, parseAgeCode } from "../engine/dims.ts";
import { getOrCreate } from "../engine/maps.ts";
import type { DimensionFilter } from "../engine/plan.ts";
import type { Observation } from "../engine/types.ts";

/** A sum of one measure over the lines of one profile that match a dimension filter and an age range. */
export interface CountSelection {
  profile: string;
  measure: string;
  where?: DimensionFilter;
  ages?: AgeRange;
}

/** Per Stadtteil and year: the sum of every selection, and what keeps a sum from being usable. */
export interface DistrictSums {
  sums: Float64Array;
  /** A matching line was withheld (`.`/`x`): the sum is a lower bound only. */
  withheld: Uint8Array;
  /** A delivered age band crosses the selection's age range (code of the first such band). */
  split: (string | null)[];
  /** Profiles with at least one line for this Stadtteil and year. */
  delivered: Set<string>;
}

/** year → Stadtteil number → sums. */
export type SumsByYear = Map<number, Map<number, DistrictSums>>;

type Match = { selection: number; split: string | null };

/**
 * Sums all selections over the observations in one pass. Decoding dims is cached per distinct dims string,
 * because a city delivers a few thousand distinct combinations but up to millions of lines.
 *
 * @example
 * const sums = sumSelections(observations, [{ profile: "einwohner", measure: "einwohner", ages: { from: 0, to: 17 } }]);
 * sums.get(2024)?.get(11)?.sums[0]; // minors in Stadtteil 11
 */
export function sumSelections(observations: Iterable<Observation>, selections: readonly CountSelection[]): SumsByYear {
  // profile → measure → dims → matching selections; lines of other profiles and measures are skipped early.
  const cache = new Map<string, Map<string, Map<string, Match[]>>>();
  for (const s of selections) {
    getOrCreate(cache, s.profile, () => new Map()).set(s.measure, new Map());
  }
  const result: SumsByYear = new Map();
  for (const o of observations) {
    if (o.district === null) continue;
    const byMeasure = cache.get(o.profile);
    if (!byMeasure) continue;
    const byDims = byMeasure.get(o.measure);
    const matches = byDims ? (byDims.get(o.dims) ?? remember(byDims, o, selections)) : [];

    const sums = getOrCreate(
      getOrCreate(result, o.year, () => new Map()),
      o.district,
      () => ({
        sums: new Float64Array(selections.length),
        withheld: new Uint8Array(selections.length),
        split: selections.map(() => null),
        delivered: new Set<string>(),
      }),
    );
    sums.delivered.add(o.profile);
    for (const m of matches) {
      if (m.split !== null) sums.split[m.selection] ??= m.split;
      else if (o.value === null) sums.withheld[m.selection] = 1;
      else sums.sums[m.selection] += o.value;
    }
  }
  return result;
}

function remember(byDims: Map<string, Match[]>, o: Observation, selections: readonly CountSelection[]): Match[] {
  const matches = matchSelections(o, selections);
  byDims.set(o.dims, matches);
  return matches;
}

function matchSelections(o: Observation, selections: readonly CountSelection[]): Match[] {
  const dims = decodeDims(o.dims);
  const matches: Match[] = [];
  for (const [selection, s] of selections.entries()) {
    if (s.profile !== o.profile || s.measure !== o.measure) continue;
    if (!Object.entries(s.where ?? {}).every(([name, codes]) => codes.includes(dims[name]))) continue;
    if (!s.ages) {
      matches.push({ selection, split: null });
      continue;
    }
    const band = dims.alter === undefined ? null : parseAgeCode(dims.alter);
    if (!band) {
      matches.push({ selection, split: dims.alter ?? "ohne Altersangabe" });
      continue;
    }
    const position = bandPosition(band, s.ages);
    if (position !== "outside") matches.push({ selection, split: position === "inside" ? null : dims.alter });
  }
  return matches;
}
