// In-test data for the report: three Handlungsfelder, a compared and an uncompared indicator, suppressed values.
import type {
  CatalogueResponse,
  IndicatorMeta,
  OverviewCard,
  OverviewResponse,
  SeriesPoint,
  ValueRow,
  ValueStatus,
} from "../../api/types.ts";

function meta(id: string, field: string, title: string, extra: Partial<IndicatorMeta> = {}): IndicatorMeta {
  return {
    id,
    title,
    shortTitle: title,
    field,
    unit: "%",
    polarity: "neutral",
    definition: `Definition von ${title}.`,
    numeratorLabel: "Zähler",
    denominatorLabel: "Nenner",
    source: `Quelle von ${title}`,
    migrationDefinition: "",
    comparison: null,
    breakdowns: [],
    notes: [],
    seriesBreaks: [],
    ...extra,
  };
}

const MIGRATION = {
  id: "migration",
  groups: [
    { id: "mit", label: "mit Migrationsvorgeschichte" },
    { id: "ohne", label: "ohne Migrationsvorgeschichte" },
  ],
};

export const catalogue: CatalogueResponse = {
  version: "2026.1",
  fields: [
    { id: "GD", title: "Grunddaten (Kontext)" },
    { id: "RI", title: "Rechtliche Integrationsbegleitung" },
    { id: "BS", title: "Bildung und Sprache" },
  ],
  indicators: [
    meta("anteil_mv", "GD", "Bevölkerung mit Migrationsvorgeschichte", {
      seriesBreaks: [{ year: 2022, note: "Umstellung auf den Zensus 2022." }],
    }),
    meta("zuzuege", "GD", "Zuzüge aus dem Ausland"),
    meta("sgb2", "RI", "SGB-II-Quote", {
      comparison: MIGRATION,
      migrationDefinition: "Migrationsvorgeschichte nach Melderegister",
    }),
    meta("kita", "BS", "Kita-Quote", { comparison: MIGRATION }),
  ],
};

const YEARS = [2021, 2022, 2023, 2024, 2025];

function series(values: (number | null)[], statuses: Partial<Record<number, ValueStatus>> = {}): SeriesPoint[] {
  return YEARS.map((year, index) => ({ year, value: values[index], status: statuses[year] ?? "ok" }));
}

function card(id: string, field: string, points: SeriesPoint[], comparison: OverviewCard["comparison"] = null) {
  const latest = points[points.length - 1];
  return { id, title: id, shortTitle: id, field, unit: "%" as const, latest, series: points, comparison };
}

export const overview: OverviewResponse = {
  year: 2025,
  cards: [
    card("anteil_mv", "GD", series([30.1, 31.2, 32.4, null, 34.9], { 2024: "suppressed" })),
    card("sgb2", "RI", series([14.2, 13.9, 13.1, 12.8, 12.3]), {
      year: 2025,
      groups: [
        { id: "mit", label: "mit Migrationsvorgeschichte", value: 21.4, status: "ok" },
        { id: "ohne", label: "ohne Migrationsvorgeschichte", value: 6.2, status: "ok" },
      ],
      gap: 15.2,
      trend: "narrowed",
    }),
    card("kita", "BS", series([90, 91, 92, 93, 94])),
  ],
};

export function valueRow(
  year: number,
  breakdown: string,
  group: string,
  value: number | null,
  status: ValueStatus = "ok",
): ValueRow {
  return {
    year,
    area: "stadt",
    areaName: "Gesamtstadt",
    breakdown,
    group,
    groupLabel:
      group === "mit" ? "mit Migrationsvorgeschichte" : group === "ohne" ? "ohne Migrationsvorgeschichte" : "Insgesamt",
    numerator: value === null ? null : value * 10,
    denominator: value === null ? null : 1000,
    value,
    status,
    statusDetail: null,
  };
}

/** Values answers by indicator (the breakdown each one is asked with). */
export const values: Record<string, { rows: ValueRow[]; footnotes: string[] }> = {
  anteil_mv: {
    rows: [
      valueRow(2021, "gesamt", "gesamt", 30.1),
      valueRow(2022, "gesamt", "gesamt", 31.2),
      valueRow(2023, "gesamt", "gesamt", 32.4),
      valueRow(2024, "gesamt", "gesamt", null, "suppressed"),
      valueRow(2025, "gesamt", "gesamt", 34.9),
    ],
    footnotes: ["Zeitreihenbruch 2022: Umstellung auf den Zensus 2022."],
  },
  sgb2: {
    rows: [
      valueRow(2021, "migration", "mit", 25.0),
      valueRow(2021, "migration", "ohne", 7.0),
      valueRow(2022, "migration", "mit", 24.0),
      valueRow(2022, "migration", "ohne", 6.9),
      valueRow(2023, "migration", "mit", 22.5),
      valueRow(2023, "migration", "ohne", 6.5),
      valueRow(2024, "migration", "mit", null, "suppressed"),
      valueRow(2024, "migration", "ohne", 6.4),
      valueRow(2025, "migration", "mit", 21.4),
      valueRow(2025, "migration", "ohne", 6.2),
    ],
    footnotes: [],
  },
  kita: { rows: [], footnotes: [] },
};
