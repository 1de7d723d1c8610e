import { z } from "zod";

/** Every 4xx/5xx answer: a message in the request's language (plugins/language.ts), optionally with details. */
export const errorSchema = z.object({ error: z.string(), details: z.unknown().optional() });
export type ApiError = z.infer<typeof errorSchema>;

/** Which direction is good: areas compare as better/worse, or for `neutral` as higher/lower. */
export const polaritySchema = z.enum(["higher_is_better", "lower_is_better", "neutral"]);

/** An area against a benchmark (see `indicators/src/benchmark/`). */
export const benchmarkCategorySchema = z.enum(["better", "similar", "worse", "higher", "lower", "not_compared"]);
