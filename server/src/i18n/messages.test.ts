import { BENCHMARK_METHOD, CATEGORY_LABELS } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { LANGUAGES, translate } from "./index.ts";
import { nl } from "./nl.ts";

const dictionaries = { de, nl, en } as Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("the server's messages", () => {
  it("have every key in every language, none empty, with the same placeholders as the German", () => {
    const keys = Object.keys(de).sort();
    for (const language of LANGUAGES) {
      const dictionary = dictionaries[language];
      expect(Object.keys(dictionary).sort(), language).toEqual(keys);
      for (const key of keys) {
        expect(dictionary[key].trim(), `${language}: ${key}`).not.toBe("");
        expect(placeholders(dictionary[key]), `${language}: ${key}`).toEqual(placeholders(de[key as keyof typeof de]));
      }
    }
  });

  it("are translated, not copied: the Dutch and English texts differ from the German", () => {
    // Short labels may coincide (Status, Definition, Medium); whole sentences never should.
    const sentences = Object.entries(de).filter(([, text]) => text.split(" ").length > 4);
    for (const [key] of sentences) {
      expect(nl[key as keyof typeof nl], key).not.toBe(de[key as keyof typeof de]);
      expect(en[key as keyof typeof en], key).not.toBe(de[key as keyof typeof de]);
    }
  });

  it("keep the German wording the indicators package gives the same texts", () => {
    expect(de["benchmark.method"]).toBe(BENCHMARK_METHOD);
    for (const [category, label] of Object.entries(CATEGORY_LABELS)) {
      expect(de[`goal.category.${category}` as keyof typeof de]).toBe(label);
    }
  });

  it("format numbers in each language's locale, choose plurals by its rules and write lists, or the word for none", () => {
    expect(translate("de", "request.fileTooLarge", { limit: 1536.5 })).toBe(
      "Die Datei ist zu groß. Erlaubt sind höchstens 1.536,5 MB.",
    );
    expect(translate("nl", "request.fileTooLarge", { limit: 1536.5 })).toBe(
      "Het bestand is te groot. Toegestaan is ten hoogste 1.536,5 MB.",
    );
    expect(translate("en", "request.fileTooLarge", { limit: 1536.5 })).toBe(
      "The file is too large. At most 1,536.5 MB are allowed.",
    );
    expect(translate("nl", "values.noYear", { id: "x", year: "2025", allowed: [2018, 2020] })).toBe(
      "Voor „x” zijn er geen waarden voor 2025. Beschikbare jaren: 2018, 2020.",
    );
    expect(translate("nl", "auth.tooManyForAccount", { count: 1 })).toBe(
      "Te veel ongeldige inlogpogingen voor dit account. Probeer het over 1 minuut opnieuw.",
    );
    expect(translate("de", "auth.tooManyForAccount", { count: 15 })).toBe(
      "Zu viele ungültige Anmeldeversuche für dieses Konto. Bitte versuchen Sie es in 15 Minuten erneut.",
    );
    expect(translate("en", "values.noYear", { id: "x", year: "2025", allowed: [] })).toBe(
      "There are no values of “x” for 2025. Available years: none.",
    );
  });
});
