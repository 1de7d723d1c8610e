export { type ComputeInput, computeIndicators } from "./compute.ts";
export { decodeDims, parseAgeCode } from "./dims.ts";
export { computeGaps, GAP_TOLERANCE, type GapRow, type GapTrend, gapTrendLabels } from "./gaps.ts";
export type { District, IndicatorRow, Observation, ValueStatus } from "./types.ts";
