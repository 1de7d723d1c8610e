import { setImmediate as yieldToReaders } from "node:timers/promises";
import type { IndicatorMeta } from "@im/indicators";
import type { AppContext } from "../../context.ts";
import { type Language, type Translate, translate, translator } from "../../i18n/index.ts";
import { DRAFT, readMeta } from "../../repositories/indicator-values.ts";
import type { ValueRow, ValuesResponse } from "../../schemas/indicators.ts";
import { translated } from "../catalogue-language.ts";
import { findMeta, indicatorValues, type ReadContext, readContext, type ValuesRequest } from "../indicator-reads.ts";

/** Who asks and which state: the public sees suppressed values as „.“, analysts the true ones, marked. */
export interface ExportOptions {
  analyst: boolean;
  /** What is read: the draft (0) or a published release, as the route decided (plugins/release-choice.ts). */
  release: number;
  /** The language of names, labels and the workbook's texts; German without it (the ZIP archive). */
  language?: Language;
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
  /** The texts of the export's language. */
  say: Translate;
}

const GERMAN = translator("de");

export const NOT_FOR_PUBLICATION = translate("de", "export.notForPublication");

/**
 * The status cell, in the words the CSV for people writes (routes/indicators/csv.ts): an analyst's true value
 * of a suppressed row is marked as not for publication.
 */
export function statusText(row: ValueRow, say: Translate = GERMAN): string {
  if (row.confidential) return say("export.notForPublication");
  return row.status === "ok" ? "" : say(`export.status.${row.status}`);
}

/** The release in words, for the metadata sheet and LIESMICH.txt. */
export const releaseText = (release: number, say: Translate = GERMAN) =>
  release === DRAFT ? say("export.release.draft") : say("export.release.number", { release: String(release) });

/** The symbol legend of every export, as the CSV and the dashboard explain their symbols. */
export const symbolLegend = (say: Translate = GERMAN): [symbol: string, meaning: string][] => [
  [say("symbol.secret"), say("export.legend.secret")],
  [say("export.legend.emptySymbol"), say("export.legend.empty")],
];

/** An indicator's title, definition and notes in `language` where the catalogue translates them. */
function metaIn(meta: IndicatorMeta, language: Language): IndicatorMeta {
  const texts = language === "de" ? undefined : meta.translations?.[language];
  if (!texts) return meta;
  return {
    ...meta,
    title: texts.title,
    shortTitle: texts.shortTitle ?? meta.shortTitle,
    definition: texts.definition ?? meta.definition,
    notes: texts.notes ?? meta.notes,
    numeratorLabel: texts.numeratorLabel ?? meta.numeratorLabel,
    denominatorLabel: texts.denominatorLabel ?? meta.denominatorLabel,
    source: texts.source ?? meta.source,
    migrationDefinition: texts.migrationDefinition ?? meta.migrationDefinition,
  };
}

/**
 * The values of the catalogue's indicators (or of one, with its filters) as the values route answers them,
 * so suppression and footnotes are decided in one place. Indicators without any value are left out.
 */
export async function collectExport(
  context: AppContext,
  options: ExportOptions,
  only?: ValuesRequest,
): Promise<ExportData> {
  const language = options.language ?? "de";
  const read = await readContext(context, options.release, language);
  const { catalogue } = read;
  const fieldTitles = new Map(
    catalogue.catalogue.fields.map((f) => [f.id, translated(f, "title", language) ?? f.title]),
  );
  const metas = only ? [findMeta(read, only.id)] : catalogue.list.filter((m) => read.coverage.has(m.id));
  const indicators: IndicatorExport[] = [];
  for (const meta of metas) {
    // Each read runs synchronously in SQLite; between them other requests get their turn.
    await yieldToReaders();
    const response = await indicatorValues(context.database, read, only ?? { id: meta.id }, options.analyst);
    indicators.push({
      meta: metaIn(meta, language),
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
    say: translator(language),
  };
}
