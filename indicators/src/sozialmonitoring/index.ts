export { comparisonIn } from "./comparison-texts.ts";
export { type ComparisonConfig, type GroupSpec, sozialmonitoringComparisons } from "./comparisons.ts";
export {
  computeSozialmonitoring,
  type SozialmonitoringInput,
  type SozialmonitoringOptions,
  type SozialmonitoringOutput,
} from "./compute.ts";
export {
  SEGREGATION_READS,
  type SegregationSecrecy,
  segregationPublications,
  segregationReads,
} from "./disclosure.ts";
export type { IndexResult, IndexUnit, IndicatorValueInput } from "./index-results.ts";
export { type CountSelection, type DistrictSums, type SumsByYear, sumSelections } from "./observation-sums.ts";
export type { SegregationResult, UnitProblem } from "./segregation.ts";
