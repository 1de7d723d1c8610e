export { dissimilarityPair } from "./pairwise.ts";
export { segregationProfile } from "./profile.ts";
export type {
  CountTable,
  MultigroupMeasures,
  SegregationOptions,
  SegregationProfile,
  TwoGroupMeasures,
  UnitProfile,
} from "./types.ts";
export { CountTableError, validateCountTable } from "./validate.ts";
