// Response types of the HTTP API (docs/architecture.md §3), inferred from the server's zod schemas: the schemas in
// server/src/schemas/*.ts, exported as `@im/server/schemas/*`, are the one source. Every import here is
// `import type`, so neither zod nor server code reaches the bundle (verbatimModuleSyntax erases them). Narrower
// or renamed types the UI needs are derived from the inferred ones, never restated.
//
// Not here: the GeoJSON of `GET /api/geo/stadtteile` (`StadtteilFeatureCollection` in map/types.ts); its
// schema is deliberately loose (see there).

import type { benchmarksResponseSchema } from "@im/server/schemas/benchmarks";
import type { errorSchema } from "@im/server/schemas/common";
import type { districtSchema, districtsResponseSchema } from "@im/server/schemas/districts";
import type {
  assessmentSchema,
  goalMeasureProgressSchema,
  goalProgressSchema,
  goalsResponseSchema,
} from "@im/server/schemas/goals";
import type {
  conflictSchema,
  importedSchema,
  importRecordSchema,
  importsResponseSchema,
  problemSchema,
  rejectedSchema,
  unchangedSchema,
} from "@im/server/schemas/imports";
import type {
  gapsResponseSchema,
  indicatorDetailResponseSchema,
  indicatorListResponseSchema,
  indicatorMetaSchema,
  overviewResponseSchema,
  valueRowSchema,
  valueStatusSchema,
  valuesResponseSchema,
} from "@im/server/schemas/indicators";
import type { profileColumnSchema, profileSummarySchema, profilesResponseSchema } from "@im/server/schemas/profiles";
import type {
  publishResponseSchema,
  releaseDetailSchema,
  releaseListResponseSchema,
  revisionsResponseSchema,
  sourcesResponseSchema,
} from "@im/server/schemas/releases";
import type {
  comparisonsResponseSchema,
  indexResponseSchema,
  segregationResponseSchema,
  segregationResultSchema,
  seriesResponseSchema,
} from "@im/server/schemas/sozialmonitoring";
import type { statusResponseSchema } from "@im/server/schemas/status";
import type { z } from "zod";

// ---- Errors ----

export type ApiErrorBody = z.infer<typeof errorSchema>;

// ---- Districts ----

export type District = z.infer<typeof districtSchema>;
export type DistrictsResponse = z.infer<typeof districtsResponseSchema>;

// ---- Extract profiles and imports ----

export type ProfileColumn = z.infer<typeof profileColumnSchema>;
export type Profile = z.infer<typeof profileSummarySchema>;
export type ProfilesResponse = z.infer<typeof profilesResponseSchema>;

export type ImportRecord = z.infer<typeof importRecordSchema>;
export type ImportsResponse = z.infer<typeof importsResponseSchema>;
export type ImportProblem = z.infer<typeof problemSchema>;
/** Body of a 422 answer to `POST /api/imports`. */
export type ImportProblemsBody = z.infer<typeof rejectedSchema>;
/** 201: the file is stored (and replaced `replaced`, if set). */
export type ImportedResponse = z.infer<typeof importedSchema>;
/** 200: the same file was imported before; nothing changed. */
export type UnchangedResponse = z.infer<typeof unchangedSchema>;
export type ImportSummary = ImportedResponse | UnchangedResponse;
/** 409: the year is present and `replace` was not set. */
export type ConflictBody = z.infer<typeof conflictSchema>;

// ---- Indicators ----

export type ValueStatus = z.infer<typeof valueStatusSchema>;
export type IndicatorMeta = z.infer<typeof indicatorMetaSchema>;
export type Unit = IndicatorMeta["unit"];
export type GroupRef = NonNullable<IndicatorMeta["comparison"]>["groups"][number];
export type CatalogueResponse = z.infer<typeof indicatorListResponseSchema>;
export type IndicatorDetailResponse = z.infer<typeof indicatorDetailResponseSchema>;
export type Breakdown = IndicatorDetailResponse["breakdowns"][number];

export type ValueRow = z.infer<typeof valueRowSchema>;
/** `stadt`, a Stadtteil number as string (`"61"`) or `bezirk:<name>`. */
export type AreaId = ValueRow["area"];
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;

export type GapsResponse = z.infer<typeof gapsResponseSchema>;
export type GapRow = GapsResponse["rows"][number];
/** Whether the gap between the comparison groups closed or widened against the previous year. */
export type GapTrend = GapRow["trend"];

export type OverviewResponse = z.infer<typeof overviewResponseSchema>;
export type OverviewCard = OverviewResponse["cards"][number];
export type SeriesPoint = OverviewCard["series"][number];

// ---- Sozialmonitoring ----

export type ComparisonsResponse = z.infer<typeof comparisonsResponseSchema>;
export type SegregationComparison = ComparisonsResponse["comparisons"][number];
export type SegregationResult = z.infer<typeof segregationResultSchema>;
/** Segregation measures on [0, 1] by the library's keys; `null` = undefined (reason in `undefinedReasons`). */
export type Measures = SegregationResult["measures"];
export type SegregationResponse = z.infer<typeof segregationResponseSchema>;
export type SegregationSeriesResponse = z.infer<typeof seriesResponseSchema>;
export type SozialIndexResponse = z.infer<typeof indexResponseSchema>;
export type SozialIndexUnit = SozialIndexResponse["units"][number];
export type GoalsResponse = z.infer<typeof goalsResponseSchema>;
export type GoalProgress = z.infer<typeof goalProgressSchema>;
export type GoalMeasureProgress = z.infer<typeof goalMeasureProgressSchema>;
export type GoalAssessment = z.infer<typeof assessmentSchema>;
export type StatusResponse = z.infer<typeof statusResponseSchema>;
export type BenchmarksResponse = z.infer<typeof benchmarksResponseSchema>;

// ---- Releases ----

export type ReleaseList = z.infer<typeof releaseListResponseSchema>;
export type ReleaseSummary = ReleaseList["releases"][number];
export type ReleaseDetail = z.infer<typeof releaseDetailSchema>;
export type ReleaseExtract = ReleaseDetail["extracts"][number];
export type RevisionsResponse = z.infer<typeof revisionsResponseSchema>;
export type Revision = RevisionsResponse["revisions"][number];
export type SourcesResponse = z.infer<typeof sourcesResponseSchema>;
export type PublishResponse = z.infer<typeof publishResponseSchema>;
