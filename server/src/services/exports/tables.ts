import { setImmediate as yieldToReaders } from "node:timers/promises";
import { profiles } from "@im/data-import";
import { catalogueIndexConfigs, sozialmonitoringComparisons } from "@im/indicators";
import type { AppContext } from "../../context.ts";
import { neutraliseFormula } from "../../routes/indicators/csv.ts";
import type { IndexResponse, SegregationResponse } from "../../schemas/sozialmonitoring.ts";
import { RequestProblem } from "../replies.ts";
import { indexFor, segregationResults } from "../sozialmonitoring-reads.ts";
import { type ExportData, NOT_FOR_PUBLICATION, releaseText, symbolLegend } from "./collect.ts";

type Cell = string | number | null;

/** German spreadsheet CSV (BOM, `;`, decimal comma), every text cell through the formula guard. */
export function germanCsv(rows: Cell[][], digits = 4): string {
  const field = (cell: Cell) => {
    if (cell === null) return "";
    const text =
      typeof cell === "number"
        ? String(Number.isInteger(cell) ? cell : Number(cell.toFixed(digits))).replace(".", ",")
        : neutraliseFormula(cell);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(";")).join("\r\n")}\r\n`;
}

/** A withheld number shows `.` as in the indicator tables; an undefined one stays empty. */
const shown = (value: number | null | undefined, secret: boolean): Cell =>
  value === null || value === undefined ? (secret ? "." : null) : value;

/** The measures' German names, as the dashboard shows them (web/src/i18n/de.ts, „measure.*“). */
const MEASURE_LABELS: Record<string, string> = {
  dissimilarity: "Segregationsindex (D)",
  dissimilarity_total: "Segregationsindex gegenüber der Gesamtbevölkerung",
  gini: "Gini-Segregationsindex",
  entropy: "Theil-Informationsindex (H)",
  atkinson: "Atkinson-Index",
  isolation: "Isolationsindex (xPx)",
  exposure: "Kontaktindex (xPy)",
  exposure_other: "Kontaktindex der Vergleichsgruppe (yPx)",
  isolation_other: "Isolationsindex der Vergleichsgruppe (yPy)",
  eta2: "Korrelationsverhältnis (η²)",
  dissimilarity_multi: "Dissimilarität, mehrere Gruppen",
  gini_multi: "Gini-Index, mehrere Gruppen",
  entropy_multi: "Theil-Index, mehrere Gruppen (H)",
  mutual_information: "Mutual-Information-Index (M)",
  normalized_exposure: "Normierte Exposition (P)",
  relative_diversity: "Relative Diversität (R)",
  squared_variation: "Quadrierter Variationskoeffizient (C)",
  diversity: "Diversität der Stadt (E)",
  diversity_normalized: "Normierte Diversität der Stadt",
  simpson_interaction: "Simpson-Interaktionsindex",
  P: "Anteil der Fokusgruppe (P)",
};

/** Segregation measures, one line per comparison, year, area and measure (long format). */
export function segregationCsv(response: SegregationResponse, analyst: boolean): string {
  // Every shipped comparison's name, whichever city's results these are.
  const labels = new Map(sozialmonitoringComparisons(profiles).map((c) => [c.id, c.label]));
  const rows: Cell[][] = [["Vergleich", "Jahr", "Gebiet", "Maß", "Kennung", "Wert", "Status", "Erläuterung"]];
  for (const r of response.results) {
    const measures = { ...r.measures, ...(r.multigroup ?? {}), P: r.P };
    for (const [measure, value] of Object.entries(measures)) {
      const secret = measure in r.suppressed;
      rows.push([
        labels.get(r.comparison) ?? r.comparison,
        r.year,
        r.area === "stadt" ? "Gesamtstadt" : r.area.replace(/^bezirk:/, "Stadtbezirk "),
        MEASURE_LABELS[measure] ?? measure,
        measure,
        shown(value, secret),
        secret ? (analyst ? NOT_FOR_PUBLICATION : "gesperrt") : "",
        value === null && !secret ? (r.undefinedReasons[measure] ?? "") : secret ? r.suppressed[measure] : "",
      ]);
    }
  }
  return germanCsv(rows);
}

/** Status and dynamics index of one configuration, one line per year and Stadtteil. */
export function indexCsv(results: IndexResponse[], analyst: boolean): string {
  const first = results[0];
  const indicators = first?.config.indicators ?? [];
  const rows: Cell[][] = [
    [
      "Jahr",
      "Nr.",
      "Stadtteil",
      "Stadtbezirk",
      "Einwohner",
      ...indicators.map((i) => i.title),
      "Statusindex",
      "Statusklasse",
      "Dynamikindex",
      "Dynamikklasse",
      "Gesamtklasse",
      "Hinweise",
    ],
  ];
  for (const result of results) {
    const secret = (key: string) => key in result.suppressed;
    for (const u of result.units) {
      const whole = secret(`units.${u.stadtteil}`);
      const marked = analyst && (u.confidential?.length ?? 0) > 0;
      rows.push([
        result.year,
        u.stadtteil,
        u.name,
        u.bezirk,
        shown(u.population, whole),
        ...indicators.map((i) =>
          shown(u.values[i.id], whole || secret(`units.${u.stadtteil}.values.${i.id}`) || secret(`z.${i.id}`)),
        ),
        shown(u.statusIndex, whole || secret("statusIndex")),
        u.statusClass,
        shown(u.dynamicsIndex, whole || secret("dynamicsIndex")),
        u.dynamicsClass,
        u.combinedClass,
        [...u.notes, ...(marked ? [NOT_FOR_PUBLICATION] : [])].join(" "),
      ]);
    }
  }
  return germanCsv(rows);
}

/** Every stored index of every configuration, oldest year first; years without an index are skipped. */
export async function allIndexResults(
  context: AppContext,
  release: number,
  years: readonly number[],
  analyst: boolean,
): Promise<Map<string, IndexResponse[]>> {
  const byConfig = new Map<string, IndexResponse[]>();
  for (const config of catalogueIndexConfigs) {
    const results: IndexResponse[] = [];
    for (const year of years) {
      await yieldToReaders();
      try {
        results.push(await indexFor(context, { release, year, config: config.id }, analyst));
      } catch (error) {
        // 400: no index for this year, 404: none at all; both mean „nothing to export“.
        if (!(error instanceof RequestProblem)) throw error;
      }
    }
    if (results.length) byConfig.set(config.id, results);
  }
  return byConfig;
}

/** Every segregation result, read year by year so the parsing of the stored results never holds readers up long. */
export async function allSegregation(
  context: AppContext,
  release: number,
  years: readonly number[],
  analyst: boolean,
): Promise<SegregationResponse> {
  const results: SegregationResponse["results"] = [];
  for (const year of years) {
    await yieldToReaders();
    try {
      results.push(...(await segregationResults(context, { release, year }, analyst)).results);
    } catch (error) {
      // 400: no segregation results for this year.
      if (!(error instanceof RequestProblem)) throw error;
    }
  }
  return { results };
}

const germanDate = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" });

/** LIESMICH.txt of the archive: what is in it, the sources, the symbol legend and the Impressum. */
export function readmeText(data: ExportData, files: readonly string[]): string {
  const confidential = data.indicators.some((i) => i.response.rows.some((r) => r.confidential));
  const sources = [...new Set(data.indicators.map((i) => i.meta.source))].sort((a, b) => a.localeCompare(b, "de"));
  const lines = [
    data.catalogueTitle,
    "=".repeat(Math.min(data.catalogueTitle.length, 78)),
    "",
    ...(confidential
      ? [`${NOT_FOR_PUBLICATION.toUpperCase()}: Dieses Archiv enthält gesperrte Werte für den Dienstgebrauch.`, ""]
      : []),
    `Stand: ${data.latestYear === null ? "keine Daten" : `Daten bis ${data.latestYear}`}`,
    `Erstellt am: ${germanDate.format(data.createdAt)}`,
    `Katalogversion: ${data.version}`,
    `Stand der Werte: ${releaseText(data.options.release)}`,
    "",
    "Inhalt",
    "------",
    ...files.map((f) => `- ${f}`),
    "",
    "Die CSV-Dateien unter csv/de/ sind für Tabellenkalkulationen mit deutschen Einstellungen (Semikolon,",
    "Dezimalkomma, UTF-8 mit BOM), die unter csv/en/ für Programme (Komma, Dezimalpunkt, volle Genauigkeit).",
    "Zellen, die eine Tabellenkalkulation als Formel lesen würde (=, +, -, @), beginnen mit einem Apostroph.",
    "",
    "Zeichenerklärung",
    "----------------",
    ...symbolLegend().map(([symbol, meaning]) => `${symbol}  ${meaning}`),
    "",
    "Quellen",
    "-------",
    ...sources.map((s) => `- ${s}`),
    "",
    "Impressum",
    "---------",
    "Erstellt mit Integrationsmonitor (freie Software) aus den Datenlieferungen der genannten Stellen.",
    "Definitionen, Quellen und Hinweise je Indikator stehen im Blatt „Metadaten“ der XLSX-Datei.",
    "",
  ];
  return lines.join("\r\n");
}
