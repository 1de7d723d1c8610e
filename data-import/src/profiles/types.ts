import { z } from "zod";

/** Canonical code → accepted spellings (matched case-insensitively, umlaut-insensitively). */
const codeList = z.record(z.string(), z.array(z.string()));

const column = z.discriminatedUnion("kind", [
  /** The reference date; German profiles call it "Stichtag", Dutch ones "Peildatum". */
  z.object({ kind: z.literal("stichtag"), header: z.string().min(1) }),
  /** The district number; German profiles call it "Stadtteil", Almelo's "Buurt". */
  z.object({ kind: z.literal("stadtteil"), header: z.string().min(1) }),
  z.object({ kind: z.literal("code"), header: z.string(), dimension: z.string(), codes: codeList }),
  z.object({ kind: z.literal("age"), header: z.string(), dimension: z.literal("alter") }),
  z.object({ kind: z.literal("count"), header: z.string(), measure: z.string(), label: z.string() }),
]);

/** Selects lines by dimension codes: every listed dimension must have one of the listed codes. */
const dimensionFilter = z.record(z.string(), z.array(z.string()));

const rule = z.discriminatedUnion("kind", [
  /** Lines matching `when` must not match `forbid` (e.g. a German cannot be `auslaendisch`). */
  z.object({ kind: z.literal("forbid"), when: dimensionFilter, forbid: dimensionFilter, message: z.string() }),
  /** Lines matching `when` must have `measure` = 0 (or withheld). */
  z.object({ kind: z.literal("zero"), when: dimensionFilter, measure: z.string(), message: z.string() }),
  /** A part can never exceed its whole within one line. */
  z.object({ kind: z.literal("part-of"), part: z.string(), whole: z.string() }),
]);

/**
 * The zod schema of a profile declaration (`profiles/index.ts` parses every declaration with it).
 *
 * @example
 * profileSchema.parse({ id: "kultur", …, columns: [...] }); // throws on an incoherent declaration
 */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.string(),
  office: z.string(),
  description: z.string(),
  /** `stadtteil`: one value per Stadtteil; `stadt`: the whole city only. */
  area: z.enum(["stadtteil", "stadt"]),
  /** `bestand`: a stock at the Stichtag; `jahr`: events counted over the year that ends at the Stichtag. */
  period: z.enum(["bestand", "jahr"]),
  columns: z.array(column).min(2),
  /** Headers of columns an office may add (e.g. the Stadtteil name); they are skipped, not reported. */
  ignorable: z.array(z.string()).optional(),
  /** Comparison concept → group → the filter that selects the group in this profile. */
  groupings: z.record(z.string(), z.record(z.string(), dimensionFilter)).default({}),
  rules: z.array(rule).default([]),
});

export type ExtractProfile = z.infer<typeof profileSchema>;
export type ProfileColumn = ExtractProfile["columns"][number];
export type DimensionFilter = z.infer<typeof dimensionFilter>;
export type ProfileRule = z.infer<typeof rule>;
