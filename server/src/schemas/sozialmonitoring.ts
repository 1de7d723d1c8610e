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
      /** null where undefined, or (public answers) withheld: see `suppressed`. */
      location_quotients: z.record(z.string(), z.number().nullable()),
      local_entropy: z.number().nullable(),
      /** Only on answers to an analyst: this unit has values the public does not see. */
      confidential: z.literal(true).optional(),
    }),
  ),
  /** Why a value is null: measure name, `location_quotients.<group>`, `units.<unit>[.<key>]`; German. */
  undefinedReasons: z.record(z.string(), z.string()),
  /** Share of the population in Stadtteile that entered the computation. */
  coverage: z.number().nullable(),
  /** Stadtteile left out for the year, with the reason. */
  problems: z.array(z.object({ stadtteil: z.string(), name: z.string(), message: z.string() })),
  /**
   * Geheimhaltung: values the public does not see, with the German reason — `units.<unit>.location_quotients.<group>`,
   * `units.<unit>.local_entropy` (a group of 1 or 2 in the Stadtteil, fewer than 10 inhabitants, or hidden so
   * that such a value cannot be recomputed), `P` and two-group measure names (a group of 1 or 2 in the area).
   * Public answers carry null there (reason also in `undefinedReasons`); analysts get the values.
   */
  suppressed: z.record(z.string(), z.string()),
  /** Only on answers to an analyst: some values of this result are not public. */
  confidential: z.literal(true).optional(),
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
      /**
       * Geheimhaltung: the measures of this year and area the public does not see, with the German reason (the
       * measure keys of `suppressed` in the single-year answer, e.g. `isolation` when a group has 1 or 2 members
       * in the area). Public answers carry null there; analysts get the values.
       */
      suppressed: z.record(z.string(), z.string()),
      /** Only on answers to an analyst: some measures of this year and area are not public (see `suppressed`). */
      confidential: z.literal(true).optional(),
    }),
  ),
});

export const indexQuerySchema = z.object({
  year: yearParam.optional(),
  /** Index configuration id: `muenster` (default) or `berlin-mss-s1-s4`. */
  config: z.string().min(1).optional(),
});

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
    /** The catalogue indicators of the status part (ids as in `values` and `z`) with their titles. */
    indicators: z.array(z.object({ id: z.string(), title: z.string() })),
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
  /**
   * Geheimhaltung: what the public does not see, with the German reason — `units.<nr>.values.<id>` (a suppressed
   * indicator value or change), `z.<id>` (the whole z column of such an indicator), `statusIndex` /
   * `dynamicsIndex` (the index numbers of every Stadtteil; classes stay public), `units.<nr>` (a Stadtteil under
   * 10 inhabitants). Public answers carry null there; analysts get the values.
   */
  suppressed: z.record(z.string(), z.string()),
  /** Only on answers to an analyst: some values are not public (see `suppressed`). */
  confidential: z.literal(true).optional(),
});

export type SegregationResponse = z.infer<typeof segregationResponseSchema>;
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
export type IndexResponse = z.infer<typeof indexResponseSchema>;
