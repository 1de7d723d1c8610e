import i18next from "i18next";
import { LANGUAGES, type Language } from "../cities.ts";
import { de, type MessageKey, type MessageName } from "./de.ts";
import { en } from "./en.ts";
import { nl } from "./nl.ts";

// The server's texts for people go through i18next, as the dashboard's do: it interpolates, formats numbers per
// locale and falls back to German for a text a language lacks. One instance of its own, so the server never
// shares state with anything else that loads i18next.

export type { MessageKey, MessageName };
export { LANGUAGES, type Language };

/** Locale for numbers and times: `1.234,5` (de, nl), `1,234.5` (en; British times). */
export const LOCALES: Record<Language, string> = { de: "de-DE", nl: "nl-NL", en: "en-GB" };

/** A list parameter is written as `a, b, c`, or the word for none. */
export type MessageParams = Record<string, string | number | Date | readonly (string | number)[]>;

const messages = i18next.createInstance();
void messages.init({
  resources: { de: { translation: de }, nl: { translation: nl }, en: { translation: en } },
  lng: "de",
  fallbackLng: "de",
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  // Messages are JSON text, never HTML; `{name}` as in the dashboard's dictionaries.
  interpolation: { prefix: "{", suffix: "}", escapeValue: false },
});
messages.services.formatter?.add("number", (value, lng) =>
  new Intl.NumberFormat(LOCALES[(lng ?? "de") as Language] ?? "de-DE").format(value as number),
);
messages.services.formatter?.add("time", (value, lng) =>
  new Date(value as string | number | Date).toLocaleTimeString(LOCALES[(lng ?? "de") as Language] ?? "de-DE", {
    timeZone: "Europe/Berlin",
    hour: "2-digit",
    minute: "2-digit",
  }),
);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A message in one language with its parameters filled in.
 * @example translate("nl", "area.unknown", { area: "99", allowed: ["stadt", "11"] }) // "Onbekend gebied „99”. Toegestaan zijn: stadt, 11."
 */
export function translate(language: Language, key: MessageName, params: MessageParams = {}): string {
  const values: Record<string, unknown> = { lng: language };
  for (const [name, value] of Object.entries(params)) {
    values[name] = Array.isArray(value)
      ? value.length
        ? value.join(", ")
        : messages.t("list.none", { lng: language })
      : value;
  }
  return messages.t(key, values) as string;
}

/** The translator of one language, for code that writes many texts (exports). */
export type Translate = (key: MessageName, params?: MessageParams) => string;
export const translator =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);
