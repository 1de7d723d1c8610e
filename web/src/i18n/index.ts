import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { cityTerms } from "./cityTerms.ts";
import { type DictionaryKey, de, type Messages } from "./de.ts";
import { en } from "./en.ts";
import { nl } from "./nl.ts";

// The UI texts go through i18next rather than a lookup of our own: it resolves plurals per language (`_one`,
// `_other` keys by Intl.PluralRules), interpolates, falls back to German for a text a dictionary lacks and
// reports that key instead of showing it. The dictionaries keep our `{name}` placeholders (prefix/suffix below).

/** The dashboard's languages; German is the default and the fallback. */
export const LANGUAGES = ["de", "nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Locale for numbers, dates, lists and sorting: `1.234,5` (de, nl), `1,234.5` (en; British dates). */
const LOCALES: Record<Language, string> = { de: "de-DE", nl: "nl-NL", en: "en-GB" };

export type { Messages };

/** The base of a plural pair (`report.indicators` for `report.indicators_one` and `report.indicators_other`). */
type BaseOf<K> = K extends `${infer B}_one` ? (`${B}_other` extends DictionaryKey ? B : never) : never;
type PluralBase = BaseOf<DictionaryKey>;

/** What `t` accepts: every key, a plural pair by its base (then `count` chooses the form). */
export type MessageKey = Exclude<DictionaryKey, `${PluralBase}_one` | `${PluralBase}_other`> | PluralBase;

const missing = new Set<string>();

/** Keys a `t` call asked for that the current language lacks (shown in German meanwhile); empty when all is well. */
export function missingTranslations(): string[] {
  return [...missing];
}

let fallback: Language = "de";
/** The language a reader picked (switch or `?lang=`); it stays while links without `lang` are followed. */
let chosen: Language | null = null;

void i18next
  .use(initReactI18next)
  .use(cityTerms)
  .init({
    resources: { de: { translation: de }, nl: { translation: nl }, en: { translation: en } },
    lng: "de",
    fallbackLng: "de",
    supportedLngs: [...LANGUAGES],
    // Resources are bundled: initialise synchronously, so the first render already has its texts.
    initAsync: false,
    // Our keys are flat strings with dots ("nav.overview", "audit.action.login-failed"), not nested paths.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { prefix: "{", suffix: "}", escapeValue: false },
    // A city's own names for its area levels (Almelo: buurten in wijken), see cityTerms.ts.
    postProcess: ["cityTerms"],
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      missing.add(key);
      console.warn(`Übersetzung fehlt (${languages.join(", ")}): ${key}`);
    },
  });

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? "");
}

/** The language `?lang=` asks for, or null for an absent or unknown value (then the default applies). */
export function parseLanguage(value: string | null | undefined): Language | null {
  return isLanguage(value) ? value : null;
}

/**
 * The language used when the URL names none (German unless a city sets another); `?lang=` always wins.
 * @example setDefaultLanguage("nl") // a Dutch city: /?lang=de still shows German
 */
export function setDefaultLanguage(lang: Language): void {
  fallback = lang;
  if (!chosen) setLanguage(lang);
}

export function defaultLanguage(): Language {
  return fallback;
}

/** The language the reader picked, or null while the default applies. */
export function chosenLanguage(): Language | null {
  return chosen;
}

/** The reader picks a language (switch or `?lang=`): it applies at once and outlasts links without `lang`. */
export function chooseLanguage(lang: Language): void {
  chosen = lang;
  setLanguage(lang);
}

/** The language texts are shown in now. */
export function language(): Language {
  return parseLanguage(i18next.language) ?? "de";
}

/** The Intl locale of the current language: `de-DE`, `nl-NL` or `en-GB`. */
export function locale(): string {
  return LOCALES[language()];
}

/** Switches texts, number and date formats and `<html lang>`; components re-render through react-i18next. */
export function setLanguage(lang: Language): void {
  if (lang !== i18next.language) void i18next.changeLanguage(lang);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** The i18next instance (react-i18next is bound to it by `initReactI18next`). */
export { i18next };

/**
 * Looks up a UI text in the current language and fills `{name}` placeholders; a `count` picks the plural form.
 * @example t("reading.rose", { subject: "Der Anteil", from: "2013", to: "2025", start: "21,5 %", end: "27,3 %" })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return i18next.t(key, params ?? {}) as string;
}

/** Back to the start: no language picked, German as the default (tests run one app after another). */
export function resetLanguage(): void {
  chosen = null;
  fallback = "de";
  setLanguage("de");
}
