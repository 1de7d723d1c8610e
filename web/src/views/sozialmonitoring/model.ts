// What the Sozialmonitoring view shows, shaped from the segregation series and the index answer.
// Pure functions, so the rules (which measure, which order, which cells are withheld) are tested without React.

import type { Measures, SegregationSeriesResponse, SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import type { StadtteilValue } from "../../charts/MapPanel.tsx";
import type { TrendDatum } from "../../charts/TrendChart.tsx";
import type { CsvCell, CsvFlavour } from "../../csv.ts";
import { formatDecimal, formatNumber, formatSigned, SYMBOLS, type SymbolKind } from "../../format.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { CITY } from "../shared/areas.tsx";
import { classLabel, dynamicsClassLabel, statusClassLabel } from "./classes.ts";
import type { INDEX_CONFIGS } from "./queries.ts";
import { type IndexCell, type IndexPath, indexCell, type WithheldCell, withheldReason } from "./suppression.ts";

// Measure keys of the API (indicators/src/segregation/types.ts); unknown keys are shown as they come.
const MEASURE_NAMES: Record<string, MessageKey> = {
  dissimilarity: "measure.dissimilarity",
  dissimilarity_total: "measure.dissimilarity_total",
  gini: "measure.gini",
  entropy: "measure.entropy",
  atkinson: "measure.atkinson",
  isolation: "measure.isolation",
  exposure: "measure.exposure",
  exposure_other: "measure.exposure_other",
  isolation_other: "measure.isolation_other",
  eta2: "measure.eta2",
  dissimilarity_multi: "measure.dissimilarity_multi",
  gini_multi: "measure.gini_multi",
  entropy_multi: "measure.entropy_multi",
  mutual_information: "measure.mutual_information",
  normalized_exposure: "measure.normalized_exposure",
  relative_diversity: "measure.relative_diversity",
  squared_variation: "measure.squared_variation",
  diversity: "measure.diversity",
  diversity_normalized: "measure.diversity_normalized",
  simpson_interaction: "measure.simpson_interaction",
};

/** The headline measure: D for two groups, Theil's H for several. */
const HEADLINE = ["dissimilarity", "entropy_multi"];

export function measureName(key: string): string {
  return MEASURE_NAMES[key] ? t(MEASURE_NAMES[key]) : key;
}

export type SegregationPoint = SegregationSeriesResponse["series"][number];

/** A table's withheld cells (for its footnotes) and the symbols it shows (for its legend). */
export interface TableSymbols {
  withheld: WithheldCell[];
  kinds: Set<SymbolKind>;
}

/** Collects `tableSymbols` from the cells in table order: row by row, column by column. */
function tableSymbols(cells: Iterable<{ column: string; name: string; cell: IndexCell }>): TableSymbols {
  const withheld: WithheldCell[] = [];
  const kinds = new Set<SymbolKind>();
  for (const { column, name, cell } of cells) {
    if (cell.kind === "suppressed") withheld.push({ column, name, reason: cell.reason });
    if (cell.kind !== "value") kinds.add(cell.kind);
  }
  return { withheld, kinds };
}

/** The city's points of a comparison, oldest first. */
export function citySeries(series: SegregationPoint[]): SegregationPoint[] {
  return series.filter((p) => p.area === CITY).sort((a, b) => a.year - b.year);
}

// Two-group comparisons fill `measures`, multigroup ones `multigroup`.
const measuresOf = (p: SegregationPoint): Measures => ({ ...p.measures, ...(p.multigroup ?? {}) });
const reasonOf = (p: SegregationPoint, key: string): string | undefined => p.suppressed?.[key];

/** The measures with a value in some year, or a value withheld for the public (Geheimhaltung, `suppressed`). */
export function measureKeys(points: SegregationPoint[]): string[] {
  const keys = [...new Set(points.flatMap((p) => Object.keys(measuresOf(p))))];
  return keys.filter((key) =>
    points.some(
      (p) => (measuresOf(p)[key] !== null && measuresOf(p)[key] !== undefined) || reasonOf(p, key) !== undefined,
    ),
  );
}

/** The measure asked for when it is offered, else the headline measure, else the first one. */
export function shownMeasure(keys: string[], wanted: string): string {
  return keys.includes(wanted) ? wanted : (HEADLINE.find((key) => keys.includes(key)) ?? keys[0]);
}

/** A year's value of a measure: a withheld one is `.` with its reason (never 0, never `…`). */
export function measureCell(p: SegregationPoint, key: string): IndexCell {
  return indexCell(measuresOf(p)[key] ?? null, reasonOf(p, key));
}

/** The chart's points: the UI shows D × 100 "Indexpunkte"; the API keeps [0, 1]. */
export function segregationTrend(points: SegregationPoint[], key: string): TrendDatum[] {
  return points.map((p) => {
    const value = measuresOf(p)[key];
    return { year: p.year, [key]: value === null || value === undefined ? null : value * 100 };
  });
}

/** A measure's CSV cell: machines get the raw [0, 1] value; people the Indexpunkte they see. */
export function measureCsvCell(cell: IndexCell, flavour: CsvFlavour): CsvCell {
  if (cell.kind !== "value") return flavour === "en" ? null : SYMBOLS[cell.kind];
  return flavour === "en" ? cell.value : Math.round(cell.value * 1000) / 10;
}

/** The withheld values of the series table, named by measure and year. */
export function segregationSymbols(points: SegregationPoint[], keys: string[]): TableSymbols {
  return tableSymbols(
    points.flatMap((p) =>
      keys.map((key) => ({ column: measureName(key), name: String(p.year), cell: measureCell(p, key) })),
    ),
  );
}

export const CONFIG_LABELS: Record<(typeof INDEX_CONFIGS)[number], MessageKey> = {
  muenster: "sozial.config.muenster",
  "berlin-mss-s1-s4": "sozial.config.berlin-mss-s1-s4",
};

/** A numeric column of the index table and where its value sits in the answer (for Geheimhaltung). */
export interface IndexColumn {
  id: string;
  header: string;
  value: (u: SozialIndexUnit) => number | null;
  path: IndexPath;
  format: (value: number) => string;
  /** Decimals of the CSV for people (`de`); machines get full precision. */
  digits: number;
}

/** The index table's numeric columns: population, status indicators and index, dynamics changes and index. */
export function indexColumns(data: SozialIndexResponse): {
  population: IndexColumn;
  status: IndexColumn[];
  dynamics: IndexColumn[];
} {
  const numeric = (header: string, spec: Omit<IndexColumn, "header" | "format" | "digits">, digits = 1) => ({
    ...spec,
    header,
    digits,
    format: (v: number) => formatDecimal(v, digits),
  });
  // Indicator values in %, their changes in percentage points (names from the configuration), the index numbers.
  const status: IndexColumn[] = [
    ...data.config.indicators.map((indicator) =>
      numeric(t("sozial.indicatorColumn", { title: indicator.title }), {
        id: `value-${indicator.id}`,
        value: (u) => u.values[indicator.id] ?? null,
        path: `values.${indicator.id}`,
      }),
    ),
    numeric(t("sozial.statusIndex"), { id: "statusIndex", value: (u) => u.statusIndex, path: "statusIndex" }, 2),
  ];
  const dynamics: IndexColumn[] = [
    ...(data.previousYear === null
      ? []
      : data.config.dynamics.map((change) => ({
          id: `value-${change.id}`,
          header: change.label,
          value: (u: SozialIndexUnit) => u.values[change.id] ?? null,
          path: `values.${change.id}` as const,
          format: (v: number) => formatSigned(v),
          digits: 1,
        }))),
    numeric(
      t("sozial.dynamicsIndex"),
      { id: "dynamicsIndex", value: (u) => u.dynamicsIndex, path: "dynamicsIndex" },
      2,
    ),
  ];
  const population: IndexColumn = {
    id: "population",
    header: t("sozial.population"),
    value: (u) => u.population,
    path: "population",
    format: formatNumber,
    digits: 0,
  };
  return { population, status, dynamics };
}

/** A Stadtteil's value in an index column, withheld or not. */
export function indexColumnCell(
  suppressed: Record<string, string>,
  spec: IndexColumn,
  unit: SozialIndexUnit,
): IndexCell {
  return indexCell(spec.value(unit), withheldReason(suppressed, unit.stadtteil, spec.path));
}

/** An index cell in the CSV: the symbol for people, nothing for machines when there is no value. */
export function indexCsvCell(cell: IndexCell, flavour: CsvFlavour, digits: number): CsvCell {
  if (cell.kind !== "value") return flavour === "en" ? null : SYMBOLS[cell.kind];
  return flavour === "en" ? cell.value : Number(cell.value.toFixed(digits));
}

/**
 * Highest need first. When Geheimhaltung blanks the index numbers, the status class (first digit of the
 * combined class, "4 -") still orders the Stadtteile.
 */
export function byNeed(units: readonly SozialIndexUnit[]): SozialIndexUnit[] {
  const statusRank = (u: SozialIndexUnit) => Number.parseInt(u.combinedClass ?? "", 10) || 0;
  return [...units].sort(
    (a, b) =>
      (b.statusIndex ?? Number.NEGATIVE_INFINITY) - (a.statusIndex ?? Number.NEGATIVE_INFINITY) ||
      statusRank(b) - statusRank(a),
  );
}

/** The Stadtteile withheld as a whole (`units.<nr>`). */
export function wholeWithheld(units: readonly SozialIndexUnit[], suppressed: Record<string, string>): Set<number> {
  return new Set(units.filter((u) => suppressed[`units.${u.stadtteil}`]).map((u) => u.stadtteil));
}

/** Footnotes: a Stadtteil withheld as a whole once, every other withheld value per column and reason. */
export function indexSymbols(
  units: readonly SozialIndexUnit[],
  suppressed: Record<string, string>,
  columns: readonly IndexColumn[],
): TableSymbols {
  return tableSymbols(
    units.flatMap((u) => {
      const whole = suppressed[`units.${u.stadtteil}`];
      if (whole) return [{ column: t("sozial.allValues"), name: u.name, cell: indexCell(null, whole) }];
      return columns.map((spec) => ({ column: spec.header, name: u.name, cell: indexColumnCell(suppressed, spec, u) }));
    }),
  );
}

/** The map's values: the status or the dynamics index, shown as its class (`.` for a withheld Stadtteil). */
export function indexMapValues(data: SozialIndexResponse, byDynamics: boolean, whole: Set<number>): StadtteilValue[] {
  return data.units.map((u) => ({
    stadtteil: u.stadtteil,
    name: u.name,
    bezirk: u.bezirk,
    value: byDynamics ? u.dynamicsIndex : u.statusIndex,
    display: whole.has(u.stadtteil)
      ? SYMBOLS.suppressed
      : byDynamics
        ? dynamicsClassLabel(u.dynamicsClass)
        : statusClassLabel(u.statusClass),
    category: byDynamics ? u.dynamicsClass : u.statusClass,
  }));
}

/** Every class in its natural order, also when no Stadtteil has it; unclassified ones last. */
function classOrder(canonical: readonly string[], present: readonly string[]): string[] {
  return [...canonical, ...[...new Set(present)].filter((c) => !canonical.includes(c))];
}

/** Stadtteile per status class (rows) and dynamics class (columns). */
export function crossTab(index: Pick<SozialIndexResponse, "units">) {
  const statuses = classOrder(
    ["hoch", "mittel", "niedrig", "sehr niedrig"].map(classLabel),
    index.units.map((u) => statusClassLabel(u.statusClass)),
  );
  const dynamics = classOrder(
    ["positiv", "stabil", "negativ"].map(classLabel),
    index.units.map((u) => dynamicsClassLabel(u.dynamicsClass)),
  );
  const rows = statuses.map((status) => ({
    status,
    counts: dynamics.map(
      (d) =>
        index.units.filter(
          (u) => statusClassLabel(u.statusClass) === status && dynamicsClassLabel(u.dynamicsClass) === d,
        ).length,
    ),
  }));
  return { dynamics, rows };
}
