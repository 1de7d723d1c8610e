import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { mergeTranslations, TRANSLATED_LANGUAGES, translationGaps, translationsPathOf } from "./translations.ts";
import { parseCatalogue } from "./validate.ts";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../catalogue/${name}`, import.meta.url), "utf8"));

/** A catalogue of one field, one indicator with two notes, one grouping and one goal, in German only. */
const catalogueFile = {
  version: "test",
  title: "Test",
  fields: [{ id: "GD", title: "Grunddaten" }],
  migrationDefinitions: { geschlecht_melderegister: "Geschlecht laut Melderegister." },
  groupings: {
    geschlecht: {
      label: "Geschlecht",
      groups: [
        { id: "w", label: "weiblich" },
        { id: "m", label: "männlich" },
      ],
    },
  },
  indicators: [
    {
      id: "anteil_frauen",
      title: "Anteil der Frauen",
      shortTitle: "Frauenanteil",
      field: "GD",
      unit: "%",
      definition: "Einwohnerinnen je 100 Einwohner/-innen.",
      numeratorLabel: "Einwohnerinnen",
      denominatorLabel: "Einwohner/-innen",
      numerator: { profile: "einwohner", measures: ["einwohner"], filter: { geschlecht: ["w"] } },
      denominator: { profile: "einwohner", measures: ["einwohner"] },
      source: "Melderegister",
      migrationDefinitions: ["geschlecht_melderegister"],
      notes: ["Erster Hinweis.", "Zweiter Hinweis."],
    },
  ],
  goals: [
    {
      id: "gleichstellung",
      field: "GD",
      title: "Gleichstellung",
      description: "Frauen und Männer gleich beteiligt.",
      measures: [{ indicator: "anteil_frauen", direction: "rise" }],
    },
  ],
};

const dutch = {
  fields: { GD: "Basisgegevens" },
  indicators: {
    anteil_frauen: {
      title: "Aandeel vrouwen",
      shortTitle: "Aandeel vrouwen",
      definition: "Inwoonsters per 100 inwoners.",
      notes: ["Eerste opmerking.", "Tweede opmerking."],
      numeratorLabel: "Inwoonsters",
      denominatorLabel: "Inwoners",
      source: "Bevolkingsregister",
    },
  },
  migrationDefinitions: { geschlecht_melderegister: "Geslacht volgens het bevolkingsregister." },
  groupings: { geschlecht: { label: "Geslacht", groups: { w: "vrouw", m: "man" } } },
  goals: { gleichstellung: { title: "Gelijkheid", description: "Vrouwen en mannen gelijk vertegenwoordigd." } },
};

describe("a catalogue's translations file", () => {
  it("is found beside the catalogue", () => {
    expect(translationsPathOf("/stadt/katalog.json")).toBe("/stadt/katalog.translations.json");
  });

  it("puts each text where the German one is, and the catalogue stays valid", () => {
    const { merged, problems } = mergeTranslations(catalogueFile, { nl: dutch });
    expect(problems).toEqual([]);
    const catalogue = parseCatalogue(merged, profiles);
    expect(catalogue.fields[0].translations?.nl?.title).toBe("Basisgegevens");
    expect(catalogue.indicators[0].translations?.nl?.notes).toEqual(["Eerste opmerking.", "Tweede opmerking."]);
    expect(catalogue.groupings.geschlecht.translations?.nl?.label).toBe("Geslacht");
    expect(catalogue.groupings.geschlecht.groups.map((g) => g.translations?.nl?.label)).toEqual(["vrouw", "man"]);
    expect(catalogue.goals[0].translations?.nl?.title).toBe("Gelijkheid");
    expect(catalogue.indicators[0].translations?.nl?.migrationDefinition).toBe(
      "Geslacht volgens het bevolkingsregister.",
    );
    // The German texts stay what they were: the translation is added, never put in their place.
    expect(catalogue.indicators[0].title).toBe("Anteil der Frauen");
    expect(catalogueFile.indicators[0]).not.toHaveProperty("translations");
  });

  it("reports every id the catalogue lacks and notes that do not match the German ones, at once", () => {
    const { problems } = mergeTranslations(catalogueFile, {
      en: {
        fields: { XX: "Unknown" },
        indicators: { anteil_frauen: { title: "Share of women", notes: ["Only one."] }, weg: { title: "Gone" } },
        groupings: { geschlecht: { label: "Sex", groups: { d: "diverse" } } },
      },
    });
    expect(problems).toEqual([
      { path: "translations.en.fields.XX", message: "Das Handlungsfeld „XX“ gibt es im Katalog nicht." },
      {
        path: "translations.en.indicators.anteil_frauen.notes",
        message: "1 Hinweise, der deutsche Text hat 2; jeder Hinweis wird an seiner Stelle übersetzt.",
      },
      { path: "translations.en.indicators.weg", message: "Den Indikator „weg“ gibt es im Katalog nicht." },
      { path: "translations.en.groupings.geschlecht.groups.d", message: "Die Gruppe „d“ gibt es im Katalog nicht." },
    ]);
  });

  it("refuses a language it does not know and an empty text, with the place of each", () => {
    const { problems } = mergeTranslations(catalogueFile, { fr: {}, nl: { fields: { GD: " " } } });
    expect(problems.map((p) => p.path).sort()).toEqual(["translations.fr", "translations.nl.fields.GD"]);
  });
});

describe("the translation check", () => {
  it("names every text a language lacks, and nothing once all are there", () => {
    const german = parseCatalogue(catalogueFile, profiles);
    expect(translationGaps(german, "nl")).toEqual([
      "Niederländisch: Handlungsfeld „GD“: nicht übersetzt: Titel",
      "Niederländisch: Indikator „anteil_frauen“: nicht übersetzt: Titel, Kurztitel, Definition, Hinweise, Zähler, Nenner, Quelle, Migrationsdefinition",
      "Niederländisch: Gruppierung „geschlecht“: nicht übersetzt: Bezeichnung, Gruppe „w“, Gruppe „m“",
      "Niederländisch: Ziel „gleichstellung“: nicht übersetzt: Titel",
    ]);
    const withoutNotes: Record<string, unknown> = { ...structuredClone(dutch), migrationDefinitions: {} };
    delete (withoutNotes.indicators as { anteil_frauen: { notes?: string[] } }).anteil_frauen.notes;
    const partly = parseCatalogue(mergeTranslations(catalogueFile, { nl: withoutNotes }).merged, profiles);
    expect(translationGaps(partly, "nl")).toEqual([
      "Niederländisch: Indikator „anteil_frauen“: nicht übersetzt: Hinweise, Migrationsdefinition",
    ]);
    const whole = parseCatalogue(mergeTranslations(catalogueFile, { nl: dutch }).merged, profiles);
    expect(translationGaps(whole, "nl")).toEqual([]);
  });

  it.each([
    ["Münster", "catalogue"],
    ["Almelo", "almelo"],
  ])("finds %s's shipped catalogue complete in Dutch and English", (_city, name) => {
    const { merged, problems } = mergeTranslations(read(`${name}.json`), read(`${name}.translations.json`));
    expect(problems).toEqual([]);
    const catalogue = parseCatalogue(merged, profiles);
    expect(TRANSLATED_LANGUAGES.flatMap((language) => translationGaps(catalogue, language))).toEqual([]);
  });
});
