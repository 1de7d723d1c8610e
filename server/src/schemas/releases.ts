import { z } from "zod";

export const releaseSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string().describe("ISO-Zeitpunkt der Veröffentlichung"),
  publishedBy: z.string(),
  catalogueVersion: z.string(),
  computedAt: z.string(),
  revisionCount: z.number().int().describe("Werte, die gegenüber der vorigen Veröffentlichung revidiert wurden"),
});
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

export const releaseListResponseSchema = z.object({
  releases: z.array(releaseSummarySchema),
  /** What the public reads without `?release=`. */
  publicReads: z.union([z.literal("latest"), z.literal("draft")]),
  latest: z.number().int().nullable(),
  /** A release being audited and published right now (its audit takes minutes for a whole city). */
  publishing: z.object({ title: z.string(), publishedBy: z.string(), startedAt: z.string() }).nullable(),
});

export const releaseExtractSchema = z.object({
  id: z.number().int(),
  profile: z.string(),
  profileTitle: z.string(),
  office: z.string(),
  year: z.number().int(),
  stichtag: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
});
export type ReleaseExtractInfo = z.infer<typeof releaseExtractSchema>;

export const releaseDetailSchema = releaseSummarySchema.extend({
  extracts: z.array(releaseExtractSchema),
  districtCount: z.number().int(),
});

export const releaseParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const publishBodySchema = z.object({
  title: z.string().trim().min(3, "Der Titel braucht mindestens 3 Zeichen.").max(200),
  note: z.string().trim().max(1000).optional(),
});

export const publishResponseSchema = z.object({
  id: z.number().int(),
  revisions: z.number().int(),
  audit: z
    .enum(["proven", "audited"])
    .describe("proven: genau die Tabellen, deren Geheimhaltung die Neuberechnung bewiesen hat; audited: neu geprüft"),
  auditMs: z.number(),
});

export const revisionSchema = z.object({
  indicator: z.string(),
  indicatorTitle: z.string(),
  unit: z.string(),
  year: z.number().int(),
  area: z.string(),
  areaName: z.string(),
  breakdown: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  previousRelease: z.number().int(),
  previousTitle: z.string(),
  previousValue: z.number().nullable(),
  value: z.number().nullable(),
  previousStatus: z.string(),
  status: z.string(),
  reason: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const revisionsQuerySchema = z.object({ indicator: z.string().max(100).optional() });
export const revisionsResponseSchema = z.object({ release: z.number().int(), revisions: z.array(revisionSchema) });

export const sourcesResponseSchema = z.object({
  indicator: z.string(),
  /** The release read (0: the current draft). */
  release: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), extracts: z.array(releaseExtractSchema) })),
});
export type SourcesResponse = z.infer<typeof sourcesResponseSchema>;
