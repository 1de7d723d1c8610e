import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { computeIndicators } from "../engine/compute.ts";
import { districts, readDefaultCatalogue, table } from "../engine/test-helpers.ts";
import { indicatorBreakdowns, indicatorMeta, listIndicators } from "./describe.ts";
import type { CatalogueInput } from "./schema.ts";
import { CatalogueError, parseCatalogue, validateCatalogue } from "./validate.ts";

const raw = readDefaultCatalogue() as CatalogueInput;
/** A deep copy of the default catalogue file to break on purpose. */
const copy = (): CatalogueInput => structuredClone(raw);
const indexOf = (input: CatalogueInput, id: string) =>
  input.indicators.findIndex((i) => (i as { id: string }).id === id);

describe("the default catalogue", () => {
  it("references only profiles, measures, dimensions, codes and groupings that the real profiles declare", () => {
    expect(profiles).toHaveLength(24);
    const { catalogue, problems } = validateCatalogue(raw, profiles);
    expect(problems).toEqual([]);
    expect(catalogue).not.toBeNull();
  });

  const catalogue = parseCatalogue(raw, profiles);
  const byId = (id: string) => {
    const found = catalogue.indicators.find((i) => i.id === id);
    if (!found) throw new Error(`Indikator ${id} fehlt`);
    return found;
  };

  it("has a version and at least 50 active indicators", () => {
    expect(catalogue.version).toMatch(/\S/);
    expect(listIndicators(catalogue).length).toBeGreaterThanOrEqual(50);
  });

  it("covers all nine Handlungsfelder of the Leitbild and the Grunddaten", () => {
    const titles = catalogue.fields.map((f) => f.title);
    for (const title of [
      "Rechtliche Integrationsbegleitung",
      "Bildung und Sprache",
      "Wirtschaft und Arbeit",
      "Wohnen und sozialräumliche Stadtentwicklung",
      "Kinder- und Jugendhilfe, soziale Leistungen und Dienste",
      "Gesundheit und Sport",
      "Interkulturelle Öffnung der öffentlichen Verwaltung",
      "Kultur",
      "Presse und Öffentlichkeitsarbeit",
    ]) {
      expect(titles).toContain(title);
    }
    const used = new Set(catalogue.indicators.map((i) => i.field));
    expect([...used].sort()).toEqual(catalogue.fields.map((f) => f.id).sort());
  });

  it("uses the ids of the researched indicator catalogue for its ratio indicators", () => {
    // Every id of the researched catalogue except `segregationsindex`, which is computed by indicators/src/segregation.
    const researched =
      "anteil_mv auslaenderanteil anteil_mv_u18 doppelstaatler zuzuege_ausland gefluechtete_unterkunft aufenthalt_verfestigt " +
      "duldung_gestattung aufenthaltsdauer_8j einbuergerungsquote einbuergerungsquote_8j einbuergerungspotenzial " +
      "wahlbeteiligung_integrationsrat integrationskurs_b1 kita_quote_u3_mh kita_quote_3_6_mh kita_familiensprache " +
      "seu_sprachfoerderbedarf kita_dauer_2j schueler_zg_schulform gymnasialquote_kl8 uebergang_gymnasium " +
      "abgang_ohne_abschluss abgang_hochschulreife seiteneinsteiger herkunftssprachl_unterricht ausbildungsquote " +
      "beschaeftigungsquote arbeitslosenquote_ausl arbeitslosenanteil_st langzeitarbeitslose_ausl jugendarbeitslosigkeit " +
      "geringfuegig gewerbeanmeldungen_ausl anerkennung_abschluesse sgb2_quote_ausl sgb2_15_64_st kinder_sgb2_u15 " +
      "grundsicherung_alter asylblg hze_mh okja_nutzer_mv u8_inanspruchnahme masern_impfquote_seu uebergewicht_seu " +
      "schwimmfaehigkeit_kl4 beschaeftigte_mv_verwaltung azubi_mv_verwaltung ikoe_fortbildung wohnungsnotfaelle_ausl " +
      "kultur_mso_foerderung";
    const ids = catalogue.indicators.map((i) => i.id);
    for (const id of researched.split(" ")) expect(ids).toContain(id);
  });

  it("names for every indicator a source and, where it compares by migration, the definition used", () => {
    for (const ind of catalogue.indicators) {
      const meta = indicatorMeta(catalogue, ind);
      expect(meta.source.length).toBeGreaterThan(3);
      if (ind.comparison === "migration") expect(ind.migrationDefinitions.length).toBeGreaterThan(0);
    }
    // Kita compares with differing definitions in numerator and denominator, and says so.
    const kita = indicatorMeta(catalogue, byId("kita_quote_u3_mh"));
    expect(kita.migrationDefinition).toContain("Kinder- und Jugendhilfestatistik");
    expect(kita.migrationDefinition).toContain("Melderegister");
    expect(kita.notes.join(" ")).toContain("unterschiedlich");
    expect(kita.comparison).toEqual({
      id: "migration",
      groups: [
        { id: "mit", label: "mit Migrationsgeschichte" },
        { id: "ohne", label: "ohne Migrationsgeschichte" },
      ],
    });
  });

  it("lists breakdowns with German labels, gesamt first and the comparison next", () => {
    const anteil = byId("zuzuege_ausland");
    const breakdowns = indicatorBreakdowns(catalogue, anteil);
    expect(breakdowns.map((b) => b.id)).toEqual(["gesamt", "nationalitaet", "geschlecht"]);
    const asyl = byId("asylblg");
    expect(indicatorBreakdowns(catalogue, asyl).find((b) => b.id === "alter")?.groups).toEqual([
      { id: "0-17", label: "0 bis 17 Jahre" },
      { id: "18-64", label: "18 bis 64 Jahre" },
      { id: "65+", label: "65 Jahre und älter" },
    ]);
  });
});

