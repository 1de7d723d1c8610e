// Response types of the HTTP API (docs/architecture.md §3), matching server/src/schemas/*.ts.
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
  header: string;
  kind: "stichtag" | "stadtteil" | "code" | "age" | "count";
  dimension: string | null;
  codes: string[] | null;
  measure: string | null;
  label: string | null;
}

export interface Profile {
  id: string;
  title: string;
  office: string;
  description: string;
  area: "stadtteil" | "stadt";
  period: "bestand" | "jahr";
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
  importedBy: string;
  /** Id of the extract that replaced this one; null while it is current. */
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

/** 201: the file is stored (and replaced `replaced`, if set). */
export interface ImportedResponse {
  message: string;
  extract: ImportRecord;
  replaced: ImportRecord | null;
}

/** 200: the same file was imported before; nothing changed. */
export interface UnchangedResponse {
  unchanged: true;
  message: string;
  extract: ImportRecord;
}

export type ImportSummary = ImportedResponse | UnchangedResponse;

/** 409: the year is present and `replace` was not set. */
export interface ConflictBody {
  error: string;
  details: { existing: ImportRecord };
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

/** Whether the gap between the comparison groups closed or widened against the previous year. */
export type GapTrend = "widened" | "narrowed" | "unchanged" | null;

export interface GapRow {
  year: number;
  groups: Record<string, number | null>;
  /** First − second group, in points of the unit. */
  gap: number | null;
  ratio: number | null;
  previousYear: number | null;
  gapChangeVsPrevious: number | null;
  gapChangeVsFirst: number | null;
  trend: GapTrend;
  trendVsFirst: GapTrend;
}

export interface GapsResponse {
  comparison: { id: string; groups: GroupRef[] } | null;
  rows: GapRow[];
}

export interface SeriesPoint {
  year: number;
  value: number | null;
  status: ValueStatus;
  confidential?: boolean;
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
    year: number;
    groups: { id: string; label: string; value: number | null }[];
    gap: number | null;
    trend: GapTrend;
  };
}

export interface OverviewResponse {
  /** Latest year with data over all cards; null before the first import. */
  year: number | null;
  cards: OverviewCard[];
}

export interface SegregationComparison {
  id: string;
  label: string;
  kind: "two-group" | "multigroup";
  focal: string | null;
  groups: GroupRef[];
  /** The reference population in words. */
  reference: string;
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
  kind: "two-group" | "multigroup";
  reference: string;
  groups: GroupRef[];
  focal: string | null;
  P: number | null;
  atkinsonB: number;
  measures: Measures;
  multigroup: Measures | null;
  units: unknown[];
  undefinedReasons: Record<string, string>;
  coverage: number | null;
  problems: { stadtteil: string; name: string; message: string }[];
}

export interface SegregationResponse {
  results: SegregationResult[];
}

export interface SegregationSeriesResponse {
  comparison: string;
  series: { year: number; area: AreaId; measures: Measures; multigroup: Measures | null; coverage: number | null }[];
}

export interface SozialIndexUnit {
  stadtteil: number;
  name: string;
  bezirk: string;
  population: number | null;
  values: Record<string, number | null>;
  z: Record<string, number | null>;
  statusIndex: number | null;
  statusClass: string | null;
  dynamicsIndex: number | null;
  dynamicsClass: string | null;
  combinedClass: string | null;
  notes: string[];
  /** Only on answers to an analyst: ids of values that must not be published. */
  confidential?: string[];
}

export interface SozialIndexResponse {
  year: number;
  previousYear: number | null;
  config: { id: string; name: string; minPopulation: number | null; status: GroupRef[]; dynamics: GroupRef[] };
  units: SozialIndexUnit[];
  excluded: { stadtteil: number; name: string; reason: string }[];
  problems: string[];
}

export interface ApiErrorBody {
  error: string;
  details?: unknown;
}
