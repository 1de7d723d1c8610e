// Response types of the HTTP API, as described in docs/architecture.md §3.
// Names follow the contract so they can later be replaced by `z.infer` of the server's zod schemas.

export type Unit = "%" | "‰";

/** `stadt`, a Stadtteil number as string (`"61"`) or `bezirk:<name>`. */
export type AreaId = string;

export type ValueStatus = "ok" | "suppressed" | "missing" | "withheld" | "denominator_zero" | "band_split";

export interface District {
  number: number;
  name: string;
  bezirk: string;
}

export interface DistrictsResponse {
  districts: District[];
  bezirke: string[];
}

export interface ProfileColumn {
  name: string;
  kind?: string;
  [key: string]: unknown;
}

export interface Profile {
  id: string;
  title: string;
  office: string;
  area: string;
  columns: ProfileColumn[];
}

export interface ProfilesResponse {
  profiles: Profile[];
}

export interface ImportRecord {
  id: number;
  profile: string;
  office: string;
  year: number;
  stichtag: string;
  fileName: string;
  sha256: string;
  lineCount: number;
  observationCount: number;
  importedAt: string;
  importedBy: string | null;
  replacedBy: number | null;
}

export interface ImportsResponse {
  imports: ImportRecord[];
}

export interface ImportProblem {
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** Body of a 422 answer to `POST /api/imports`. */
export interface ImportProblemsBody {
  error: string;
  problems: ImportProblem[];
}

/** 201 answer of `POST /api/imports`; the contract only says "summary", so the fields are optional. */
export interface ImportSummary {
  id?: number;
  profile?: string;
  year?: number;
  fileName?: string;
  lineCount?: number;
  observationCount?: number;
  replaced?: number | null;
  unchanged?: boolean;
  [key: string]: unknown;
}

export interface GroupRef {
  id: string;
  label: string;
}

export interface IndicatorMeta {
  id: string;
  title: string;
  shortTitle: string;
  field: string;
  unit: Unit;
  definition: string;
  numeratorLabel: string;
  denominatorLabel: string;
  source: string;
  migrationDefinition: string;
  comparison: null | { id: string; groups: GroupRef[] };
  breakdowns: string[];
  notes: string[];
  seriesBreaks: { year: number; note: string }[];
}

export interface CatalogueResponse {
  version: string;
  fields: { id: string; title: string }[];
  indicators: IndicatorMeta[];
}

export interface Breakdown {
  id: string;
  label: string;
  groups: GroupRef[];
}

export interface IndicatorDetailResponse {
  indicator: IndicatorMeta;
  years: number[];
  areas: AreaId[];
  breakdowns: Breakdown[];
}

export interface ValueRow {
  year: number;
  area: AreaId;
  areaName: string;
  breakdown: string;
  group: string;
  groupLabel: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: ValueStatus;
  statusDetail: string | null;
  confidential?: boolean;
}

export interface ValuesResponse {
  rows: ValueRow[];
  footnotes: string[];
}

/** Whether the gap between the comparison groups closed or widened; the server's exact wording may vary. */
export type GapTrend = string | null;

export interface GapRow {
  year: number;
  groups: Record<string, number | null>;
  gap: number | null;
  ratio: number | null;
  gapChangeVsPrevious: number | null;
  gapChangeVsFirst: number | null;
  trend: GapTrend;
}

export interface GapsResponse {
  rows: GapRow[];
}

export interface SeriesPoint {
  year: number;
  value: number | null;
  status: ValueStatus;
}

export interface OverviewCard {
  id: string;
  title: string;
  shortTitle: string;
  field: string;
  unit: Unit;
  latest: SeriesPoint | null;
  series: SeriesPoint[];
  comparison: null | {
    groups: { id: string; label: string; value: number | null }[];
    gap: number | null;
    trend: GapTrend;
  };
}

export interface OverviewResponse {
  year: number;
  cards: OverviewCard[];
}

export interface SegregationComparison {
  id: string;
  label: string;
  kind: "two-group" | "multigroup";
}

export interface ComparisonsResponse {
  comparisons: SegregationComparison[];
}

/** Segregation measures on [0, 1] (keys as in the segregation spec: D, Gini, H, xPx, xPy, Eta2 …), `null` = undefined. */
export type Measures = Record<string, number | null>;

export interface SegregationResult {
  comparison: string;
  year: number;
  area: AreaId;
  measures: Measures;
  multigroup: Record<string, unknown> | null;
  units: unknown[];
  undefinedReasons: unknown;
}

export interface SegregationResponse {
  results: SegregationResult[];
}

export interface SegregationSeriesResponse {
  comparison: string;
  series: { year: number; area: AreaId; measures: Measures }[];
}

export interface SozialIndexUnit {
  stadtteil: number;
  name: string;
  bezirk: string;
  population: number | null;
  values: Record<string, number | null>;
  z: Record<string, number | null>;
  statusIndex: number | null;
  statusClass: string | number | null;
  dynamicsIndex: number | null;
  dynamicsClass: string | number | null;
  combinedClass: string | number | null;
}

export interface SozialIndexResponse {
  year: number;
  previousYear: number | null;
  config: Record<string, unknown>;
  units: SozialIndexUnit[];
  excluded: { stadtteil: number; name: string; reason: string }[];
}

export interface ApiErrorBody {
  error: string;
  details?: unknown;
}
