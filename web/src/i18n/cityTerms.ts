import type { PostProcessorModule } from "i18next";

/** A level's name in one language: singular and plural. */
export type LevelName = readonly [string, string];
export interface CityLevels {
  district: Record<string, LevelName>;
  parent: Record<string, LevelName>;
}

/**
 * The words the dictionaries use for the two area levels: Münster's Stadtteile in Stadtbezirke. A city whose
 * levels are named otherwise (Almelo: buurten in wijken) gets its words put in their place.
 */
export const DICTIONARY_LEVELS: CityLevels = {
  district: { de: ["Stadtteil", "Stadtteile"], nl: ["wijk", "wijken"], en: ["district", "districts"] },
  parent: { de: ["Stadtbezirk", "Stadtbezirke"], nl: ["stadsdeel", "stadsdelen"], en: ["borough", "boroughs"] },
};

const LETTER = "[a-zäöüßéèëïA-ZÄÖÜ]";
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const sameCase = (model: string, word: string) =>
  model.charAt(0) === model.charAt(0).toUpperCase() ? capitalised(word) : word.charAt(0).toLowerCase() + word.slice(1);

/**
 * One pass over a text replacing the dictionary's level words by the city's, so that "wijk" → "buurt" and
 * "stadsdeel" → "wijk" never chain. Plurals only as whole words (German "Stadtteile" but not inside
 * "Stadtteilebene"); singulars also as the start of a compound ("Stadtteilvergleich" → "Buurtvergleich").
 */
function replacerFor(language: string, levels: CityLevels): ((text: string) => string) | null {
  const words = new Map<string, string>();
  const singulars = new Set<string>();
  for (const level of ["district", "parent"] as const) {
    const from = DICTIONARY_LEVELS[level][language];
    const to = levels[level][language];
    if (!from || !to || (from[0] === to[0] && from[1] === to[1])) continue;
    // German inflects the plural with -n (den Stadtteilen); the singular's -s (des Stadtteils) stays.
    if (language === "de") words.set(`${from[1]}n`.toLowerCase(), to[1]);
    words.set(from[1].toLowerCase(), to[1]);
    words.set(from[0].toLowerCase(), to[0]);
    singulars.add(from[0].toLowerCase());
  }
  if (words.size === 0) return null;
  const alternatives = [...words.keys()]
    .sort((a, b) => b.length - a.length)
    .map((word) => (singulars.has(word) ? word : `${word}(?!${LETTER})`));
  const pattern = new RegExp(`(?<!${LETTER})(?:${alternatives.join("|")})`, "gi");
  return (text) => text.replace(pattern, (found) => sameCase(found, words.get(found.toLowerCase()) ?? found));
}

let replacers: Record<string, ((text: string) => string) | null> = {};

/** The city's level names (from `GET /api/city`); the dictionaries' own words stay where they are the same. */
export function setCityLevels(levels: CityLevels | null): void {
  replacers = {};
  if (!levels) return;
  for (const language of Object.keys(DICTIONARY_LEVELS.district)) replacers[language] = replacerFor(language, levels);
}

/** An i18next post-processor applying the city's level names to every text. */
export const cityTerms: PostProcessorModule = {
  type: "postProcessor",
  name: "cityTerms",
  process(value, _key, _options, translator) {
    const replace = replacers[(translator as { language?: string }).language ?? ""];
    return replace ? replace(value) : value;
  },
};
