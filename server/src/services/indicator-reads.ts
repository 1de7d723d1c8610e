import { computeGaps, type IndicatorRow, TOTAL, type ValueStatus } from "@im/indicators";
import type { AppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { type Language, translate, translator } from "../i18n/index.ts";
import { type District, listDistricts } from "../repositories/districts.ts";
import {
  DRAFT,
  type IndicatorValueRow,
  selectAreaValues,
  selectValues,
  valueCoverage,
} from "../repositories/indicator-values.ts";
import { findRelease } from "../repositories/releases.ts";
import type { GapsResponse, OverviewResponse, ValueRow, ValuesResponse } from "../schemas/indicators.ts";
import { benchmarkCategory, usableRow } from "./benchmarks.ts";
import { catalogueIn } from "./catalogue-language.ts";
import { currentCatalogue, type LoadedCatalogue, parseCatalogueText, translationsOf } from "./catalogue-loading.ts";
import { getOrCreate } from "./map-utils.ts";
import { RequestProblem } from "./replies.ts";

/**
 * What every indicator read needs besides the rows: of the draft or of one release, in one language (area and
 * group names), rebuilt after each recomputation.
 */
export interface ReadContext {
  /** 0: the draft; else the release read (see repositories/releases.ts). */
  release: number;
  /** The language of the names and footnotes read with this context. */
  language: Language;
  /** With breakdown and group labels in `language` (see catalogue-language.ts). */
  catalogue: LoadedCatalogue;
  districts: District[];
  coverage: Map<string, { years: number[]; areas: string[] }>;
  areaNames: Map<string, string>;
}

/** The draft reads today's catalogue and district list; a release those frozen with it. */
export function readContext(context: AppContext, release: number, language: Language = "de"): Promise<ReadContext> {
  return context.readCache.getOrCompute(`context|${release}|${language}`, async () => {
    const { db } = context.database;
    let catalogue = currentCatalogue(context);
    let districts = await listDistricts(db);
    if (release !== DRAFT) {
      const frozen = await findRelease(db, release);
      if (!frozen) throw new RequestProblem(404, "release.missing", { release });
      catalogue = parseCatalogueText(
        frozen.catalogue,
        `Veröffentlichung ${release}`,
        translationsOf(context.config.cataloguePath),
        { lenient: true },
      );
      districts = JSON.parse(frozen.districts) as District[];
    }
    const { levels } = context.config.city;
    const parent = capitalised(levels.parent[language][0]);
    const areaNames = new Map<string, string>([["stadt", translate(language, "area.city")]]);
    for (const b of new Set(districts.map((d) => d.bezirk))) {
      areaNames.set(`bezirk:${b}`, translate(language, "area.parent", { level: parent, name: b }));
    }
    for (const d of districts) areaNames.set(String(d.number), d.name);
    return {
      release,
      language,
      catalogue: catalogueIn(catalogue, language),
      districts,
      coverage: await valueCoverage(db, release),
      areaNames,
    };
  });
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function findMeta(context: ReadContext, id: string) {
  const meta = context.catalogue.meta.get(id);
  if (!meta) {
    throw new RequestProblem(404, "indicator.unknown", { id });
  }
  return meta;
}

export function checkArea(
  context: ReadContext,
  area: string,
  permitted: readonly string[] = [...context.areaNames.keys()],
) {
  if (!permitted.includes(area)) {
    throw new RequestProblem(400, "area.unknown", { area, allowed: permitted });
  }
}

/** Stored rows → API rows; suppressed values are blanked unless an analyst asks. */
function toValueRow(
  r: IndicatorValueRow,
  context: ReadContext,
  labels: Map<string, Map<string, string>> | undefined,
  analyst: boolean,
): ValueRow {
  const row: ValueRow = {
    year: r.year,
    area: r.area,
    areaName: context.areaNames.get(r.area) ?? r.area,
    breakdown: r.breakdown,
    group: r.grp,
    groupLabel: labels?.get(r.breakdown)?.get(r.grp) ?? r.grp,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    status: r.status as ValueStatus,
    statusDetail: r.status_detail,
  };
  if (r.status === "suppressed") {
    if (analyst) row.confidential = true;
    else {
      row.numerator = null;
      row.denominator = null;
      row.value = null;
      // Which rule fired (and its threshold) would bound the hidden value: the public learns only that it is secret.
      row.statusDetail = translate(context.language, "value.secret");
    }
  }
  return row;
}

export interface ValuesRequest {
  id: string;
  year?: number;
  area?: string;
  breakdown?: string;
}

export async function indicatorValues(
  database: DatabaseHandle,
  context: ReadContext,
  request: ValuesRequest,
  analyst: boolean,
): Promise<ValuesResponse> {
  const meta = findMeta(context, request.id);
  const coverage = context.coverage.get(request.id);
  if (request.area !== undefined) checkArea(context, request.area, coverage?.areas);
  if (request.year !== undefined && !coverage?.years.includes(request.year)) {
    throw new RequestProblem(400, "values.noYear", {
      id: request.id,
      year: String(request.year),
      allowed: coverage?.years ?? [],
    });
  }
  const breakdowns = context.catalogue.breakdowns.get(request.id) ?? [];
  if (request.breakdown !== undefined && !breakdowns.some((b) => b.id === request.breakdown)) {
    throw new RequestProblem(400, "breakdown.unknown", {
      breakdown: request.breakdown,
      id: request.id,
      allowed: breakdowns.map((b) => b.id),
    });
  }
  const stored = coverage
    ? await selectValues(database.db, { release: context.release, indicator: request.id, ...request })
    : [];
  const labels = context.catalogue.groupLabels.get(request.id);
  const rows = stored.map((r) => toValueRow(r, context, labels, analyst));

  const say = translator(context.language);
  const footnotes: string[] = [];
  if (!coverage) footnotes.push(say("footnote.noData"));
  if (rows.some((r) => r.status === "suppressed"))
    footnotes.push(say(analyst ? "footnote.confidential" : "footnote.suppressed"));
  const years = new Set(rows.map((r) => r.year));
  // The note is the catalogue's German text (indicator translations have no series-break notes).
  for (const b of meta.seriesBreaks) {
    if (years.has(b.year)) footnotes.push(say("footnote.seriesBreak", { year: String(b.year), note: b.note }));
  }
  return { rows, footnotes };
}

export async function indicatorGaps(
  database: DatabaseHandle,
  context: ReadContext,
  id: string,
  area: string,
  analyst = false,
): Promise<GapsResponse> {
  const meta = findMeta(context, id);
  const indicator = context.catalogue.catalogue.indicators.find((i) => i.id === id);
  checkArea(context, area, context.coverage.get(id)?.areas ?? [...context.areaNames.keys()]);
  if (!indicator || !meta.comparison) return { comparison: null, rows: [] };
  const stored = await selectValues(database.db, {
    release: context.release,
    indicator: id,
    area,
    breakdown: meta.comparison.id,
  });
  const rows = computeGaps(
    stored.map((r) => engineRow(r, analyst)),
    indicator,
    { area },
  );
  const secretYears = new Set(stored.filter((r) => r.status === "suppressed").map((r) => r.year));
  const first = rows[0]?.year;
  return {
    comparison: meta.comparison,
    rows: rows.map(({ area: _area, ...r }) => {
      // A gap or change computed from a withheld value is marked for analysts (the public never gets one).
      const secret = [r.year, r.previousYear, first].some((y) => y !== null && y !== undefined && secretYears.has(y));
      return analyst && secret ? { ...r, confidential: true as const } : r;
    }),
  };
}

/**
 * The engine's row shape, for its gap computation: only `ok` values count, so suppressed ones stay hidden,
 * except for analysts, who get gaps on the true values (marked confidential by the caller).
 */
function engineRow(r: IndicatorValueRow, analyst = false): IndicatorRow {
  return {
    indicator: r.indicator,
    year: r.year,
    area: r.area,
    areaName: "",
    breakdown: r.breakdown,
    group: r.grp,
    groupLabel: "",
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    status: (analyst && r.status === "suppressed" ? "ok" : r.status) as ValueStatus,
    statusDetail: r.status_detail,
  };
}

/** One card per indicator with data in the area, from one query over the area's total and comparison rows. */
export async function overview(
  database: DatabaseHandle,
  context: ReadContext,
  area: string,
  analyst: boolean,
): Promise<OverviewResponse> {
  checkArea(context, area);
  const { catalogue } = context;
  const comparisonIds = [...new Set(catalogue.list.flatMap((m) => (m.comparison ? [m.comparison.id] : [])))];
  const ids = catalogue.list.map((m) => m.id);
  const stored = await selectAreaValues(database.db, context.release, ids, area, [TOTAL.id, ...comparisonIds]);
  const benchmarkAreas = await benchmarkRows(database, context, area, ids);
  const byIndicator = new Map<string, IndicatorValueRow[]>();
  for (const r of stored) {
    getOrCreate(byIndicator, r.indicator, () => []).push(r);
  }

  const visible = (r: IndicatorValueRow) => (r.status === "suppressed" && !analyst ? null : r.value);
  const point = (r: IndicatorValueRow) => ({
    year: r.year,
    value: visible(r),
    status: r.status as ValueStatus,
    ...(r.status === "suppressed" && analyst ? { confidential: true } : {}),
  });

  const cards: OverviewResponse["cards"] = [];
  for (const meta of catalogue.list) {
    const rows = byIndicator.get(meta.id) ?? [];
    const totals = rows.filter((r) => r.breakdown === TOTAL.id && r.status !== "missing");
    if (totals.length === 0) continue;
    const series = totals.map(point);
    const latestRow =
      [...totals].reverse().find((r) => r.status === "ok" || r.status === "suppressed") ?? totals[totals.length - 1];

    let comparison: OverviewResponse["cards"][number]["comparison"] = null;
    const indicator = catalogue.catalogue.indicators.find((i) => i.id === meta.id);
    if (meta.comparison && indicator) {
      const pair = rows.filter((r) => r.breakdown === meta.comparison?.id && r.status !== "missing");
      const gaps = computeGaps(
        pair.map((r) => engineRow(r, analyst)),
        indicator,
        { area },
      );
      const lastYear = pair.length ? Math.max(...pair.map((r) => r.year)) : null;
      if (lastYear !== null) {
        const gap = gaps.find((g) => g.year === lastYear);
        comparison = {
          year: lastYear,
          groups: meta.comparison.groups.map((g) => {
            const r = pair.find((p) => p.year === lastYear && p.grp === g.id);
            return {
              id: g.id,
              label: g.label,
              value: r ? visible(r) : null,
              status: (r?.status ?? "missing") as ValueStatus,
              ...(r?.status === "suppressed" && analyst ? { confidential: true as const } : {}),
            };
          }),
          gap: gap?.gap ?? null,
          trend: gap?.trend ?? null,
        };
      }
    }
    const benchmarks = benchmarkAreas.map(({ area: against, rows: againstRows }) => {
      const reference = againstRows.get(`${meta.id}|${latestRow.year}`);
      return {
        against,
        againstName: context.areaNames.get(against) ?? against,
        year: latestRow.year,
        category: benchmarkCategory(latestRow, reference, meta, analyst),
        value: usableRow(reference, analyst)?.value ?? null,
      };
    });
    cards.push({
      id: meta.id,
      title: meta.title,
      shortTitle: meta.shortTitle,
      translations: meta.translations,
      field: meta.field,
      unit: meta.unit,
      latest: point(latestRow),
      series,
      ...(area === "stadt" ? {} : { benchmarks }),
      comparison,
    });
  }
  return {
    year: reportingYear(cards.flatMap((c) => (c.latest ? [c.latest.year] : []))),
    ...(area === "stadt" ? {} : { benchmarkMethod: translate(context.language, "benchmark.method") }),
    cards,
  };
}

/** The totals of the areas a Stadtteil (its Bezirk, the city) or a Bezirk (the city) is compared with. */
async function benchmarkRows(
  database: DatabaseHandle,
  context: ReadContext,
  area: string,
  ids: readonly string[],
): Promise<{ area: string; rows: Map<string, IndicatorValueRow> }[]> {
  if (area === "stadt") return [];
  const against = ["stadt"];
  if (!area.startsWith("bezirk:")) {
    const bezirk = context.districts.find((d) => String(d.number) === area)?.bezirk;
    if (bezirk !== undefined && context.areaNames.has(`bezirk:${bezirk}`)) against.push(`bezirk:${bezirk}`);
  }
  return Promise.all(
    against.map(async (a) => {
      const rows = await selectAreaValues(database.db, context.release, ids, a, [TOTAL.id]);
      return { area: a, rows: new Map(rows.map((r) => [`${r.indicator}|${r.year}`, r])) };
    }),
  );
}

/** The "Stand" of the overview: the latest year most indicators have, so one early delivery does not move it. */
export function reportingYear(latestYears: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const year of latestYears) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== null && year > best)) best = year;
  }
  return best;
}
