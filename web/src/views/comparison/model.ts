// What the Stadtteilvergleich shows, shaped from the districts and the values of every area and of the city.
// Pure functions, so the rules (ranking, the city line, the shared axis of the small multiples) are tested
// without React.

import type { District, Unit, ValueRow } from "../../api/types.ts";
import type { StadtteilValue } from "../../charts/MapPanel.tsx";
import { displayValue, formatValue, SYMBOLS, shownValue } from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";
import { TOTAL } from "../indicator/queries.ts";
import { stadtteilNumber } from "../shared/areas.tsx";

/** A Stadtteil and its row of the year (undefined when the answer has none). */
export interface Ranked {
  district: District;
  row: ValueRow | undefined;
}

/** A Stadtteil without a row, as a missing value (for the symbols and notes of the year). */
export const missingRow = (district: District, year: number): ValueRow => ({
  year,
  area: String(district.number),
  areaName: district.name,
  breakdown: TOTAL,
  group: TOTAL,
  groupLabel: "",
  numerator: null,
  denominator: null,
  value: null,
  status: "missing",
  statusDetail: null,
});

export const rankedValue = (r: Ranked) => (r.row ? shownValue(r.row) : null);

/** A Stadtteil's row of a year. */
export function rowOf(rows: readonly ValueRow[], year: number, district: number): ValueRow | undefined {
  return rows.find((row) => row.year === year && Number(row.area) === district);
}

/** Every Stadtteil, highest value first; those without a value last, by name. */
export function rankDistricts(districts: readonly District[], rows: readonly ValueRow[], year: number): Ranked[] {
  return districts
    .map((district) => ({ district, row: rowOf(rows, year, district.number) }))
    .sort((a, b) => {
      const va = rankedValue(a);
      const vb = rankedValue(b);
      if (va === null || vb === null)
        return va === vb ? a.district.name.localeCompare(b.district.name, locale()) : va === null ? 1 : -1;
      return vb - va;
    });
}

export interface Ranking {
  /** Every Stadtteil in rank order. */
  ranked: Ranked[];
  /** Those with a value: their position is their rank. */
  withValue: Ranked[];
  /** The rows of the year, a missing one for each Stadtteil without. */
  yearRows: ValueRow[];
  /** The reading aid: top, bottom, the city and how many lie above it. */
  description: string;
}

export function ranking(
  districts: readonly District[],
  rows: readonly ValueRow[],
  year: number,
  cityValue: number | null,
  unit: Unit,
): Ranking {
  const ranked = rankDistricts(districts, rows, year);
  const yearRows = ranked.map((r) => r.row ?? missingRow(r.district, year));
  const above = ranked.filter(
    (r) => cityValue !== null && (rankedValue(r) ?? Number.NEGATIVE_INFINITY) > cityValue,
  ).length;
  const withValue = ranked.filter((r) => rankedValue(r) !== null);
  const top = withValue[0];
  const bottom = withValue[withValue.length - 1];
  const description =
    top && bottom
      ? t("comparison.rankSummary", {
          year,
          top: top.district.name,
          topValue: formatValue(rankedValue(top) ?? 0, unit),
          bottom: bottom.district.name,
          bottomValue: formatValue(rankedValue(bottom) ?? 0, unit),
          city: cityValue === null ? SYMBOLS.missing : formatValue(cityValue, unit),
          above,
          count: withValue.length,
        })
      : t("reading.none");
  return { ranked, withValue, yearRows, description };
}

/** The rows of the chosen breakdown and group. */
export function selectedRows(rows: readonly ValueRow[], breakdown: string, group: string): ValueRow[] {
  return rows.filter((row) => row.breakdown === breakdown && row.group === group);
}

/** Only the Stadtteile's rows (the answer for every area also has the city and the Stadtbezirke). */
export function stadtteilRows(rows: readonly ValueRow[]): ValueRow[] {
  return rows.filter((row) => stadtteilNumber(row.area) !== null);
}

/** A ranked value as the bars and the map show it: the number or its symbol. */
export function rankedLabel(r: Ranked, unit: Unit): string {
  return r.row ? displayValue(r.row.value, r.row.status, unit, r.row.confidential) : displayValue(null, "missing");
}

export function rankedMapValues(ranked: readonly Ranked[], unit: Unit): StadtteilValue[] {
  return ranked.map((r) => ({
    stadtteil: r.district.number,
    name: r.district.name,
    bezirk: r.district.bezirk,
    value: rankedValue(r),
    display: rankedLabel(r, unit),
  }));
}

export interface TrendPoint {
  year: number;
  value: number | null;
  row?: ValueRow;
}

/** Small multiples: every Stadtteil's trend against the city, on one value axis. */
export interface Multiples {
  years: number[];
  city: TrendPoint[];
  trendOf: (district: District) => TrendPoint[];
  /** From zero to the largest value: otherwise every panel would look equally dramatic. */
  domain: [number, number];
  /** The Stadtteile by name. */
  districts: District[];
}

export function multiples(
  districts: readonly District[],
  rows: readonly ValueRow[],
  cityRows: readonly ValueRow[],
): Multiples {
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const city = years.map((y) => {
    const row = cityRows.find((r) => r.year === y);
    return { year: y, value: row ? shownValue(row) : null };
  });
  const trendOf = (district: District) =>
    years.map((y) => {
      const row = rowOf(rows, y, district.number);
      return { year: y, value: row ? shownValue(row) : null, row };
    });
  const domain: [number, number] = [
    0,
    Math.max(
      0,
      ...[...rows, ...cityRows].flatMap((r) => {
        const v = shownValue(r);
        return v === null ? [] : [v];
      }),
    ),
  ];
  const byName = [...districts].sort((a, b) => a.name.localeCompare(b.name, locale()));
  return { years, city, trendOf, domain, districts: byName };
}
