import { setImmediate as yieldToReaders } from "node:timers/promises";
import type { IndicatorMeta } from "@im/indicators";
import type { AppContext } from "../../context.ts";
import { DRAFT, readMeta } from "../../repositories/indicator-values.ts";
import type { ValueRow, ValuesResponse } from "../../schemas/indicators.ts";
import {
  findMeta,
  indicatorValues,
  type ReadContext,
  readContext,
  SECRET,
  type ValuesRequest,
} from "../indicator-reads.ts";

/** Who asks and which state: the public sees suppressed values as „.“, analysts the true ones, marked. */
export interface ExportOptions {
  analyst: boolean;
  /** What is read: the draft (0) or a published release, as the route decided (plugins/release-choice.ts). */
  release: number;
}

export interface IndicatorExport {
  meta: IndicatorMeta;
  fieldTitle: string;
  response: ValuesResponse;
  /** breakdown id → label, as in the CSV's column „Aufschlüsselung“. */
  breakdownLabels: Map<string, string>;
}

export interface ExportData {
  read: ReadContext;
  catalogueTitle: string;
  /** Version of the catalogue the stored values were computed with. */
  version: string;
  /** Latest year with a value in the export; null when there is none. */
  latestYear: number | null;
  createdAt: Date;
  options: ExportOptions;
  indicators: IndicatorExport[];
}

/** Status words of a row, the same as the CSV for people writes (routes/indicators/csv.ts). */
export const STATUS_LABELS: Record<ValueRow["status"], string> = {
  ok: "",
  suppressed: "gesperrt",
  missing: "keine Daten",
  withheld: "Wert zurückgehalten",
  denominator_zero: "Nenner 0",
  band_split: "Altersgruppe nicht abgrenzbar",
};

export const NOT_FOR_PUBLICATION = "vertraulich – nicht zur Veröffentlichung";

/** The status cell: an analyst's true value of a suppressed row is marked as not for publication. */
export function statusText(row: ValueRow): string {
  return row.confidential ? NOT_FOR_PUBLICATION : STATUS_LABELS[row.status];
}

/** The release in words, for the metadata sheet and LIESMICH.txt. */
export const releaseText = (release: number) =>
  release === DRAFT ? "Entwurf (nicht veröffentlicht)" : `Veröffentlichung Nr. ${release}`;

/** The symbol legend of every export, as the CSV and the dashboard explain their symbols. */
export const SYMBOL_LEGEND: [symbol: string, meaning: string][] = [
  [
    ".",
    `${SECRET}: Werte mit sehr kleinen Fallzahlen und Werte, aus denen sie sich errechnen ließen, werden zum Schutz der Betroffenen nicht veröffentlicht.`,
  ],
  [
    "(leer)",
    "Kein Wert; die Spalte „Status“ nennt den Grund: keine Daten, Nenner 0, Wert zurückgehalten, Altersgruppe nicht abgrenzbar.",
  ],
];

/**
 * The values of the catalogue's indicators (or of one, with its filters) as the values route answers them,
 * so suppression and footnotes are decided in one place. Indicators without any value are left out.
 */
export async function collectExport(
  context: AppContext,
  options: ExportOptions,
  only?: ValuesRequest,
): Promise<ExportData> {
  const read = await readContext(context, options.release);
  const { catalogue } = read;
  const fieldTitles = new Map(catalogue.catalogue.fields.map((f) => [f.id, f.title]));
  const metas = only ? [findMeta(read, only.id)] : catalogue.list.filter((m) => read.coverage.has(m.id));
  const indicators: IndicatorExport[] = [];
  for (const meta of metas) {
    // Each read runs synchronously in SQLite; between them other requests get their turn.
    await yieldToReaders();
    const response = await indicatorValues(context.database, read, only ?? { id: meta.id }, options.analyst);
    indicators.push({
      meta,
      fieldTitle: fieldTitles.get(meta.field) ?? meta.field,
      response,
      breakdownLabels: new Map((catalogue.breakdowns.get(meta.id) ?? []).map((b) => [b.id, b.label])),
    });
  }
  const years = indicators.flatMap((i) => i.response.rows.map((r) => r.year));
  return {
    read,
    catalogueTitle: catalogue.catalogue.title ?? "Indikatorenkatalog",
    version:
      options.release === DRAFT
        ? ((await readMeta(context.database.db, "catalogue_version")) ?? catalogue.catalogue.version)
        : catalogue.catalogue.version,
    latestYear: years.length ? years.reduce((a, b) => Math.max(a, b)) : null,
    createdAt: new Date(),
    options,
    indicators,
  };
}
