import { z } from "zod";
import { type Catalogue, type IndicatorTranslation, translationSchema } from "./schema.ts";
import { type CatalogueProblem, germanIssue, zodProblems } from "./validate.ts";

/** The languages a catalogue's German texts are translated into. */
export const TRANSLATED_LANGUAGES = ["nl", "en"] as const;
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];
const LANGUAGE_NAMES: Record<TranslatedLanguage, string> = { nl: "Niederländisch", en: "Englisch" };

const text = z.string().trim().min(1, "darf nicht leer sein");
const labelled = z.strictObject({ label: text, groups: z.record(z.string(), text).default({}) });
const languageTexts = z.strictObject({
  fields: z.record(z.string(), text).default({}),
  // An indicator's texts as the catalogue holds them; its migration definition is joined from the section below.
  indicators: z.record(z.string(), translationSchema.omit({ migrationDefinition: true })).default({}),
  migrationDefinitions: z.record(z.string(), text).default({}),
  groupings: z.record(z.string(), labelled).default({}),
  dimensionBreakdowns: z.record(z.string(), labelled).default({}),
  goals: z.record(z.string(), z.strictObject({ title: text, description: text.optional() })).default({}),
});
const translationsFileSchema = z.strictObject({ nl: languageTexts.optional(), en: languageTexts.optional() });
export type CatalogueTranslations = z.infer<typeof translationsFileSchema>;

/** `catalogue.json` → `catalogue.translations.json`, beside it. */
export const translationsPathOf = (cataloguePath: string): string =>
  cataloguePath.replace(/(\.json)?$/i, ".translations.json");

/**
 * Puts the texts of a catalogue's translations file into the catalogue file's JSON, as the `translations` of each
 * indicator, field, grouping, breakdown and goal, before the catalogue is validated. The translations live in a file
 * of their own so that translating never changes the catalogue file, whose hash decides whether the results (and
 * their Geheimhaltung, hours for a large city) must be computed again. Returns every problem at once: an id the
 * catalogue does not have, notes that do not match the German ones in number.
 */
export function mergeTranslations(
  catalogueJson: unknown,
  translationsJson: unknown,
): { merged: unknown; problems: CatalogueProblem[] } {
  const parsed = translationsFileSchema.safeParse(translationsJson, { error: germanIssue });
  const problems: CatalogueProblem[] = parsed.success ? [] : zodProblems(parsed.error.issues, ["translations"]);
  // A file with schema problems is still searched for unknown ids, so that every problem is reported at once.
  const file = parsed.success ? parsed.data : looseTexts(translationsJson);
  const merged = structuredClone(catalogueJson) as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(merged?.[key]) ? (merged[key] as Record<string, unknown>[]) : []);
  const record = (key: string) => (merged?.[key] ?? {}) as Record<string, Record<string, unknown>>;
  const put = (target: Record<string, unknown>, language: TranslatedLanguage, texts: Record<string, unknown>) => {
    const translations = (target.translations ?? {}) as Record<string, unknown>;
    target.translations = { ...translations, [language]: texts };
  };

  for (const language of TRANSLATED_LANGUAGES) {
    const texts = file[language];
    if (!texts) continue;
    const unknown = (section: string, id: string, what: string) =>
      problems.push({
        path: `translations.${language}.${section}.${id}`,
        message: `${what} „${id}“ gibt es im Katalog nicht.`,
      });

    for (const [id, title] of Object.entries(texts.fields)) {
      const field = list("fields").find((f) => f.id === id);
      if (field) put(field, language, { title });
      else unknown("fields", id, "Das Handlungsfeld");
    }
    for (const [id, translated] of Object.entries(texts.indicators)) {
      const indicator = list("indicators").find((i) => i.id === id);
      if (!indicator) {
        unknown("indicators", id, "Den Indikator");
        continue;
      }
      const germanNotes = Array.isArray(indicator.notes) ? indicator.notes.length : 0;
      if (Array.isArray(translated.notes) && translated.notes.length !== germanNotes) {
        problems.push({
          path: `translations.${language}.indicators.${id}.notes`,
          message: `${translated.notes.length} Hinweise, der deutsche Text hat ${germanNotes}; jeder Hinweis wird an seiner Stelle übersetzt.`,
        });
      }
      put(indicator, language, translated);
    }
    const definitions = record("migrationDefinitions") as unknown as Record<string, string>;
    for (const id of Object.keys(texts.migrationDefinitions ?? {})) {
      if (!(id in definitions)) unknown("migrationDefinitions", id, "Die Migrationsdefinition");
    }
    // Each indicator shows its definitions as one text: translated where every one it names is.
    for (const indicator of list("indicators")) {
      const ids = Array.isArray(indicator.migrationDefinitions) ? (indicator.migrationDefinitions as string[]) : [];
      const translated = ids.map((id) => texts.migrationDefinitions?.[id]);
      const own = (indicator.translations as Record<string, Record<string, unknown>> | undefined)?.[language];
      if (own && ids.length > 0 && translated.every(Boolean)) own.migrationDefinition = translated.join(" ");
    }
    for (const section of ["groupings", "dimensionBreakdowns"] as const) {
      for (const [id, translated] of Object.entries(texts[section])) {
        const target = record(section)[id];
        if (!target) {
          unknown(section, id, section === "groupings" ? "Die Gruppierung" : "Die Aufgliederung");
          continue;
        }
        put(target, language, { label: translated.label });
        const groups = Array.isArray(target.groups) ? (target.groups as Record<string, unknown>[]) : [];
        for (const [groupId, label] of Object.entries(translated.groups ?? {})) {
          const group = groups.find((g) => g.id === groupId);
          if (group) put(group, language, { label });
          else unknown(`${section}.${id}.groups`, groupId, "Die Gruppe");
        }
      }
    }
    for (const [id, translated] of Object.entries(texts.goals)) {
      const goal = list("goals").find((g) => g.id === id);
      if (goal) put(goal, language, translated);
      else unknown("goals", id, "Das Ziel");
    }
  }
  return { merged: parsed.success ? merged : catalogueJson, problems };
}

