import { z } from "zod";

const yearParam = z.coerce
  .number({ error: "muss eine Jahreszahl sein" })
  .int({ error: "muss eine ganze Jahreszahl sein" })
  .min(1900, { error: "muss eine Jahreszahl sein" })
  .max(2200, { error: "muss eine Jahreszahl sein" });

const groupRefSchema = z.object({ id: z.string(), label: z.string() });
/** Values on [0, 1] (mutual information in nats); null where undefined, the reason is in `undefinedReasons`. */
const measuresSchema = z.record(z.string(), z.number().nullable());

export const comparisonsResponseSchema = z.object({
  comparisons: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(["two-group", "multigroup"]),
      focal: z.string().nullable(),
      groups: z.array(groupRefSchema),
      /** The reference population in words. */
      reference: z.string(),
    }),
  ),
});

export const segregationQuerySchema = z.object({
  year: yearParam.optional(),
  comparison: z.string().min(1).optional(),
  /** `stadt` or `bezirk:<name>`. */
  area: z.string().min(1).optional(),
});

export const segregationResultSchema = z.object({
  comparison: z.string(),
  year: z.number().int(),
  area: z.string(),
  kind: z.enum(["two-group", "multigroup"]),
  reference: z.string(),
  groups: z.array(groupRefSchema),
  focal: z.string().nullable(),
  /** City-wide (area-wide) share of the focal group. */
  P: z.number().nullable(),
  atkinsonB: z.number(),
  measures: measuresSchema,
  /** Multigroup measures; null for two-group comparisons (with two groups they equal the two-group ones). */
  multigroup: measuresSchema.nullable(),
  units: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      population: z.number(),
      location_quotients: z.record(z.string(), z.number().nullable()),
      local_entropy: z.number().nullable(),
    }),
  ),
  undefinedReasons: z.record(z.string(), z.string()),
  /** Share of the population in Stadtteile that entered the computation. */
  coverage: z.number().nullable(),
  /** Stadtteile left out for the year, with the reason. */
  problems: z.array(z.object({ stadtteil: z.string(), name: z.string(), message: z.string() })),
});

export const segregationResponseSchema = z.object({ results: z.array(segregationResultSchema) });

export const seriesQuerySchema = z.object({
  comparison: z.string({ error: "Bitte einen Vergleich angeben (comparison=…)" }).min(1),
  area: z.string().min(1).optional(),
});

export const seriesResponseSchema = z.object({
  comparison: z.string(),
  series: z.array(
    z.object({
      year: z.number().int(),
      area: z.string(),
      measures: measuresSchema,
      multigroup: measuresSchema.nullable(),
      coverage: z.number().nullable(),
    }),
  ),
});

export const indexQuerySchema = z.object({ year: yearParam.optional() });

export const indexResponseSchema = z.object({
  year: z.number().int(),
  /** The year the dynamics compare with; null when it has no data. */
  previousYear: z.number().int().nullable(),
  config: z.object({
    id: z.string(),
    name: z.string(),
    minPopulation: z.number().nullable(),
    status: z.array(groupRefSchema),
    dynamics: z.array(groupRefSchema),
  }),
  units: z.array(
    z.object({
      stadtteil: z.number().int(),
      name: z.string(),
      bezirk: z.string(),
      population: z.number().nullable(),
      /** Indicator values in % and their changes in percentage points; null where suppressed for the public. */
      values: z.record(z.string(), z.number().nullable()),
      z: z.record(z.string(), z.number().nullable()),
      statusIndex: z.number().nullable(),
      statusClass: z.string().nullable(),
      dynamicsIndex: z.number().nullable(),
      dynamicsClass: z.string().nullable(),
      combinedClass: z.string().nullable(),
      notes: z.array(z.string()),
      /** Only on answers to an analyst: ids of values that must not be published. */
      confidential: z.array(z.string()).optional(),
    }),
  ),
  excluded: z.array(z.object({ stadtteil: z.number().int(), name: z.string(), reason: z.string() })),
  problems: z.array(z.string()),
});

export type SegregationResponse = z.infer<typeof segregationResponseSchema>;
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
export type IndexResponse = z.infer<typeof indexResponseSchema>;