describe("a city adapting the catalogue", () => {
  it("can retire an indicator: hidden from the list, still computed so its history stays", () => {
    const input = copy();
    (input.indicators[indexOf(input, "gefluechtete_unterkunft")] as { retired?: boolean }).retired = true;
    const catalogue = parseCatalogue(input, profiles);
    expect(listIndicators(catalogue).map((m) => m.id)).not.toContain("gefluechtete_unterkunft");
    expect(
      listIndicators(catalogue, { includeRetired: true }).find((m) => m.id === "gefluechtete_unterkunft")?.retired,
    ).toBe(true);
    const observations = [
      ...table(
        "sozialamt",
        2020,
        ["geschlecht", "alter", "nationalitaet"],
        ["gefluechtete_unterkunft"],
        [[61, "m", "18-24", "auslaendisch", 6]],
      ),
      ...table(
        "einwohner",
        2020,
        ["geschlecht", "alter", "staatsangehoerigkeit", "migrationsvorgeschichte"],
        ["einwohner"],
        [[61, "m", "18-24", "deutsch", "ohne", 200]],
      ),
    ];
    const rows = computeIndicators({ catalogue, profiles, observations, districts });
    expect(
      rows.find((r) => r.indicator === "gefluechtete_unterkunft" && r.area === "stadt" && r.group === "gesamt")?.value,
    ).toBe(30);
  });

  it("can add a field and an indicator without touching code", () => {
    const input = copy();
    input.fields.push({ id: "PA", title: "Partizipation" });
    input.indicators.push({
      id: "fortzuege_ausland",
      title: "Fortzüge ins Ausland",
      shortTitle: "Fortzüge",
      field: "PA",
      unit: "‰",
      definition: "Fortzüge über die Bundesgrenze je 1.000 Einwohner/-innen.",
      numeratorLabel: "Fortzüge",
      denominatorLabel: "Einwohner/-innen",
      numerator: { profile: "melderegister_zusatz", measures: ["fortzuege_ausland"] },
      denominator: { profile: "einwohner", measures: ["einwohner"] },
      comparison: "nationalitaet",
      source: "Statistikdienststelle",
    });
    const catalogue = parseCatalogue(input, profiles);
    expect(catalogue.indicators.at(-1)).toMatchObject({
      id: "fortzuege_ausland",
      breakdowns: [],
      retired: false,
      notes: [],
    });
  });
});

