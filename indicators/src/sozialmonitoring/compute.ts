import type { ProfileShape } from "../catalogue/profile-shape.ts";
import { type DisclosureRule, defaultDisclosureRule } from "../disclosure/disclosure.ts";
import type { District, Observation } from "../engine/types.ts";
import { catalogueIndexConfigs } from "../sozialindex/configs.ts";
import type { SozialindexConfig } from "../sozialindex/types.ts";
import { groupSelection, POPULATION, sozialmonitoringComparisons } from "./comparisons.ts";
import type { SegregationSecrecy } from "./disclosure.ts";
import { computeIndexResults, type IndexResult, type IndicatorValueInput } from "./index-results.ts";
import { type CountSelection, sumSelections } from "./observation-sums.ts";
import { type ComparisonPlan, comparisonSegregation, type SegregationResult } from "./segregation.ts";

export interface SozialmonitoringInput {
  /** The extract profiles; the comparisons take their groups from the profiles' groupings. */
  profiles: readonly ProfileShape[];
  observations: Iterable<Observation>;
  /** The precomputed indicator values the index reads (Stadtteil rows of the total breakdown). */
  indicatorValues: readonly IndicatorValueInput[];
  districts: readonly District[];
}

export interface SozialmonitoringOutput {
  segregation: SegregationResult[];
  index: IndexResult[];
}

export interface SozialmonitoringOptions {
  /** Index configurations (status ids are catalogue ids); default `catalogueIndexConfigs`. */
  configs?: readonly SozialindexConfig[];
  /** Catalogue indicator id → title, for the index columns. */
  titles?: Readonly<Record<string, string>>;
  /** Geheimhaltung of local values and index numbers; default the rule of the indicator tables. */
  rule?: DisclosureRule;
  /**
   * Geheimhaltung of the segregation values decided with the indicator tables (`segregationPublications`);
   * without it each comparison decides on its own (`localDisclosure`).
   */
  segregationSecrecy?: SegregationSecrecy;
  /** Compute the segregation for these years only (the others are known); default every year. */
  segregationYears?: ReadonlySet<number>;
}

/**
 * Segregation for every comparison, year and area (the city and each Stadtbezirk, Stadtteile as units), and
 * the status/dynamics index per configuration and year from the precomputed Stadtteil values of its
 * indicators. Both carry what the public must not see (`suppressed`); the values themselves are stored in full.
 *
 * @example
 * const { segregation, index } = computeSozialmonitoring({ profiles, observations, indicatorValues, districts });
 * segregation.find((r) => r.comparison === "mv_ohne_mv" && r.area === "stadt")?.measures.dissimilarity;
 */
export function computeSozialmonitoring(
  input: SozialmonitoringInput,
  options: SozialmonitoringOptions = {},
): SozialmonitoringOutput {
  const { districts } = input;
  const rule = options.rule ?? defaultDisclosureRule;
  const selections: CountSelection[] = [POPULATION];
  const selectionIndex = (s: CountSelection) => {
    const key = JSON.stringify(s);
    const found = selections.findIndex((t) => JSON.stringify(t) === key);
    return found >= 0 ? found : selections.push(s) - 1;
  };
  const plans: ComparisonPlan[] = sozialmonitoringComparisons(input.profiles).map((config) => ({
    config,
    groups: config.groups.map((g) => ({ rest: !("select" in g), at: selectionIndex(groupSelection(g)) })),
  }));
  const sums = sumSelections(input.observations, selections);
  const only = options.segregationYears;
  const segregationSums = only ? new Map([...sums].filter(([year]) => only.has(year))) : sums;
  const segregation = plans.flatMap((plan) =>
    comparisonSegregation(plan, segregationSums, districts, rule, options.segregationSecrecy),
  );

  const population = (year: number, district: number) => {
    const s = sums.get(year)?.get(district);
    return s?.delivered.has("einwohner") ? s.sums[0] : null;
  };
  const configs = options.configs ?? catalogueIndexConfigs;
  const index = configs.flatMap((config) =>
    computeIndexResults(input.indicatorValues, districts, population, config, options.titles ?? {}, rule),
  );
  return { segregation, index };
}
