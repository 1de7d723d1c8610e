// What the Indikator view shows, shaped from the indicator's detail and its total and group values.
// Pure functions, so the rules (which series, which years, which notes) are tested without React.

import type { Breakdown, GapRow, IndicatorDetailResponse, ValueRow, ValuesResponse } from "../../api/types.ts";
import type { TrendDatum, TrendSeries } from "../../charts/TrendChart.tsx";
import { type CsvColumn, csvValue } from "../../csv.ts";
import { t } from "../../i18n/index.ts";
import { seriesColour, seriesDash, seriesMarker, TOTAL_COLOUR } from "../../palette.ts";
import { breakReading, gapReading, readingAid } from "../../readingAid.ts";
import { statusNotes } from "../shared/notes.ts";
import { TOTAL } from "./queries.ts";

/** A line of the table: one year with the row of every series (undefined where there is none). */
export interface YearRow {
  year: number;
  cells: Record<string, ValueRow | undefined>;
}

/** The long-format CSV: one line per value with numerator, denominator and status, as analysts re-use it. */
export function valueCsvColumns(breakdowns: Breakdown[]): CsvColumn<ValueRow>[] {
  const label = (id: string) => (id === TOTAL ? t("series.total") : (breakdowns.find((b) => b.id === id)?.label ?? id));
  return [
    { header: t("table.year"), value: (row) => row.year },
    { header: t("table.area"), value: (row) => row.areaName },
    // People read the label, programs get the id.
    {
      header: t("table.breakdown"),
      value: (row, flavour) => (flavour === "de" ? label(row.breakdown) : row.breakdown),
    },
    { header: t("table.group"), value: (row) => row.groupLabel },
    { header: t("table.value"), value: (row, flavour) => csvValue(row.value, row.status, flavour, row.confidential) },
    { header: t("table.numerator"), value: (row) => row.numerator },
    { header: t("table.denominator"), value: (row) => row.denominator },
    { header: t("table.status"), value: (row) => row.status },
    { header: t("table.statusDetail"), value: (row) => row.statusDetail },
    { header: t("table.confidential"), value: (row) => (row.confidential ? t("confidential.short") : null) },
  ];
}

/** The total and, unless the breakdown is the total, its groups: rows, lines, table and chart. */
export interface IndicatorSeries {
  /** Every value row shown, the total's first. */
  rows: ValueRow[];
  /** The groups of the breakdown, in its order (without the total). */
  groupOrder: string[];
  series: TrendSeries[];
  byYear: YearRow[];
  data: TrendDatum[];
  /** Footnotes label: "Insgesamt" or the group's name. */
  seriesLabel: (row: ValueRow) => string;
  /** Survey years only (an election): points, no line between years that lie far apart. */
  pointsOnly: boolean;
}

export function indicatorSeries(
  detail: IndicatorDetailResponse,
  breakdown: string,
  total: ValuesResponse | undefined,
  groups: ValuesResponse | undefined,
): IndicatorSeries {
  const breakdownInfo = detail.breakdowns.find((b) => b.id === breakdown);
  const totalRows = (total?.rows ?? []).filter((row) => row.group === TOTAL);
  const groupRows =
    breakdown === TOTAL ? [] : (groups?.rows ?? []).filter((row) => row.breakdown === breakdown && row.group !== TOTAL);
  const allRows = [...totalRows, ...groupRows];
  // An election every five or six years: the years between are no missing values ("…"), there is nothing to
  // show for them — neither a row, nor a footnote, nor a line across them.
  const surveyYears = detail.indicator.surveyYearsOnly
    ? new Set(allRows.filter((row) => row.status !== "missing").map((row) => row.year))
    : null;
  const rows = surveyYears ? allRows.filter((row) => surveyYears.has(row.year)) : allRows;
  const groupOrder = (
    breakdown === TOTAL
      ? []
      : (breakdownInfo?.groups.map((g) => g.id) ?? [...new Set(groupRows.map((row) => row.group))])
  ).filter((group) => group !== TOTAL);
  const groupLabel = (group: string) =>
    breakdownInfo?.groups.find((g) => g.id === group)?.label ??
    groupRows.find((row) => row.group === group)?.groupLabel ??
    group;

  const series: TrendSeries[] = [
    { key: TOTAL, label: t("series.total"), colour: TOTAL_COLOUR, strong: true },
    ...groupOrder.map((group, index) => ({
      key: group,
      label: groupLabel(group),
      colour: seriesColour(index),
      dash: seriesDash(index + 1),
      marker: seriesMarker(index + 1),
    })),
  ];
  const years = [...new Set([...(surveyYears ? [] : detail.years), ...rows.map((row) => row.year)])].sort(
    (a, b) => a - b,
  );
  const byYear: YearRow[] = years.map((year) => ({
    year,
    cells: Object.fromEntries(series.map((s) => [s.key, rows.find((row) => row.year === year && row.group === s.key)])),
  }));
  const data: TrendDatum[] = byYear.map(({ year, cells }) => ({
    year,
    ...Object.fromEntries(series.map((s) => [s.key, cells[s.key]?.value ?? null])),
  }));
  const seriesLabel = (row: ValueRow) => (row.group === TOTAL ? t("series.total") : groupLabel(row.group));
  return { rows, groupOrder, series, byYear, data, seriesLabel, pointsOnly: surveyYears !== null };
}

/** The reading aid: one sentence per line, then the gap's when the comparison pair is shown. */
export function indicatorSentences(
  meta: IndicatorDetailResponse["indicator"],
  { series, byYear, groupOrder }: IndicatorSeries,
  gapRows: GapRow[] | undefined,
): string[] {
  const sentences = series.map((s) =>
    readingAid({
      unit: meta.unit,
      points: byYear.map(({ year, cells }) => ({
        year,
        value: cells[s.key]?.value ?? null,
        status: cells[s.key]?.status,
      })),
      group: s.key === TOTAL ? (groupOrder.length ? t("series.total") : undefined) : s.label,
    }),
  );
  const shown = byYear
    .filter(({ cells }) => Object.values(cells).some((cell) => cell?.value !== null && cell?.value !== undefined))
    .map(({ year }) => year);
  const breaks = breakReading(
    meta.seriesBreaks.map((b) => b.year),
    shown,
  );
  if (breaks) sentences.push(breaks);
  if (gapRows) {
    const gapSentence = gapReading({
      unit: meta.unit,
      points: gapRows.map((row) => ({ year: row.year, value: row.gap })),
    });
    if (gapSentence) sentences.push(gapSentence);
  }
  return sentences;
}

/** The API's notes of both answers and one note per series and gap reason, each once. */
export function indicatorFootnotes(
  { rows, seriesLabel }: IndicatorSeries,
  total: ValuesResponse | undefined,
  groups: ValuesResponse | undefined,
): string[] {
  return [...new Set([...(total?.footnotes ?? []), ...(groups?.footnotes ?? []), ...statusNotes(rows, seriesLabel)])];
}
