import { z } from "zod";

/** A column of an extract as the upload form explains it. */
export const profileColumnSchema = z.object({
  header: z.string(),
  kind: z.enum(["stichtag", "stadtteil", "code", "age", "count"]),
  /** For `code` and `age` columns: the dimension it fills. */
  dimension: z.string().nullable(),
  /** For `code` columns: the canonical codes. */
  codes: z.array(z.string()).nullable(),
  /** For `count` columns: the measure and its label. */
  measure: z.string().nullable(),
  label: z.string().nullable(),
});

export const profileSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  office: z.string(),
  description: z.string(),
  area: z.enum(["stadtteil", "stadt"]),
  period: z.enum(["bestand", "jahr"]),
  columns: z.array(profileColumnSchema),
});

export const profilesResponseSchema = z.object({ profiles: z.array(profileSummarySchema) });

export type ProfileColumn = z.infer<typeof profileColumnSchema>;
export type ProfileSummary = z.infer<typeof profileSummarySchema>;
export type ProfilesResponse = z.infer<typeof profilesResponseSchema>;
