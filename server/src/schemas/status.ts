import { z } from "zod";

/** Whether the stored results belong to the stored data (see server/src/services/results.ts). */
export const statusResponseSchema = z.object({
  /** How often the data changed (imports, district lists). */
  dataGeneration: z.number().int(),
  /** The data generation the served results were computed from; null before the first computation. */
  resultsGeneration: z.number().int().nullable(),
  upToDate: z.boolean(),
  recomputing: z.boolean(),
  computedAt: z.string().nullable(),
  /** For people: what the numbers on the page are. */
  message: z.string(),
});

export type StatusResponse = z.infer<typeof statusResponseSchema>;
