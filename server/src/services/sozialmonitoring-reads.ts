import {
  type ComparisonConfig,
  catalogueIndexConfigs,
  type IndexResult,
  type SegregationResult,
  sozialmonitoringComparisons,
} from "@im/indicators";
import type { AppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { type Language, translate } from "../i18n/index.ts";
import { selectSozialmonitoring, sozialmonitoringCoverage } from "../repositories/sozialmonitoring.ts";
import type { IndexResponse, SegregationResponse, SeriesResponse } from "../schemas/sozialmonitoring.ts";
import { currentCatalogue } from "./catalogue-loading.ts";
import { RequestProblem } from "./replies.ts";

/** The comparisons of a city's Sozialmonitoring, with their groups from its extract profiles. */
export function comparisonsOf(context: AppContext): ComparisonConfig[] {
  return sozialmonitoringComparisons(currentCatalogue(context).profiles);
}

interface Coverage {
  segregationYears: number[];
  segregationAreas: string[];
  /** Index configuration id → years with a stored index. */
  indexYears: Record<string, number[]>;
}

function coverage(context: AppContext, release: number): Promise<Coverage> {
  return context.readCache.getOrCompute(`sozialmonitoring-coverage|${release}`, async () => {
    const rows = await sozialmonitoringCoverage(context.database.db, release);
    const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
    const segregation = rows.filter((r) => r.kind === "segregation");
    return {
      segregationYears: sorted(segregation.map((r) => r.year)),
      segregationAreas: [...new Set(segregation.map((r) => r.area))],
      indexYears: Object.fromEntries(
        catalogueIndexConfigs.map((c) => [
          c.id,
          sorted(rows.filter((r) => r.kind === "index" && r.key === c.id).map((r) => r.year)),
        ]),
      ),
    };
  });
}

function checkComparison(context: AppContext, id: string | undefined) {
  const comparisons = comparisonsOf(context);
  if (id !== undefined && !comparisons.some((c) => c.id === id)) {
    throw new RequestProblem(400, "comparison.unknown", { comparison: id, allowed: comparisons.map((c) => c.id) });
  }
}

/** Which stored results a read asks for: the draft (0) or a release, and which of them. */
export interface SegregationFilter {
  release: number;
  /** The language of the public reason of a withheld value; German without it. The rest is stored German text. */
  language?: Language;
  year?: number;
  comparison?: string;
  area?: string;
}

async function checkSegregationFilter(context: AppContext, filter: SegregationFilter) {
  checkComparison(context, filter.comparison);
  const { segregationYears, segregationAreas } = await coverage(context, filter.release);
  if (filter.year !== undefined && !segregationYears.includes(filter.year)) {
    throw new RequestProblem(400, "segregation.noYear", { year: String(filter.year), allowed: segregationYears });
  }
  if (filter.area !== undefined && !segregationAreas.includes(filter.area)) {
    throw new RequestProblem(400, "area.unknown", { area: filter.area, allowed: segregationAreas });
  }
}

async function storedSegregation(database: DatabaseHandle, filter: SegregationFilter) {
  const rows = await selectSozialmonitoring(database.db, {
    release: filter.release,
    kind: "segregation",
    year: filter.year,
    key: filter.comparison,
    area: filter.area,
  });
  return rows.map((r) => JSON.parse(r.result) as SegregationResult);
}

/**
 * The public sees area measures and location quotients computed on protected inputs (they narrow no
 * withheld count), analysts the true ones.
 */
function forAudience(r: SegregationResult, analyst: boolean, language: Language = "de"): SegregationResult {
  if (analyst) return r;
  // Which rule fired (and its threshold) would bound the withheld value: the public learns only that it is secret.
  const secret = translate(language, "value.secret");
  const suppressed = Object.fromEntries(Object.keys(r.suppressed ?? {}).map((k) => [k, secret]));
  if (!r.publicMeasures) return { ...r, suppressed };
  const { P, measures, multigroup, units } = r.publicMeasures;
  // A Stadtteil whose counts are all withheld has no public local values (all of them are suppressed anyway).
  const local = (u: SegregationResult["units"][number]) => units[u.unit] ?? u;
  return {
    ...r,
    suppressed,
    P,
    measures,
    multigroup,
    units: r.units.map((u) => ({
      ...u,
      location_quotients: local(u).location_quotients,
      local_entropy: local(u).local_entropy,
    })),
  };
}

/** Two-group comparisons carry no multigroup block: with two groups it repeats the two-group measures. */
const multigroupOf = (r: SegregationResult) => (r.kind === "multigroup" ? { ...r.multigroup } : null);

/** Area-level keys of `suppressed` (measure names and `P`), as opposed to `units.<unit>.…`. */
const areaKeys = (suppressed: Record<string, string>) => Object.keys(suppressed).filter((k) => !k.startsWith("units."));

/** The withheld measures of a result with their reason (`P` and unit keys left out). */
function suppressedMeasures(r: SegregationResult): Record<string, string> {
  const suppressed = r.suppressed ?? {};
  return Object.fromEntries(
    areaKeys(suppressed)
      .filter((k) => k in r.measures)
      .map((k) => [k, suppressed[k]]),
  );
}

/** The measures as the audience may see them: withheld ones are null for the public. */
function visibleMeasures(r: SegregationResult, analyst: boolean): Record<string, number | null> {
  const measures: Record<string, number | null> = { ...r.measures };
  if (!analyst) for (const key of Object.keys(suppressedMeasures(r))) measures[key] = null;
  return measures;
}

export async function segregationResults(
  context: AppContext,
  filter: SegregationFilter,
  analyst = false,
): Promise<SegregationResponse> {
  await checkSegregationFilter(context, filter);
  const results = await storedSegregation(context.database, filter);
  return {
    results: results.map((stored) => {
      const r = forAudience(stored, analyst, filter.language);
      const suppressed = r.suppressed ?? {};
      const secret = Object.keys(suppressed).length > 0;
      const unitKeys = (unit: string) => Object.keys(suppressed).filter((k) => k.startsWith(`units.${unit}.`));
      const units = r.units.map((u) => {
        const keys = unitKeys(u.unit).map((k) => k.slice(`units.${u.unit}.`.length));
        if (keys.length === 0) return u;
        if (analyst) return { ...u, confidential: true as const };
        const location_quotients = { ...u.location_quotients };
        for (const key of keys) {
          if (key.startsWith("location_quotients.")) location_quotients[key.slice("location_quotients.".length)] = null;
        }
        return { ...u, location_quotients, local_entropy: keys.includes("local_entropy") ? null : u.local_entropy };
      });
      return {
        comparison: r.comparison,
        year: r.year,
        area: r.area,
        kind: r.kind,
        reference: r.reference,
        groups: r.groups,
        focal: r.focal,
        P: !analyst && "P" in suppressed ? null : r.P,
        atkinsonB: r.atkinsonB,
        measures: visibleMeasures(r, analyst),
        multigroup: multigroupOf(r),
        units,
        // For the public every withheld value is null, and null values have their reason here.
        undefinedReasons: analyst ? r.undefinedReasons : { ...r.undefinedReasons, ...suppressed },
        coverage: r.coverage,
        problems: r.problems,
        suppressed,
        ...(analyst && secret ? { confidential: true as const } : {}),
      };
    }),
  };
}

export async function segregationSeries(
  context: AppContext,
  { release, comparison, area, language }: SegregationFilter & { comparison: string },
  analyst = false,
): Promise<SeriesResponse> {
  await checkSegregationFilter(context, { release, comparison, area });
  const results = await storedSegregation(context.database, { release, comparison, area });
  return {
    comparison,
    series: results.map((stored) => {
      const r = forAudience(stored, analyst, language);
      const suppressed = suppressedMeasures(r);
      return {
        year: r.year,
        area: r.area,
        measures: visibleMeasures(r, analyst),
        multigroup: multigroupOf(r),
        coverage: r.coverage,
        suppressed,
        ...(analyst && Object.keys(suppressed).length > 0 ? { confidential: true as const } : {}),
      };
    }),
  };
}

/** The status indicators of an index configuration that the context's catalogue does not have. */
export function missingIndexIndicators(context: AppContext, config: { status: readonly { id: string }[] }): string[] {
  const ids = new Set(currentCatalogue(context).catalogue.indicators.map((i) => i.id));
  return config.status.map((s) => s.id).filter((id) => !ids.has(id));
}

/** The index configurations the context's catalogue can compute, the default first. */
export function computableIndexConfigs(context: AppContext) {
  return catalogueIndexConfigs.filter((c) => missingIndexIndicators(context, c).length === 0);
}

/** The configuration id asked for, or the default; an unknown one is a 400 listing the allowed ids. */
export function indexConfigFor(id: string | undefined) {
  const config = id === undefined ? catalogueIndexConfigs[0] : catalogueIndexConfigs.find((c) => c.id === id);
  if (!config) {
    throw new RequestProblem(400, "index.configUnknown", {
      config: id ?? "",
      allowed: catalogueIndexConfigs.map((c) => c.id),
    });
  }
  return config;
}

/**
 * The index of a configuration (default `muenster`) and year (default: the latest). For the public, what
 * `suppressed` names is null; analysts get every value with `confidential` markers.
 */
export async function indexFor(
  context: AppContext,
  query: { release: number; year?: number; config?: string },
  analyst: boolean,
): Promise<IndexResponse> {
  // A city's own catalogue (Almelo's) may lack the indicators a configuration names: then there is no index to
  // read, whatever was imported, and the answer says which indicators are missing instead of blaming the data.
  const computable = computableIndexConfigs(context);
  const config = query.config === undefined && computable.length > 0 ? computable[0] : indexConfigFor(query.config);
  const lacking = missingIndexIndicators(context, config);
  if (lacking.length > 0) {
    const params = { config: config.id, name: config.name, lacking, allowed: computable.map((c) => c.id) };
    // No configuration fits the city at all: a state of the city, not a fault of the request.
    if (computable.length === 0) {
      throw new RequestProblem(404, "index.notComputableAtAll", params, { noConfiguration: true });
    }
    throw new RequestProblem(404, "index.notComputable", params);
  }
  const { indexYears } = await coverage(context, query.release);
  const years = indexYears[config.id] ?? [];
  if (Object.values(indexYears).every((y) => y.length === 0)) {
    throw new RequestProblem(404, "index.none");
  }
  if (years.length === 0) {
    throw new RequestProblem(404, "index.noneForConfig", {
      config: config.id,
      indicators: config.status.map((s) => s.id),
    });
  }
  const { year } = query;
  if (year !== undefined && !years.includes(year)) {
    throw new RequestProblem(400, "index.noYear", { year: String(year), allowed: years });
  }
  const wanted = year ?? years[years.length - 1];
  const [row] = await selectSozialmonitoring(context.database.db, {
    release: query.release,
    kind: "index",
    year: wanted,
    key: config.id,
  });
  const result = JSON.parse(row.result) as IndexResult;
  const suppressed = result.suppressed ?? {};
  const secret = Object.keys(suppressed).length > 0;
  const hidden = (key: string) => key in suppressed;
  return {
    ...result,
    config: {
      ...result.config,
      // Results stored before the column titles were: the labels stand in until the next recomputation.
      indicators: result.config.indicators ?? result.config.status.map(({ id, label }) => ({ id, title: label })),
    },
    suppressed,
    ...(analyst && secret ? { confidential: true as const } : {}),
    units: result.units.map(({ confidential, ...u }) => {
      if (analyst) return confidential.length ? { ...u, confidential } : u;
      const whole = hidden(`units.${u.stadtteil}`);
      const values: Record<string, number | null> = { ...u.values };
      const z: Record<string, number | null> = { ...u.z };
      // Values behind suppressed indicator cells, and their z-values, are blanked even in stored results
      // computed before `suppressed` existed.
      for (const id of Object.keys(values)) {
        if (whole || confidential.includes(id) || hidden(`units.${u.stadtteil}.values.${id}`)) values[id] = null;
      }
      for (const id of Object.keys(z)) {
        if (whole || confidential.includes(id) || hidden(`z.${id}`)) z[id] = null;
      }
      return {
        ...u,
        population: whole ? null : u.population,
        values,
        z,
        statusIndex: whole || hidden("statusIndex") ? null : u.statusIndex,
        dynamicsIndex: whole || hidden("dynamicsIndex") ? null : u.dynamicsIndex,
        statusClass: whole ? null : u.statusClass,
        dynamicsClass: whole ? null : u.dynamicsClass,
        combinedClass: whole ? null : u.combinedClass,
      };
    }),
  };
}
