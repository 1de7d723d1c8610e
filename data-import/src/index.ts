/**
 * data-import: bytes → validated observations. Every office extract is read against its profile
 * (`profiles/`), problems are reported all at once in German, with line, column and value.
 */
export { decodeDims, encodeDims, parseAgeBand, type AgeBand } from "./dims.ts";
export { type District, muensterDistricts, parseDistrictList } from "./districts.ts";
export type { Problem } from "./problems.ts";
export { findProfile, profiles, profileSchema } from "./profiles/index.ts";
export type { DimensionFilter, ExtractProfile, ProfileColumn, ProfileRule } from "./profiles/index.ts";
export { type ExtractSummary, type Observation, readExtract } from "./read-extract.ts";
export type { Encoding } from "./text.ts";
