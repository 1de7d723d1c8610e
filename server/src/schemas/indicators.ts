import { z } from "zod";
import { benchmarkCategorySchema, polaritySchema } from "./common.ts";

export const valueStatusSchema = z.enum(["ok", "suppressed", "missing", "withheld", "denominator_zero", "band_split"]);

const groupRefSchema = z.object({ id: z.string(), label: z.string() });

export const indicatorTextsSchema = z.object({
  title: z.string(),
  shortTitle: z.string().optional(),
  definition: z.string().optional(),
  notes: z.array(z.string()).optional(),
  numeratorLabel: z.string().optional(),
  denominatorLabel: z.string().optional(),
  source: z.string().optional(),
  migrationDefinition: z.string().optional(),
  comparabilityNote: z.string().optional(),
});

/** An indicator's texts in other languages (the dashboard shows them instead of the German ones). */
export const indicatorTranslationsSchema = z
  .object({ nl: indicatorTextsSchema.optional(), en: indicatorTextsSchema.optional() })
  .optional();

/** A Handlungsfeld's title in other languages. */
export const fieldTranslationsSchema = z
  .object({ nl: z.object({ title: z.string() }).optional(), en: z.object({ title: z.string() }).optional() })
  .optional();

export const indicatorMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  field: z.string(),
  unit: z.enum(["%", "‰"]),
  polarity: polaritySchema,
  definition: z.string(),
  numeratorLabel: z.string(),
  denominatorLabel: z.string(),
  source: z.string(),
  migrationDefinition: z.string(),
  comparison: z.object({ id: z.string(), groups: z.array(groupRefSchema) }).nullable(),
  breakdowns: z.array(z.string()),
  notes: z.array(z.string()),
  seriesBreaks: z.array(z.object({ year: z.number().int(), note: z.string() })),
  /** Values only in survey (election) years: the years between are not missing values. */
  surveyYearsOnly: z.literal(true).optional(),
  /** Title, short title, definition and notes in other languages, where the catalogue has them. */
  translations: z.object({ nl: indicatorTextsSchema.optional(), en: indicatorTextsSchema.optional() }).optional(),
});

export const indicatorListResponseSchema = z.object({
  /** Version of the catalogue the stored values were computed with. */
  version: z.string(),
  fields: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      translations: fieldTranslationsSchema,
    }),
  ),
  indicators: z.array(indicatorMetaSchema),
});

export const indicatorParamsSchema = z.object({ id: z.string().min(1) });

export const indicatorDetailResponseSchema = z.object({
  indicator: indicatorMetaSchema,
  /** Years with at least one computed value. */
  years: z.array(z.number().int()),
  areas: z.array(z.string()),
  breakdowns: z.array(z.object({ id: z.string(), label: z.string(), groups: z.array(groupRefSchema) })),
});

const yearParam = z.coerce
  .number({ error: "muss eine Jahreszahl sein" })
  .int({ error: "muss eine ganze Jahreszahl sein" })
  .min(1900, { error: "muss eine Jahreszahl sein" })
  .max(2200, { error: "muss eine Jahreszahl sein" });

export const valuesQuerySchema = z.object({
  year: yearParam.optional(),
  /** `stadt`, `bezirk:<name>` or a Stadtteil number. */
  area: z.string().min(1).optional(),
  breakdown: z.string().min(1).optional(),
  format: z.enum(["json", "csv"], { error: "erlaubt sind „json“ und „csv“" }).default("json"),
  /** CSV only: `de` for spreadsheets (`;`, decimal comma, BOM), `en` for programs (`,`, decimal point). */
  flavour: z.enum(["de", "en"], { error: "erlaubt sind „de“ und „en“" }).default("de"),
  /**
   * The language of names, footnotes and the people's CSV (headers, status words, symbols; `en` also with `,`
   * and decimal point). Read for every request by plugins/language.ts: without it `Accept-Language`, else the
   * city's language.
   */
  lang: z.enum(["de", "nl", "en"], { error: "erlaubt sind „de“, „nl“ und „en“" }).optional(),
});

export const valueRowSchema = z.object({
  year: z.number().int(),
  area: z.string(),
  areaName: z.string(),
  breakdown: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** In the indicator's unit: 22.4 for 22.4 %. */
  value: z.number().nullable(),
  status: valueStatusSchema,
  statusDetail: z.string().nullable(),
  /** Only on answers to an analyst: this value must not be published. */
  confidential: z.boolean().optional(),
});

export const valuesResponseSchema = z.object({ rows: z.array(valueRowSchema), footnotes: z.array(z.string()) });

export const areaQuerySchema = z.object({ area: z.string().min(1).default("stadt") });

const trendSchema = z.enum(["widened", "narrowed", "unchanged"]).nullable();

export const gapsResponseSchema = z.object({
  /** The comparison grouping, null when the indicator compares no groups (then `rows` is empty). */
  comparison: z.object({ id: z.string(), groups: z.array(groupRefSchema) }).nullable(),
  rows: z.array(
    z.object({
      year: z.number().int(),
      groups: z.record(z.string(), z.number().nullable()),
      /** First − second group, in points of the unit. */
      gap: z.number().nullable(),
      ratio: z.number().nullable(),
      previousYear: z.number().int().nullable(),
      gapChangeVsPrevious: z.number().nullable(),
      gapChangeVsFirst: z.number().nullable(),
      trend: trendSchema,
      trendVsFirst: trendSchema,
      /** Analysts only: computed from a value withheld from the public (not for publication). */
      confidential: z.literal(true).optional(),
    }),
  ),
});

const seriesPointSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  status: valueStatusSchema,
  confidential: z.boolean().optional(),
});

export const overviewResponseSchema = z.object({
  /** Latest year with data over all cards; null before the first import. */
  year: z.number().int().nullable(),
  /** How the benchmarks are decided, in German; with the benchmarks of an area other than the city. */
  benchmarkMethod: z.string().optional(),
  cards: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      shortTitle: z.string(),
      translations: indicatorTranslationsSchema,
      field: z.string(),
      unit: z.enum(["%", "‰"]),
      latest: seriesPointSchema.nullable(),
      series: z.array(seriesPointSchema),
      /**
       * The latest value against the city (and, for a Stadtteil, its Bezirk) in the same year: better, similar
       * or worse by the 95 % Wilson interval (see `benchmarkMethod`); absent for the city itself.
       */
      benchmarks: z
        .array(
          z.object({
            against: z.string(),
            againstName: z.string(),
            year: z.number().int(),
            category: benchmarkCategorySchema,
            value: z.number().nullable(),
          }),
        )
        .optional(),
      comparison: z
        .object({
          year: z.number().int(),
          groups: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              value: z.number().nullable(),
              /** `suppressed` is shown as „.“, not as missing. */
              status: valueStatusSchema,
              confidential: z.literal(true).optional(),
            }),
          ),
          gap: z.number().nullable(),
          trend: trendSchema,
        })
        .nullable(),
    }),
  ),
});

export type IndicatorMetaResponse = z.infer<typeof indicatorMetaSchema>;
export type ValueRow = z.infer<typeof valueRowSchema>;
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;
export type GapsResponse = z.infer<typeof gapsResponseSchema>;
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;
