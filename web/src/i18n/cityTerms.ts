import type { PostProcessorModule } from "i18next";

/** A level's name in one language: singular and plural; in German also its article when it is not "der". */
export type LevelName = readonly [string, string, GermanArticle?];
type GermanArticle = "der" | "die" | "das";
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
  const replaceWords = (text: string) =>
    text.replace(pattern, (found) => sameCase(found, words.get(found.toLowerCase()) ?? found));
  if (language !== "de") return replaceWords;
  const fixers = (["district", "parent"] as const).flatMap((level) => {
    const gender = GENDER[levels[level].de?.[2] ?? "der"];
    return gender ? [articleFixer(DICTIONARY_LEVELS[level].de[0], gender)] : [];
  });
  return (text) => replaceWords(fixers.reduce((t, fix) => fix(t), text));
}

type Case = "nom" | "acc" | "dat" | "gen";
type Gender = "f" | "n";
const GENDER: Record<GermanArticle, Gender | null> = { der: null, die: "f", das: "n" };

const CASES: readonly Case[] = ["nom", "acc", "dat", "gen"];
interface Determiner {
  masculine: Record<Case, string>;
  f: Record<Case, string>;
  n: Record<Case, string>;
  /** Takes adjectives in -e/-en (der, dieser, jeder), not -er/-en (ein, kein). */
  weak: boolean;
}
const byCase = (forms: string) =>
  Object.fromEntries(forms.split(" ").map((form, i) => [CASES[i], form])) as Record<Case, string>;

/** The determiners the dictionary uses before its (masculine) level words: masculine, feminine, neuter forms. */
const DETERMINERS: Determiner[] = (
  [
    ["der den dem des", "die die der der", "das das dem des", true],
    ["dieser diesen diesem dieses", "diese diese dieser dieser", "dieses dieses diesem dieses", true],
    ["jeder jeden jedem jedes", "jede jede jeder jeder", "jedes jedes jedem jedes", true],
    ["ein einen einem eines", "eine eine einer einer", "ein ein einem eines", false],
    ["kein keinen keinem keines", "keine keine keiner keiner", "kein kein keinem keines", false],
  ] as const
).map(([masculine, f, n, weak]) => ({ masculine: byCase(masculine), f: byCase(f), n: byCase(n), weak }));
/** Preposition and article in one word: "im Stadtteil" → "in der Buurt". */
const CONTRACTIONS: Record<string, Record<Gender, string>> = {
  im: { f: "in der", n: "im" },
  vom: { f: "von der", n: "vom" },
  zum: { f: "zur", n: "zum" },
};

/**
 * The German words around a singular level word follow the city's word when it is not masculine like Stadtteil:
 * "Wählen Sie einen Stadtteil" → "Wählen Sie eine Buurt", "kein zweiter Stadtteil" → "keine zweite Buurt", "des
 * Stadtteils" → "der Buurt". Runs before the words themselves are replaced.
 */
function articleFixer(from: string, gender: Gender): (text: string) => string {
  const forms = new Map<string, { determiner: Determiner; case: Case }>();
  for (const determiner of DETERMINERS) {
    for (const [c, form] of Object.entries(determiner.masculine)) forms.set(form, { determiner, case: c as Case });
  }
  const determinerWords = [...forms.keys(), ...Object.keys(CONTRACTIONS)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<!${LETTER})(?:(${determinerWords.join("|")}) )?(?:(${LETTER}+(?:er|en|e)) )?(${from})(s?)(?![-${LETTER.slice(1)})`,
    "gi",
  );
  return (text) =>
    text.replace(pattern, (whole, det: string | undefined, adjective: string | undefined, word: string, s: string) => {
      if (!det && !adjective?.toLowerCase().endsWith("er")) return whole;
      const lower = det?.toLowerCase();
      const contraction = lower ? CONTRACTIONS[lower] : undefined;
      const found = lower && !contraction ? forms.get(lower) : undefined;
      const grammaticalCase: Case = contraction ? "dat" : (found?.case ?? "nom");
      const weak = contraction !== undefined || (found?.determiner.weak ?? false);
      const newDet = det
        ? sameCase(det, contraction ? contraction[gender] : (found?.determiner[gender][grammaticalCase] ?? det))
        : "";
      let newAdjective = adjective ?? "";
      if (adjective && (grammaticalCase === "nom" || grammaticalCase === "acc")) {
        const stem = adjective.replace(/(er|en|e)$/i, "");
        newAdjective = weak || gender === "f" ? `${stem}e` : `${stem}es`;
      }
      const genitiveS = gender === "f" ? "" : s;
      return [newDet, newAdjective, `${word}${genitiveS}`].filter(Boolean).join(" ");
    });
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
