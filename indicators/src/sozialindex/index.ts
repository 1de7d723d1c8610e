export { computeSozialindex, EARLIER_SUFFIX } from "./compute.ts";
export { berlinMss, berlinMssCatalogue, catalogueIndexConfigs, muenster, sozialindexConfigs } from "./configs.ts";
export type {
  IndexScore,
  IndicatorSpec,
  SozialindexConfig,
  SozialindexResult,
  SozialindexUnit,
  SozialindexUnitResult,
} from "./types.ts";
