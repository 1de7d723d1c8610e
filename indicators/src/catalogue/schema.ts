import { z } from "zod";

// The catalogue file's structure. Keys are English (they are the API's field names); every message a city's
// editor sees is German (see validate.ts). Objects are strict so that a misspelt key is reported, not ignored.

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "nur Kleinbuchstaben, Ziffern und _ (am Anfang ein Buchstabe), z. B. „anteil_mv“");
const text = z.string().trim().min(1, "darf nicht leer sein");
const code = z.string().min(1, "darf nicht leer sein");
const year = z.number().int("muss eine ganze Jahreszahl sein").min(1900).max(2200);
const age = z.number().int("muss eine ganze Zahl von Lebensjahren sein").min(0, "darf nicht negativ sein").max(130);

/** An inclusive age range; `to: null` is open ("65 und älter"). */
export const ageRangeSchema = z
  .strictObject({ from: age, to: age.nullable() })
  .refine((r) => r.to === null || r.to >= r.from, { message: "„to“ darf nicht kleiner als „from“ sein", path: ["to"] });

/**
 * What one side of a ratio counts: the sum of `measures` of one extract profile over the lines whose
 * dimensions match `filter` (every listed dimension must have one of the listed codes) and whose age band
 * lies in `age`, from the extract of the row's year plus `yearOffset` (-1 = Stichtag 31.12. of the previous year).
 */
export const selectionSchema = z.strictObject({
  profile: id,
  measures: z.array(id).min(1, "braucht mindestens eine Messgröße"),
  filter: z.record(z.string(), z.array(code).min(1, "braucht mindestens einen Code")).optional(),
  age: ageRangeSchema.optional(),
  yearOffset: z
    .number()
    .int()
    .min(-1, "muss 0 (gleiches Jahr) oder -1 (Vorjahr) sein")
    .max(0, "muss 0 (gleiches Jahr) oder -1 (Vorjahr) sein")
    .default(0),
});

/**
 * One term of a composite numerator: a selection added (`sign: 1`, the default) or subtracted (`sign: -1`).
 * Every term is evaluated for the same area, year and breakdown group as the row; terms may come from
 * different profiles (e.g. SGB II from the Jobcenter plus HLU and Grundsicherung from the Sozialamt).
 */
export const termSchema = z.strictObject({
  sign: z.literal([1, -1], "muss 1 (addieren) oder -1 (abziehen) sein").default(1),
  selection: selectionSchema,
});

/**
 * A numerator: one selection, or a list of signed terms whose sum is the numerator, e.g. "SGB II recipients
 * who are not unemployed plus HLU": `[{ selection: sgb2 }, { sign: -1, selection: unemployedSgb2 }, { selection: hlu }]`.
 */
export const numeratorSchema = z.union([
  selectionSchema,
  z.array(termSchema).min(1, "braucht mindestens einen Term { sign, selection }"),
]);

/** Comparability with the same indicator id elsewhere: the level and a German note on the differences. */
export const comparabilitySchema = z.strictObject({
  level: z.enum(
    ["vergleichbar", "eingeschraenkt", "nicht_vergleichbar"],
    "muss „vergleichbar“, „eingeschraenkt“ oder „nicht_vergleichbar“ sein",
  ),
  note: text,
});

/** An indicator's texts in one other language; what is left out is shown in German. */
export const translationSchema = z.strictObject({
  title: text,
  shortTitle: text.optional(),
  definition: text.optional(),
  notes: z.array(text).optional(),
  numeratorLabel: text.optional(),
  denominatorLabel: text.optional(),
  source: text.optional(),
  /** The catalogue's `migrationDefinitions` this indicator names, translated and joined (see translations.ts). */
  migrationDefinition: text.optional(),
  /** The note of `comparability`. */
  comparabilityNote: text.optional(),
});

export const indicatorSchema = z.strictObject({
  id,
  title: text,
  shortTitle: text,
  /** A field id from the catalogue's `fields` (Handlungsfeld). */
  field: text,
  unit: z.enum(["%", "‰"], "muss „%“ oder „‰“ sein"),
  /**
   * Which direction is good for the people the indicator counts: compared areas are then "besser" or
   * "schlechter"; `neutral` (a share of the population, an intake) only "höher" or "niedriger".
   */
  polarity: z
    .enum(
      ["higher_is_better", "lower_is_better", "neutral"],
      "muss „higher_is_better“, „lower_is_better“ oder „neutral“ sein",
    )
    .default("neutral"),
  definition: text,
  numeratorLabel: text,
  denominatorLabel: text,
  /** A selection, or a list of signed terms (see `numeratorSchema`). */
  numerator: numeratorSchema,
  denominator: selectionSchema,
  /** A grouping id with exactly two groups (`migration`, `nationalitaet`), or null. Gap = first − second group. */
  comparison: id.nullable().default(null),
  /** Grouping ids, `alter`, or ids from the catalogue's `dimensionBreakdowns`. */
  breakdowns: z.array(id).default([]),
  /** The age groups of the `alter` breakdown; required exactly when `alter` is listed. */
  ageGroups: z.array(ageRangeSchema).optional(),
  /** Keys of the catalogue's `migrationDefinitions` (the definition(s) numerator and denominator use). */
  migrationDefinitions: z.array(id).default([]),
  source: text,
  notes: z.array(text).default([]),
  /**
   * Years from which the series is not comparable with earlier ones. `placeholder: true` marks a break nobody
   * has researched yet (e.g. an example note): kept for the catalogue's editors, never published.
   */
  seriesBreaks: z.array(z.strictObject({ year, note: text, placeholder: z.boolean().default(false) })).default([]),
  /**
   * Values exist only in the years a survey takes place (an election every five or six years): a year between
   * them is no missing value — the dashboard shows only the survey years, as points without a line between.
   */
  surveyYearsOnly: z.boolean().default(false),
  /** Retired indicators keep their definition and history but are hidden from lists. */
  retired: z.boolean().default(false),
  /** `false` for counts that identify no person (publications, funded projects): no Geheimhaltung needed. */
  disclosureControl: z.boolean().default(true),
  /**
   * How far the indicator compares with the indicator of the same id in another city's catalogue (a cross-city
   * view pairs indicators by id), with the German note that says what differs. Optional: a city's own catalogue
   * without counterparts leaves it out.
   */
  comparability: comparabilitySchema.optional(),
  /** The indicator's texts in other languages (the catalogue's own texts are German). */
  translations: z.strictObject({ nl: translationSchema.optional(), en: translationSchema.optional() }).optional(),
});

