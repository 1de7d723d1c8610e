export { classBreaks, classLabels, classOf, defaultFractionDigits, quantileSorted } from "./classify.ts";
export { type Colouring, type LegendEntry, mapColouring } from "./colouring.ts";
export {
  categoryStyles,
  DYNAMICS_CATEGORIES,
  MISSING_FILL,
  missingLabel,
  normaliseCategory,
  STATUS_CATEGORIES,
  sequentialPalette,
  textColourOn,
} from "./colours.ts";
export { bezirkBorderLines, featureStadtteil, projectStadtteile, rewindForD3 } from "./geo.ts";
export { LocatorMap } from "./LocatorMap.tsx";
export {
  bezirkComponents,
  type DistrictRef,
  gridLayout,
  MUENSTER_LAYOUT,
  resolveLayout,
  shortLabel,
  validateLayout,
} from "./layout.ts";
export { availableMapKinds, MapKindToggle, type MapKindToggleProps, mapKindLabel } from "./MapKindToggle.tsx";
export { StadtteilMap, type StadtteilMapProps, tileBezirkBorders } from "./StadtteilMap.tsx";
export type {
  BezirkLabel,
  CartogramLayout,
  CartogramTile,
  CategoricalScale,
  CategoryStyle,
  ClassMethod,
  MapKind,
  MapScale,
  SequentialScale,
  StadtteilFeature,
  StadtteilFeatureCollection,
  StadtteilProperties,
  StadtteilValue,
} from "./types.ts";
