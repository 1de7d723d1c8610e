import { z } from "zod";

const periodSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** The series break the period starts at (only later years are comparable), or null. */
  afterBreak: z.number().int().nullable(),
});

/** One term (short: last five years; long: since the base year) of one indicator of a goal. */
export const assessmentSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("assessed"),
    term: z.enum(["short", "long"]),
    period: periodSchema,
    category: z.enum([
      "target_reached",
      "significant_progress",
      "moderate_progress",
      "insufficient_progress",
      "moderate_movement_away",
      "movement_away",
    ]),
    /** German, e.g. „mäßiger Fortschritt“. */
    label: z.string(),
    startValue: z.number(),
    endValue: z.number(),
    /** Compound annual growth rate of the period (0.018 = 1.8 % per year). */
    actualRate: z.number().nullable(),
    requiredRate: z.number().nullable(),
    /** actualRate / requiredRate (with a target). */
    ratio: z.number().nullable(),
    text: z.string(),
  }),
  z.object({
    status: z.literal("not_assessable"),
    term: z.enum(["short", "long"]),
    period: periodSchema.nullable(),
    reason: z.enum(["no_data", "too_few_years", "suppressed", "zero_start"]),
    label: z.string(),
    text: z.string(),
  }),
]);

export const goalMeasureProgressSchema = z.object({
  indicator: z.string(),
  title: z.string(),
  unit: z.string(),
  direction: z.enum(["rise", "fall", "close_gap"]),
  /** German, e.g. „Abstand zwischen … verringern“. */
  directionText: z.string(),
  baseYear: z.number().int().nullable(),
  target: z.object({ value: z.number(), year: z.number().int() }).nullable(),
  /** The area assessed: the one asked for, or the city for an indicator that exists only for the city. */
  area: z.string(),
  areaName: z.string(),
  /** Set when an indicator exists only for the city and the city was assessed instead of the area asked for. */
  cityOnly: z.boolean(),
  /** The series assessed, per year: the value, or the size of the gap; null without a value (or withheld). */
  series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
  short: assessmentSchema,
  long: assessmentSchema,
  /** Analysts only: the assessment used values withheld from the public (not for publication). */
  confidential: z.literal(true).optional(),
});

export const goalProgressSchema = z.object({
  id: z.string(),
  field: z.string(),
  fieldTitle: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** A goal shipped as an example (the demo city), not a council's decision. */
  example: z.boolean(),
  measures: z.array(goalMeasureProgressSchema),
});

export const goalsResponseSchema = z.object({
  area: z.string(),
  areaName: z.string(),
  goals: z.array(goalProgressSchema),
  /** How progress is assessed, for the page and the report. */
  method: z.string(),
});

export const goalParamsSchema = z.object({ id: z.string().min(1) });

export type GoalProgress = z.infer<typeof goalProgressSchema>;
export type GoalsResponse = z.infer<typeof goalsResponseSchema>;