/** A label in other languages (the catalogue's own labels are German, the fallback). */
const labelTranslationsSchema = z
  .strictObject({ nl: z.strictObject({ label: text }).optional(), en: z.strictObject({ label: text }).optional() })
  .optional();

const groupingSchema = z.strictObject({
  label: text,
  translations: labelTranslationsSchema,
  groups: z
    .array(z.strictObject({ id: code, label: text, translations: labelTranslationsSchema }))
    .min(2, "braucht mindestens zwei Gruppen"),
});

const dimensionBreakdownSchema = z.strictObject({
  label: text,
  translations: labelTranslationsSchema,
  dimension: id,
  /** `both`: numerator and denominator are restricted to the group (share within the group); `numerator`:
   * only the numerator is split (composition of the numerator, e.g. type of migration history). */
  appliesTo: z.enum(["both", "numerator"], "muss „both“ oder „numerator“ sein"),
  groups: z
    .array(
      z.strictObject({
        id: code,
        label: text,
        translations: labelTranslationsSchema,
        codes: z.array(code).min(1, "braucht mindestens einen Code"),
      }),
    )
    .min(1, "braucht mindestens eine Gruppe"),
});

/**
 * How one indicator measures a goal: the direction that counts as progress and, optionally, a value to reach
 * by a year. `close_gap` reads the gap between the indicator's comparison groups (its size, whichever is ahead).
 */
export const goalMeasureSchema = z.strictObject({
  indicator: id,
  direction: z.enum(["rise", "fall", "close_gap"], "muss „rise“, „fall“ oder „close_gap“ sein"),
  /** Start of the long-term assessment; default the first year with a value. */
  baseYear: year.optional(),
  target: z.strictObject({ value: z.number(), year }).optional(),
});

/** A goal (Ziel) of the Leitbild in one Handlungsfeld, measured by one or more indicators. */
export const goalSchema = z.strictObject({
  id,
  /** A field id from the catalogue's `fields`. */
  field: text,
  title: text,
  description: text.optional(),
  /** Marks goals shipped as an example (the demo city), so that no one takes them for a council's decision. */
  example: z.boolean().default(false),
  measures: z.array(goalMeasureSchema).min(1, "braucht mindestens einen Indikator"),
  /** Title and description in other languages (from the catalogue's translations file). */
  translations: z
    .strictObject({
      nl: z.strictObject({ title: text, description: text.optional() }).optional(),
      en: z.strictObject({ title: text, description: text.optional() }).optional(),
    })
    .optional(),
});

export const catalogueSchema = z.strictObject({
  /** Shown with every publication so a number can be traced to the catalogue it was computed with. */
  version: text,
  title: text,
  fields: z
    .array(
      z.strictObject({
        id: text,
        title: text,
        translations: z
          .strictObject({
            nl: z.strictObject({ title: text }).optional(),
            en: z.strictObject({ title: text }).optional(),
          })
          .optional(),
      }),
    )
    .min(1, "braucht mindestens ein Handlungsfeld"),
  migrationDefinitions: z.record(z.string(), text).default({}),
  /** Comparison concepts; the profiles map each group to their own codes (`profile.groupings`). */
  groupings: z.record(z.string(), groupingSchema).default({}),
  dimensionBreakdowns: z.record(z.string(), dimensionBreakdownSchema).default({}),
  indicators: z.array(indicatorSchema).min(1, "braucht mindestens einen Indikator"),
  /** The Leitbild's goals; a city without goals leaves this out. */
  goals: z.array(goalSchema).default([]),
});

export type AgeRange = z.infer<typeof ageRangeSchema>;
export type Selection = z.infer<typeof selectionSchema>;
export type Term = z.infer<typeof termSchema>;
export type Numerator = z.infer<typeof numeratorSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Comparability = z.infer<typeof comparabilitySchema>;
export type IndicatorTranslation = z.infer<typeof translationSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type GoalMeasure = z.infer<typeof goalMeasureSchema>;
/** The catalogue file as written (defaults not yet applied). */
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Grouping = z.infer<typeof groupingSchema>;
export type DimensionBreakdown = z.infer<typeof dimensionBreakdownSchema>;

/** The breakdown id of age groups. */
export const AGE_BREAKDOWN = "alter";

/**
 * The numerator as a list of signed terms: a plain selection is the single term `{ sign: 1, selection }`.
 *
 * @example
 * numeratorTerms(indicator).map((t) => `${t.sign > 0 ? "+" : "−"} ${t.selection.profile}`); // ["+ arbeitsmarkt", "− arbeitsmarkt", "+ sozialamt"]
 */
export function numeratorTerms(indicator: Pick<Indicator, "numerator">): Term[] {
  const n = indicator.numerator;
  return Array.isArray(n) ? n : [{ sign: 1, selection: n }];
}
