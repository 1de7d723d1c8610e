// What the report shows, computed from the catalogue, the overview and one values answer per indicator.
// Pure functions, so the rules (which fields, which years, gaps and their trend words) are tested without React.

import type {
  CatalogueResponse,
  GapTrend,
  IndicatorMeta,
  OverviewCard,
  OverviewResponse,
  ValueRow,
  ValuesResponse,
} from "../../api/types.ts";
import type { TrendDatum } from "../../charts/TrendChart.tsx";
import { type SymbolKind, shownDifference, shownValue, symbolKind } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { gapReading, readingAid } from "../../readingAid.ts";
import { TOTAL } from "../indicator/queries.ts";
import { anyConfidential, kindsOf, statusNotes } from "../shared/notes.ts";
import { reportBreakdown } from "./queries.ts";

/** Years in an indicator's table: the report year and the ones before it. */
export const TABLE_YEARS = 5;

/** Gap changes up to this many points count as "unverändert" (as the server's gaps, `GAP_TOLERANCE`). */
const GAP_TOLERANCE = 0.05;

/** `fields=GD,RI` → those Handlungsfelder in catalogue order (ids in any case); empty or absent → all. */
export function selectFields(param: string, catalogue: Pick<CatalogueResponse, "fields">): string[] {
  const all = catalogue.fields.map((field) => field.id);
  const wanted = new Set(
    param
      .split(",")
      .map((id) => id.trim().toUpperCase())
      .filter(Boolean),
  );
  if (wanted.size === 0) return all;
  return all.filter((id) => wanted.has(id.toUpperCase()));
}

/** The `fields` parameter for a selection: empty when it is every field (the default stays out of the URL). */
export function fieldsParam(selected: readonly string[], catalogue: Pick<CatalogueResponse, "fields">): string {
  const set = new Set(selected);
  const ordered = catalogue.fields.map((field) => field.id).filter((id) => set.has(id));
  return ordered.length === catalogue.fields.length ? "" : ordered.join(",");
}

/** Years with at least one value in the area, newest first (the choices for "Stand"). */
export function reportYears(overview: OverviewResponse): number[] {
  const years = new Set<number>();
  for (const card of overview.cards) {
    for (const point of card.series) if (point.status !== "missing") years.add(point.year);
  }
  return [...years].sort((a, b) => b - a);
}

/** The report year: `year=` when there are values for it, else the newest year with data. */
export function pickYear(param: string, overview: OverviewResponse): number | null {
  const years = reportYears(overview);
  const wanted = Number(param);
  if (param && years.includes(wanted)) return wanted;
  return overview.year ?? years[0] ?? null;
}

export interface PlannedIndicator {
  meta: IndicatorMeta;
  card: OverviewCard;
  /** The breakdown of its one values request. */
  breakdown: string;
}

export interface PlannedField {
  id: string;
  title: string;
  indicators: PlannedIndicator[];
  /** Catalogue indicators of the field without values for the area. */
  unavailable: IndicatorMeta[];
}

/** The report's outline: the chosen fields in catalogue order, each with its indicators in catalogue order. */
export function planReport(catalogue: CatalogueResponse, overview: OverviewResponse, fields: string[]): PlannedField[] {
  const cards = new Map(overview.cards.map((card) => [card.id, card]));
  return catalogue.fields
    .filter((field) => fields.includes(field.id))
    .map((field) => {
      const metas = catalogue.indicators.filter((meta) => meta.field === field.id);
      const indicators: PlannedIndicator[] = [];
      const unavailable: IndicatorMeta[] = [];
      for (const meta of metas) {
        const card = cards.get(meta.id);
        if (card) indicators.push({ meta, card, breakdown: reportBreakdown(meta) });
        else unavailable.push(meta);
      }
      return { id: field.id, title: field.title, indicators, unavailable };
    })
    .filter((field) => field.indicators.length + field.unavailable.length > 0);
}

export interface ReportSeries {
  key: string;
  label: string;
}

export interface GapPoint {
  year: number;
  /** First − second group, from published (`ok`) values only, as the API's gaps. */
  gap: number | null;
  /** Why there is no gap: the symbol of a group value that is not published, else "missing". */
  gapKind: SymbolKind | null;
  trend: GapTrend;
}

export interface IndicatorReport {
  /** Every year up to the report year (chart), ascending. */
  years: number[];
  /** The last `TABLE_YEARS` of them (table). */
  tableYears: number[];
  series: ReportSeries[];
  cell: (key: string, year: number) => ValueRow | undefined;
  gaps: GapPoint[];
  chart: TrendDatum[];
  sentences: string[];
  footnotes: string[];
  symbols: Set<SymbolKind>;
  confidential: boolean;
}

