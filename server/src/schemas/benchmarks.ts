import { z } from "zod";
import { benchmarkCategorySchema, polaritySchema } from "./common.ts";
import { fieldTranslationsSchema, indicatorTranslationsSchema } from "./indicators.ts";

export const benchmarksQuerySchema = z.object({
  /** A Handlungsfeld id from the catalogue. */
  field: z.string().min(1, "Bitte ein Handlungsfeld angeben (field)."),
  /** Default: each indicator's latest year. */
  year: z.coerce.number().int().optional(),
});

/** All Stadtteile and Bezirke against the city, for every indicator of one Handlungsfeld (Fingertips' area table). */
export const benchmarksResponseSchema = z.object({
  field: z.object({ id: z.string(), title: z.string(), translations: fieldTranslationsSchema }),
  method: z.string(),
  indicators: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      shortTitle: z.string(),
      translations: indicatorTranslationsSchema,
      unit: z.enum(["%", "‰"]),
      polarity: polaritySchema,
      /** The year compared; null when the indicator has no values (for the year asked). */
      year: z.number().int().nullable(),
      city: z.number().nullable(),
    }),
  ),
  areas: z.array(
    z.object({
      area: z.string(),
      name: z.string(),
      kind: z.enum(["bezirk", "stadtteil"]),
      /** Per indicator, in the order of `indicators`. */
      cells: z.array(
        z.object({
          value: z.number().nullable(),
          /** `suppressed` is „.“ for the public; `confidential` marks analysts' true values. */
          status: z.string(),
          confidential: z.literal(true).optional(),
          category: benchmarkCategorySchema,
        }),
      ),
    }),
  ),
});

export type BenchmarksResponse = z.infer<typeof benchmarksResponseSchema>;