describe("an invalid catalogue", () => {
  it("reports every problem at once, in German, with the path into the file", () => {
    const input = copy();
    const a = indexOf(input, "anteil_mv");
    const e = indexOf(input, "einbuergerungsquote");
    const k = indexOf(input, "kita_quote_u3_mh");
    const w = indexOf(input, "wahlbeteiligung_integrationsrat");
    const ind = input.indicators as Record<string, unknown>[];
    (ind[a].numerator as { filter: Record<string, string[]> }).filter.migrationsvorgeschichte.push("zugewandert");
    (ind[e].numerator as { measures: string[] }).measures = ["einbuergerung"];
    (ind[e].denominator as { yearOffset: number }).yearOffset = 1;
    (ind[k].denominator as { profile: string }).profile = "melderegister";
    ind[w].comparison = "migration"; // the Wahlamt delivers no migration grouping
    delete ind[w].title;
    ind[w].titel = "Tippfehler";
    const problems = validateCatalogue(input, profiles).problems;
    expect(problems).toEqual([
      {
        path: `indicators[${e}].denominator.yearOffset`,
        message: "Indikator „einbuergerungsquote“: muss 0 (gleiches Jahr) oder -1 (Vorjahr) sein",
      },
      { path: `indicators[${w}].title`, message: "Indikator „wahlbeteiligung_integrationsrat“: Pflichtangabe fehlt" },
      {
        path: `indicators[${w}].titel`,
        message: "Indikator „wahlbeteiligung_integrationsrat“: unbekannte Angabe „titel“ (Tippfehler?)",
      },
      {
        path: `indicators[${a}].numerator.filter.migrationsvorgeschichte`,
        message:
          "Indikator „anteil_mv“: Zähler: Code „zugewandert“ gibt es für das Merkmal „migrationsvorgeschichte“ im Profil „einwohner“ nicht (vorhanden: ohne, persoenlich, vererbt, auslaendisch).",
      },
      {
        path: `indicators[${k}].denominator.profile`,
        message: expect.stringMatching(
          /^Indikator „kita_quote_u3_mh“: Nenner: Profil „melderegister“ gibt es nicht \(vorhanden: einwohner, /,
        ),
      },
    ]);
    // e and w failed the schema, so their references are checked once the schema problems are fixed.
  });

  it("checks references: measures, groupings of both profiles, breakdowns, age groups, fields, definitions, ids", () => {
    const input = copy();
    const ind = input.indicators as Record<string, unknown>[];
    const e = indexOf(input, "einbuergerungsquote");
    const w = indexOf(input, "wahlbeteiligung_integrationsrat");
    const g = indexOf(input, "gefluechtete_unterkunft");
    const s = indexOf(input, "schueler_zg_schulform");
    (ind[e].numerator as { measures: string[] }).measures = ["einbuergerung"];
    ind[w].comparison = "migration";
    ind[g].ageGroups = [
      { from: 0, to: 17 },
      { from: 15, to: 64 },
    ];
    ind[s].breakdowns = ["schulart"];
    ind[s].field = "SCHULE";
    ind[s].migrationDefinitions = ["it_nrw"];
    ind[indexOf(input, "auslaenderanteil")].id = "anteil_mv";
    const messages = validateCatalogue(input, profiles).problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      `indicators[1].id: Indikator „anteil_mv“: die Kennung ist schon an indicators[0] vergeben.`,
      `indicators[${g}].ageGroups[1]: Indikator „gefluechtete_unterkunft“: die Altersgruppe 15–64 Jahre überschneidet sich mit ageGroups[0] (0–17 Jahre).`,
      `indicators[${e}].numerator.measures[0]: Indikator „einbuergerungsquote“: Zähler: Messgröße „einbuergerung“ gibt es im Profil „einbuergerung“ nicht (vorhanden: einbuergerungen).`,
      `indicators[${w}].comparison: Indikator „wahlbeteiligung_integrationsrat“: Zähler: das Profil „wahl“ kennt die Gruppierung „migration“ nicht (vorhanden: geschlecht).`,
      `indicators[${w}].comparison: Indikator „wahlbeteiligung_integrationsrat“: Nenner: das Profil „wahl“ kennt die Gruppierung „migration“ nicht (vorhanden: geschlecht).`,
      `indicators[${s}].field: Indikator „schueler_zg_schulform“: Handlungsfeld „SCHULE“ ist unter „fields“ nicht erklärt (vorhanden: GD, RI, BS, WA, WS, KJS, GS, IKOE, KU, POE).`,
      `indicators[${s}].migrationDefinitions[0]: Indikator „schueler_zg_schulform“: Definition „it_nrw“ ist unter „migrationDefinitions“ nicht erklärt (vorhanden: melderegister, staatsangehoerigkeit, zuwanderungsgeschichte, kjh, gmk, personal, kultur).`,
      `indicators[${s}].breakdowns[0]: Indikator „schueler_zg_schulform“: Aufschlüsselung „schulart“ ist unbekannt (möglich: alter, migration, nationalitaet, geschlecht, mv_art, auslaender_sta, sta_gruppe, schulform, laufbahngruppe, berufsgruppe, medium).`,
    ]);
  });

  it("rejects age groups outside the indicator's age range and a breakdown the profile cannot split by", () => {
    const input = copy();
    const ind = input.indicators as Record<string, unknown>[];
    const u18 = indexOf(input, "anteil_mv_u18");
    ind[u18].breakdowns = ["alter", "schulform"];
    ind[u18].ageGroups = [
      { from: 0, to: 5 },
      { from: 6, to: 20 },
    ];
    const messages = validateCatalogue(input, profiles).problems.map((p) => p.message);
    expect(messages).toContain(
      "Indikator „anteil_mv_u18“: die Altersgruppe 6–20 Jahre liegt nicht im Altersbereich des Zählers (0–17 Jahre, numerator.age).",
    );
    expect(messages).toContain(
      "Indikator „anteil_mv_u18“: Zähler: das Profil „einwohner“ hat kein Merkmal „schulform“ (vorhanden: geschlecht, staatsangehoerigkeit, migrationsvorgeschichte).",
    );
  });

  it("throws a CatalogueError whose message lists path and problem", () => {
    const input = copy();
    (input as { version?: string }).version = "";
    expect(() => parseCatalogue(input, profiles)).toThrow(CatalogueError);
    expect(() => parseCatalogue(input, profiles)).toThrow("- version: darf nicht leer sein");
    expect(() => parseCatalogue("kein Katalog", profiles)).toThrow(
      "(Datei): erwartet ein Objekt {...}, gefunden den Text „kein Katalog“",
    );
  });
});