/** The overview's total series as value rows (it has no `statusDetail`; the symbol still explains the gap). */
function totalRowsFromCard(card: OverviewCard): ValueRow[] {
  return card.series.map((point) => ({
    year: point.year,
    area: "",
    areaName: "",
    breakdown: TOTAL,
    group: TOTAL,
    groupLabel: t("series.total"),
    numerator: null,
    denominator: null,
    value: point.value,
    status: point.status,
    statusDetail: null,
    confidential: point.confidential,
  }));
}

function trendOf(change: number | null): GapTrend {
  if (change === null) return null;
  if (change > GAP_TOLERANCE) return "widened";
  if (change < -GAP_TOLERANCE) return "narrowed";
  return "unchanged";
}

/** Gaps over all years (the trend of the first table year needs the year before it). */
function gapPoints(years: number[], groups: string[], cell: IndicatorReport["cell"]): GapPoint[] {
  const [first, second] = groups;
  let previous: number | null = null;
  return years.map((year) => {
    const a = cell(first, year);
    const b = cell(second, year);
    const published = (row: ValueRow | undefined) => (row?.status === "ok" ? row.value : null);
    const va = published(a);
    const vb = published(b);
    const gap = shownDifference(va, vb);
    let gapKind: SymbolKind | null = null;
    if (gap === null) {
      const hidden = [a, b]
        .map((row) => (row ? symbolKind(shownValue(row), row.status) : "missing"))
        .find((kind) => kind !== null && kind !== "missing" && kind !== "zero");
      gapKind = hidden ?? "missing";
    }
    const trend = gap !== null && previous !== null ? trendOf(Math.abs(gap) - Math.abs(previous)) : null;
    if (gap !== null) previous = gap;
    return { year, gap, gapKind, trend };
  });
}

/** Everything one indicator block shows, for the years up to `year`. */
export function buildIndicatorReport(
  item: PlannedIndicator,
  values: ValuesResponse | undefined,
  year: number,
): IndicatorReport {
  const { meta, card } = item;
  const rows = values?.rows ?? [];
  const totals =
    item.breakdown === TOTAL && rows.length > 0
      ? rows.filter((row) => row.breakdown === TOTAL && row.group === TOTAL)
      : totalRowsFromCard(card);
  const comparison = meta.comparison;
  const groupRows = comparison ? rows.filter((row) => row.breakdown === comparison.id && row.group !== TOTAL) : [];
  const groups = comparison?.groups ?? [];
  const series: ReportSeries[] = [
    { key: TOTAL, label: t("series.total") },
    ...groups.map((group) => ({
      key: group.id,
      label: groupRows.find((row) => row.group === group.id)?.groupLabel ?? group.label,
    })),
  ];

  const upToYear = [...totals, ...groupRows].filter((row) => row.year <= year);
  // An election every five or six years: the years between are no missing values, the report skips them.
  const surveyYears = meta.surveyYearsOnly
    ? new Set(upToYear.filter((row) => row.status !== "missing").map((row) => row.year))
    : null;
  const all = surveyYears ? upToYear.filter((row) => surveyYears.has(row.year)) : upToYear;
  const byKey = new Map<string, ValueRow>();
  for (const row of all) byKey.set(`${row.group}|${row.year}`, row);
  const cell = (key: string, y: number) => byKey.get(`${key}|${y}`);
  const years = [...new Set(all.map((row) => row.year))].sort((a, b) => a - b);
  const tableYears = years.slice(-TABLE_YEARS);
  const gaps = comparison && groups.length >= 2 ? gapPoints(years, [groups[0].id, groups[1].id], cell) : [];

  const chart: TrendDatum[] = years.map((y) => ({
    year: y,
    ...Object.fromEntries(
      series.map((s) => {
        const row = cell(s.key, y);
        return [s.key, row ? shownValue(row) : null];
      }),
    ),
  }));

  const sentences = series.map((s) =>
    readingAid({
      unit: meta.unit,
      points: years.map((y) => {
        const row = cell(s.key, y);
        return { year: y, value: row ? shownValue(row) : null, status: row?.status };
      }),
      group: s.key === TOTAL ? (groups.length ? s.label : undefined) : s.label,
    }),
  );
  const gapSentence = gaps.length
    ? gapReading({ unit: meta.unit, points: gaps.map((g) => ({ year: g.year, value: g.gap })) })
    : null;
  if (gapSentence) sentences.push(gapSentence);

  const label = (row: ValueRow) => series.find((s) => s.key === row.group)?.label ?? row.groupLabel;
  // The series breaks are listed with the definition; the API's other notes (secrecy, nfD) stay.
  const apiNotes = (values?.footnotes ?? []).filter((note) => !meta.seriesBreaks.some((b) => note.includes(b.note)));
  const footnotes = [...new Set([...statusNotes(all, label), ...apiNotes])];

  const symbols = kindsOf(all);
  for (const gap of gaps) if (gap.gapKind && tableYears.includes(gap.year)) symbols.add(gap.gapKind);

  return {
    years,
    tableYears,
    series,
    cell,
    gaps,
    chart,
    sentences,
    footnotes,
    symbols,
    confidential: anyConfidential(all),
  };
}