/** The parts of a translations file that are objects, where the schema refused it. */
function looseTexts(json: unknown): CatalogueTranslations {
  const record = (value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, never>) : {};
  const sections = [
    "fields",
    "indicators",
    "migrationDefinitions",
    "groupings",
    "dimensionBreakdowns",
    "goals",
  ] as const;
  return Object.fromEntries(
    TRANSLATED_LANGUAGES.map((language) => [
      language,
      Object.fromEntries(sections.map((section) => [section, record(record(record(json)[language])[section])])),
    ]),
  ) as CatalogueTranslations;
}

/**
 * What a language lacks of the catalogue's German texts, one German line each (`Niederländisch: Indikator
 * „anteil_mv“: Kurztitel fehlt`). The dashboard shows German where a text is missing; this check says where.
 */
export function translationGaps(catalogue: Catalogue, language: TranslatedLanguage): string[] {
  const gaps: string[] = [];
  const lacks = (what: string, missing: string[]) => {
    if (missing.length > 0) gaps.push(`${LANGUAGE_NAMES[language]}: ${what}: nicht übersetzt: ${missing.join(", ")}`);
  };
  for (const field of catalogue.fields)
    lacks(`Handlungsfeld „${field.id}“`, field.translations?.[language] ? [] : ["Titel"]);
  for (const indicator of catalogue.indicators) {
    const texts: Partial<IndicatorTranslation> = indicator.translations?.[language] ?? {};
    const wanted: [keyof IndicatorTranslation, string, boolean][] = [
      ["title", "Titel", true],
      ["shortTitle", "Kurztitel", true],
      ["definition", "Definition", true],
      ["notes", "Hinweise", indicator.notes.length > 0],
      ["numeratorLabel", "Zähler", true],
      ["denominatorLabel", "Nenner", true],
      ["source", "Quelle", true],
      ["migrationDefinition", "Migrationsdefinition", indicator.migrationDefinitions.length > 0],
      ["comparabilityNote", "Vergleichbarkeit", indicator.comparability !== undefined],
    ];
    lacks(
      `Indikator „${indicator.id}“`,
      wanted.filter(([key, , needed]) => needed && !texts[key]).map(([, name]) => name),
    );
  }
  for (const [section, what] of [
    ["groupings", "Gruppierung"],
    ["dimensionBreakdowns", "Aufgliederung"],
  ] as const) {
    for (const [id, entry] of Object.entries(catalogue[section])) {
      const missingGroups = entry.groups.filter((g) => !g.translations?.[language]).map((g) => `Gruppe „${g.id}“`);
      lacks(`${what} „${id}“`, [...(entry.translations?.[language] ? [] : ["Bezeichnung"]), ...missingGroups]);
    }
  }
  for (const goal of catalogue.goals) {
    const texts = goal.translations?.[language];
    lacks(`Ziel „${goal.id}“`, texts ? (goal.description && !texts.description ? ["Beschreibung"] : []) : ["Titel"]);
  }
  return gaps;
}
