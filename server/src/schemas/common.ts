import { z } from "zod";

/** Every 4xx/5xx answer: a German message, optionally with details. */
export const errorSchema = z.object({ error: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof errorSchema>;
