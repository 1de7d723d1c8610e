import { afterEach, describe, expect, it, vi } from "vitest";
import { DYNAMICS_CATEGORIES, missingLabel, STATUS_CATEGORIES } from "../map/colours.ts";
import { classLabel, statusClassLabel } from "../views/sozialmonitoring/classes.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { chooseLanguage, language, locale, missingTranslations, resetLanguage, t } from "./index.ts";
import { nl } from "./nl.ts";

const dictionaries = { nl, en } as const;
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

// The Dutch CBS convention has a blank for "kan op logische gronden niet voorkomen"; the legend names it.
const MAY_BE_EMPTY = new Set(["symbol.denominator_zero"]);

afterEach(() => {
  resetLanguage();
  vi.restoreAllMocks();
});

describe("the dictionaries", () => {
  for (const [name, messages] of Object.entries(dictionaries)) {
    it(`${name} has exactly the keys of German, none empty, with the same placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(de).sort());
      for (const [key, german] of Object.entries(de)) {
        const text = messages[key as keyof typeof de];
        if (!MAY_BE_EMPTY.has(key)) expect(text.trim(), `${name}: ${key} is empty`).not.toBe("");
        expect(placeholders(text), `${name}: placeholders of ${key}`).toEqual(placeholders(german));
      }
    });
  }

  it("German has no empty text either, and every plural has its one and other form", () => {
    for (const [key, text] of Object.entries(de)) expect(text.trim(), key).not.toBe("");
    const keys = new Set(Object.keys(de));
    for (const key of keys) {
      if (key.endsWith("_one")) expect(keys.has(key.replace(/_one$/, "_other")), key).toBe(true);
    }
  });

  it("writes the statistical symbols of each language's official statistics", () => {
    // Destatis / DIN 55301, kept in English; CBS's verklaring van tekens in Dutch.
    expect([de["symbol.suppressed"], de["symbol.missing"], de["symbol.zero"]]).toEqual([".", "…", "–"]);
    expect([en["symbol.suppressed"], en["symbol.missing"], en["symbol.zero"]]).toEqual([".", "…", "–"]);
    expect([nl["symbol.suppressed"], nl["symbol.missing"], nl["symbol.zero"]]).toEqual(["x", ".", "-"]);
    expect(nl["legend.title"]).toBe("Verklaring van tekens");
    expect(en["legend.title"]).toBe("Explanation of symbols");
  });
});

describe("t over i18next", () => {
  it("fills {name} placeholders as the hand-made lookup did, German by default", () => {
    expect(language()).toBe("de");
    expect(t("area.bezirk", { name: "Mitte" })).toBe("Stadtbezirk Mitte");
    expect(t("report.progress", { done: 3, total: 40 })).toBe("Lade 3 von 40 Indikatoren …");
  });

  it("leaves values as they are (no HTML escaping: React escapes)", () => {
    expect(t("export.source", { source: "Amt <Statistik> & Wahlen" })).toBe("Quelle: Amt <Statistik> & Wahlen");
  });

  it("chooses the plural form by count in every language", () => {
    expect(t("overview.fieldCount", { count: 1 })).toBe("1 Indikator.");
    expect(t("overview.fieldCount", { count: 4 })).toBe("4 Indikatoren.");
    chooseLanguage("nl");
    expect(t("overview.fieldCount", { count: 1 })).toBe("1 indicator.");
    expect(t("overview.fieldCount", { count: 4 })).toBe("4 indicatoren.");
    expect(t("report.fields", { count: 1 })).toBe("één beleidsveld");
    chooseLanguage("en");
    expect(t("catalogue.found", { count: 1 })).toBe("1 match");
    expect(t("catalogue.found", { count: 0 })).toBe("0 matches");
  });

  it("takes a count in a text without plural forms and reports nothing missing", () => {
    expect(t("tokens.caption", { count: 3 })).toBe("API-Tokens (3)");
    chooseLanguage("nl");
    expect(t("map.summary.missing", { count: 1 })).toBe("1 zonder gegevens of geheim.");
    expect(missingTranslations()).toEqual([]);
  });

  it("switches texts and the locale together", () => {
    chooseLanguage("nl");
    expect([t("area.city"), locale()]).toEqual(["Gemeente totaal", "nl-NL"]);
    chooseLanguage("en");
    expect([t("area.city"), locale()]).toEqual(["Whole city", "en-GB"]);
    expect(document.documentElement.lang).toBe("en");
  });

  it("reports a key no dictionary has instead of hiding it", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // A key from outside the type, as a typo in an untyped call would be.
    t("nav.nirgends" as Parameters<typeof t>[0]);
    expect(missingTranslations()).toContain("nav.nirgends");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("nav.nirgends"));
  });
});

describe("words the server sends and labels made at start-up", () => {
  it("names the Sozialmonitoring classes in the reader's language and leaves a city's own names alone", () => {
    expect(classLabel("sehr niedrig")).toBe("sehr niedrig");
    chooseLanguage("nl");
    expect([classLabel("hoch"), classLabel("sehr niedrig"), classLabel("negativ")]).toEqual([
      "hoog",
      "zeer laag",
      "negatief",
    ]);
    expect(classLabel("Klasse A")).toBe("Klasse A");
    expect(statusClassLabel(null)).toBe("niet ingedeeld");
  });

  it("gives the map legends of module-level palettes in the current language", () => {
    expect(STATUS_CATEGORIES[0].label).toBe("hoher Status");
    expect(missingLabel()).toBe("keine Angabe / geheim (.)");
    chooseLanguage("en");
    expect(STATUS_CATEGORIES[0].label).toBe("high status");
    expect(DYNAMICS_CATEGORIES[2].label).toBe("negative dynamics");
    chooseLanguage("nl");
    expect(missingLabel()).toBe("geen gegevens / geheim (x)");
  });
});
