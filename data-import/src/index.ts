/**
 * data-import: bytes → validated observations. Every office extract is read against its profile
 * (`profiles/`), problems are reported all at once in German, with line, column and value.
 */
export { type AgeBand, encodeDims, parseAgeBand } from "./dims.ts";
export { type District, muensterDistricts, parseDistrictList } from "./districts.ts";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits.ts";
export type { BatchHandler, ColumnsHandler, Observation, ObservationColumns } from "./line-checker.ts";
export type { Problem } from "./problems.ts";
export type { DimensionFilter, ExtractProfile, ProfileColumn, ProfileRule } from "./profiles/index.ts";
export { findProfile, profileSchema, profiles } from "./profiles/index.ts";
export { type ExtractSummary, fileChunks, type ReadOptions, readExtract, readExtractColumns } from "./read-extract.ts";
export { readExtractInWorker } from "./read-in-worker.ts";
export type { Encoding } from "./text.ts";
