/** One index indicator: a value column per unit. */
export interface IndicatorSpec {
  id: string;
  label: string;
  /** +1 (default): a high value means disadvantage. −1: a high value means advantage; its z-value is sign-flipped before aggregation. */
  polarity?: 1 | -1;
  /**
   * Dynamics only: when `values[id]` is missing the change is derived as
   * `values[changeOf] − values[changeOf + EARLIER_SUFFIX]` (both in percent → percentage points).
   */
  changeOf?: string;
}

/** The configurable status/dynamics index: indicators, weights, standardisation and class cut-offs. */
export interface SozialindexConfig {
  id: string;
  name: string;
  status: IndicatorSpec[];
  /** Empty: no dynamics index. */
  dynamics: IndicatorSpec[];
  /** Years between the two reference dates of a change (documentation; the values carry the change). */
  lagYears: number;
  /** The values are already z-values (e.g. published ones): no standardisation of the indicators. */
  inputsAreZ: boolean;
  /** SD divisor for every standardisation; Berlin MSS: "n". Mean is always unweighted. */
  sdDivisor: "n" | "n-1";
  aggregate: "sum" | "mean";
  /** z-standardise the aggregate again before classifying (Berlin: true). */
  restandardise: boolean;
  /** Units with fewer inhabitants are excluded; null: no filter. Units without a population figure are kept. */
  minPopulation: number | null;
  /** Units excluded by decision of the publisher (outliers, special areas). */
  excludeUnits: string[];
  /** Ascending cut-offs: index < c0 → class 1; c0 ≤ index ≤ c1 → 2; then (c_{j−1}, c_j] → j + 1; above the last → last class. */
  cuts: { status: readonly [number, number, number]; dynamics: readonly [number, number] };
  labels: { status: readonly [string, string, string, string]; dynamics: readonly [string, string, string] };
}

export interface SozialindexUnit {
  unit: string;
  population?: number | null;
  /** Indicator values by id; null, undefined or NaN mean "missing". */
  values: Record<string, number | null | undefined>;
}

export interface IndexScore {
  /** z-value per indicator (before polarity); with `inputsAreZ` the input values. */
  z: Record<string, number>;
  /** Sum or mean (config.aggregate) of the polarity-oriented z-values ("Statussumme"/"Dynamiksumme"). */
  aggregate: number;
  /** The standardised aggregate (or the aggregate itself without re-standardisation); high = disadvantaged. */
  index: number;
  /** Label, e.g. "mittel" or "negativ". */
  class: string;
  /** Berlin code: status "1"–"4", dynamics "+", "+/-", "-". */
  code: string;
}

export interface SozialindexUnitResult {
  unit: string;
  population: number | null;
  status: IndexScore | null;
  dynamics: IndexScore | null;
  /** Overlay of status and dynamics code, e.g. "2 +" (Berlin "Gesamtindex"); null if either is missing. */
  combinedClass: string | null;
  /** Why the unit is not (fully) part of the index, in German; empty if included everywhere. */
  exclusions: string[];
}

export interface SozialindexResult {
  config: string;
  units: SozialindexUnitResult[];
  /** Number of units that entered the status and the dynamics standardisation. */
  included: { status: number; dynamics: number };
  /** Problems that prevent an index for every unit (e.g. an indicator without variation), in German. */
  problems: string[];
}
