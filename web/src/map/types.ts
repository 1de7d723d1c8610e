import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

/** One Stadtteil's value as the map shows it. */
export interface StadtteilValue {
  /** Stadtteil number, e.g. 61. */
  stadtteil: number;
  name: string;
  bezirk: string;
  /** The number that is classified and coloured; null for missing or suppressed values. */
  value: number | null;
  /** Formatted German text for the shape's name and the tile, e.g. "22,4 %" or "." (geheim). */
  display: string;
  /** Class label for the categorical mode, e.g. "sehr niedrig" (Sozialmonitoring status). */
  category?: string | null;
}

export type MapKind = "cartogram" | "boundaries";

/** How class boundaries are computed: quantiles (equal counts) or equal intervals (equal widths). */
export type ClassMethod = "quantile" | "equal";

export interface SequentialScale {
  type: "sequential";
  /** Default "quantile". */
  method?: ClassMethod;
  /** Number of classes, 2–7; default 5. */
  classes?: number;
  /** Explicit ascending class boundaries (classes + 1 numbers); replaces `method`/`classes`. */
  breaks?: readonly number[];
  /** Unit after legend numbers, e.g. "%" → "22,4 %". */
  unit?: string;
  /** Decimals in the legend; default derived from the value range. */
  fractionDigits?: number;
  /** Legend heading, e.g. "Anteil in %". */
  label?: string;
}

export interface CategoryStyle {
  /** Category key as it appears in `StadtteilValue.category` (compared case-insensitively). */
  key: string;
  /** Legend text; default the key. */
  label?: string;
  colour: string;
}

export interface CategoricalScale {
  type: "categorical";
  /**
   * "status" (hoch / mittel / niedrig / sehr niedrig), "dynamics" (positiv / stabil / negativ) or an explicit list.
   * Default: "status" or "dynamics" when every category fits it, otherwise the categories in order of appearance
   * with the Okabe–Ito palette.
   */
  palette?: "status" | "dynamics" | readonly CategoryStyle[];
  label?: string;
}

export type MapScale = SequentialScale | CategoricalScale;

/** One tile of a tile-grid cartogram: column and row count from the top left (row 0 = north). */
export interface CartogramTile {
  stadtteil: number;
  col: number;
  row: number;
  /** Short label on the tile (≤ 8 characters), e.g. "Kiha-O". */
  label: string;
  name: string;
  bezirk: string;
}

/** A Stadtbezirk's name in an empty cell: centred in it, or starting at its left edge ("start"). */
export interface BezirkLabel {
  bezirk: string;
  col: number;
  row: number;
  anchor?: "middle" | "start";
}

/** A tile-grid cartogram layout. Any city can supply its own; see `MUENSTER_LAYOUT` and `gridLayout`. */
export interface CartogramLayout {
  id: string;
  tiles: readonly CartogramTile[];
  /** Where a Stadtbezirk's name is written: an empty cell next to its tiles. */
  bezirkLabels?: readonly BezirkLabel[];
}

export interface StadtteilProperties {
  /** Two-digit Stadtteil number as a string ("61"); a number is accepted too. */
  code: string | number;
  name?: string;
  bezirk?: string;
  [key: string]: unknown;
}

export type StadtteilFeature = Feature<Polygon | MultiPolygon, StadtteilProperties>;

/**
 * What `GET /api/geo/stadtteile` returns: WGS84 lon/lat (RFC 7946) plus the licence notice.
 * Written out here rather than inferred from the server's `featureCollectionSchema`: that schema is deliberately
 * loose (it passes any configured GeoJSON through: `properties` is `z.record(z.string(), z.unknown())`, geometry
 * only has a `type`), while drawing needs polygon coordinates and the Stadtteil `code`.
 */
export type StadtteilFeatureCollection = FeatureCollection<Polygon | MultiPolygon, StadtteilProperties> & {
  attribution?: string;
  name?: string;
};
