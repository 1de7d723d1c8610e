// Every indicator of the default catalogue, computed on a hand-made city whose results were worked out on
// paper: three Stadtteile (11 and 12 in Bezirk Mitte, 61 in Bezirk Nord), year 2020 (2019 for the
// indicators that refer to the previous year). The arithmetic is written beside each expectation.
import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { parseCatalogue } from "../catalogue/validate.ts";
import { computeIndicators } from "./compute.ts";
import { cell, districts, readDefaultCatalogue, table } from "./test-helpers.ts";
import type { Observation } from "./types.ts";

const EW = ["geschlecht", "alter", "staatsangehoerigkeit", "migrationsvorgeschichte"];

// Einwohner 31.12.2020. Totals: 11 → 230, 12 → 160, 61 → 150, city 540.
const einwohner2020 = table(
  "einwohner",
  2020,
  EW,
  ["einwohner"],
  [
    [11, "w", "0-2", "deutsch", "ohne", 10],
    [11, "m", "0-2", "deutsch", "vererbt", 5],
    [11, "w", "3-5", "EU", "auslaendisch", 4],
    [11, "m", "6-14", "deutsch", "ohne", 20],
    [11, "w", "15-17", "Drittstaat", "auslaendisch", 6],
    [11, "m", "18-24", "deutsch", "persoenlich", 10],
    [11, "w", "25-64", "deutsch", "ohne", 100],
    [11, "m", "25-64", "Drittstaat", "auslaendisch", 40],
    [11, "d", "25-64", "deutsch", "ohne", 2],
    [11, "w", "65+", "deutsch", "ohne", 30],
    [11, "m", "65+", "EU", "auslaendisch", 3],
    [12, "w", "0-2", "Drittstaat", "auslaendisch", 3],
    [12, "m", "3-5", "deutsch", "ohne", 7],
    [12, "w", "6-14", "deutsch", "vererbt", 8],
    [12, "m", "15-17", "deutsch", "ohne", 5],
    [12, "w", "18-24", "EU", "auslaendisch", 12],
    [12, "m", "25-64", "deutsch", "ohne", 80],
    [12, "w", "25-64", "deutsch", "persoenlich", 20],
    [12, "m", "65+", "deutsch", "ohne", 25],
    [61, "w", "0-2", "deutsch", "ohne", 6],
    [61, "m", "0-2", "Drittstaat", "auslaendisch", 6],
    [61, "w", "3-5", "deutsch", "vererbt", 9],
    [61, "m", "6-14", "Drittstaat", "auslaendisch", 15],
    [61, "w", "15-17", "deutsch", "ohne", 4],
    [61, "m", "18-24", "Drittstaat", "auslaendisch", 16],
    [61, "w", "25-64", "deutsch", "ohne", 50],
    [61, "m", "25-64", "ungeklaert", "auslaendisch", 30],
    [61, "w", "65+", "deutsch", "persoenlich", 14],
  ],
);
// Derived by hand (city):
//   ohne MV: 11: 10+20+100+2+30=162, 12: 7+5+80+25=117, 61: 6+4+50=60 → 339; mit MV = 540−339 = 201
//   Ausländer: 11: 4+6+40+3=53, 12: 3+12=15, 61: 6+15+16+30=67 → 135; Deutsche 405
//   0–2: 15+3+12=30 (mit MV 5+3+6=14, ohne 16) · 3–5: 4+7+9=20 · 0–14: 39+18+36=93
//   0–17: 45+23+40=108 (mit MV 15+11+30=56) · 15–24: 16+17+20=53 · 15–64: 158+117+100=375
//   65+: 33+25+14=72 · 0–64: 540−72=468

// Einwohner 31.12.2019, only for the "Vorjahr" denominators: 100 Ausländer.
const einwohner2019 = table(
  "einwohner",
  2019,
  EW,
  ["einwohner"],
  [
    [11, "m", "25-64", "Drittstaat", "auslaendisch", 50],
    [11, "w", "25-64", "deutsch", "ohne", 100],
    [12, "w", "18-24", "EU", "auslaendisch", 10],
    [61, "m", "25-64", "Drittstaat", "auslaendisch", 40],
  ],
);

const zusatz = table(
  "melderegister_zusatz",
  2020,
  ["geschlecht", "staatsangehoerigkeit"],
  ["zuzuege_ausland", "fortzuege_ausland", "weitere_sta_eu", "weitere_sta_drittstaat"],
  [
    [11, "w", "deutsch", 1, 0, 3, 2],
    [11, "m", "EU", 4, 1, 0, 0],
    [12, "w", "deutsch", 0, 1, 1, 4],
    [61, "m", "Drittstaat", 7, 2, 0, 0],
    [61, "w", "deutsch", 2, 0, 0, 5],
  ],
);

const sozialamt = table(
  "sozialamt",
  2020,
  ["geschlecht", "alter", "nationalitaet"],
  ["grundsicherung_alter", "hlu", "asylblg", "gefluechtete_unterkunft", "wohnungslose_untergebracht"],
  [
    [11, "m", "25-64", "auslaendisch", 0, 1, 5, 8, 2],
    [11, "w", "65+", "deutsch", 3, 0, 0, 0, 0],
    [12, "m", "65+", "auslaendisch", 2, 0, 0, 0, 0],
    [61, "m", "18-24", "auslaendisch", 0, 0, 4, 6, 1],
    [61, "w", "65+", "deutsch", 1, 0, 0, 0, 1],
  ],
);

const ABH = ["geschlecht", "alter", "staatsangehoerigkeit", "aufenthaltsstatus", "aufenthaltsdauer"];
const abh2020 = table(
  "auslaenderbehoerde",
  2020,
  ABH,
  ["auslaender"],
  [
    [11, "m", "25-64", "Drittstaat", "niederlassung", "ab_8", 20],
    [11, "w", "18-24", "EU", "freizuegigkeit", "unter_4", 10],
    [12, "w", "15-17", "Drittstaat", "duldung", "unter_4", 3],
    [61, "m", "25-64", "Drittstaat", "gestattung", "unter_4", 12],
    [61, "m", "25-64", "ungeklaert", "befristet", "4_bis_8", 15],
  ],
);
const abh2019 = table(
  "auslaenderbehoerde",
  2019,
  ABH,
  ["auslaender"],
  [
    [11, "m", "25-64", "Drittstaat", "niederlassung", "ab_8", 18],
    [11, "w", "6-14", "Drittstaat", "niederlassung", "ab_8", 4],
    [12, "m", "25-64", "EU", "freizuegigkeit", "ab_8", 6],
    [61, "w", "25-64", "Drittstaat", "befristet", "ab_8", 10],
    [61, "m", "25-64", "Drittstaat", "gestattung", "unter_4", 12],
  ],
);

const einbuergerung = table(
  "einbuergerung",
  2020,
  ["geschlecht", "staatsangehoerigkeit", "rechtsgrundlage"],
  ["einbuergerungen"],
  [
    [11, "w", "Drittstaat", "anspruch", 2],
    [12, "m", "EU", "ermessen", 1],
    [61, "m", "Drittstaat", "anspruch", 3],
  ],
);

const integrationskurse = table(
  "integrationskurse",
  2020,
  ["geschlecht", "staatsangehoerigkeit"],
  ["pruefungsteilnehmende", "b1_erreicht"],
  [
    [null, "w", "Drittstaat", 40, 25],
    [null, "m", "EU", 20, 14],
  ],
);

const wahl = table(
  "wahl",
  2020,
  ["geschlecht"],
  ["wahlberechtigte", "waehlende"],
  [
    [11, "w", 50, 10],
    [11, "m", 40, 6],
    [12, "w", 20, 5],
    [61, "m", 90, 15],
  ],
);

const arbeitsmarkt = table(
  "arbeitsmarkt",
  2020,
  ["geschlecht", "alter", "nationalitaet"],
  [
    "sgb2_leistungsberechtigte",
    "arbeitslose",
    "arbeitslose_sgb2",
    "langzeitarbeitslose",
    "sv_beschaeftigte",
    "geringfuegig_beschaeftigte",
    "auszubildende",
    "erwerbspersonen",
  ],
  [
    [11, "w", "0-14", "deutsch", 4, 0, 0, 0, 0, 0, 0, 0],
    [11, "m", "15-24", "auslaendisch", 3, 2, 1, 0, 8, 2, 3, 12],
    [11, "w", "25-64", "deutsch", 6, 5, 3, 2, 60, 10, 0, 70],
    [12, "m", "25-64", "auslaendisch", 5, 4, 4, 3, 7, 3, 1, 15],
    [61, "m", "0-14", "auslaendisch", 9, 0, 0, 0, 0, 0, 0, 0],
    [61, "w", "15-24", "deutsch", 2, 1, 0, 0, 5, 1, 2, 8],
    [61, "m", "25-64", "auslaendisch", 12, 6, 5, 4, 20, 5, 0, 30],
    [61, "w", "65+", "deutsch", 0, 0, 0, 0, 1, 2, 0, 1],
  ],
);

const schule = table(
  "schule",
  2020,
  ["schulform", "klasse", "geschlecht", "nationalitaet", "zuwanderungsgeschichte"],
  ["schueler", "seiteneinsteiger", "familiensprache_nichtdeutsch", "hsu_teilnehmende", "freischwimmer"],
  [
    [null, "grundschule", "4", "w", "deutsch", "nein", 20, 0, 0, 0, 15],
    [null, "grundschule", "4", "m", "auslaendisch", "ja", 10, 2, 6, 3, 4],
    [null, "grundschule", "1", "w", "deutsch", "ja", 12, 0, 4, 1, 0],
    [null, "gymnasium", "8", "m", "deutsch", "nein", 30, 0, 0, 0, 0],
    [null, "gymnasium", "8", "w", "auslaendisch", "ja", 5, 0, 3, 1, 0],
    [null, "realschule", "8", "m", "auslaendisch", "ja", 15, 3, 8, 2, 0],
    [null, "gesamtschule", "8", "w", "deutsch", "ja", 20, 0, 2, 0, 0],
  ],
);

const schulabgang = table(
  "schulabgang",
  2020,
  ["geschlecht", "nationalitaet", "abschluss"],
  ["abgaenge"],
  [
    [null, "w", "deutsch", "ahr", 30],
    [null, "m", "deutsch", "msa", 25],
    [null, "m", "deutsch", "ohne_hsa", 2],
    [null, "w", "auslaendisch", "ohne_hsa", 3],
    [null, "m", "auslaendisch", "hsa", 6],
    [null, "w", "auslaendisch", "ahr", 4],
  ],
);

const schuluebergang = table(
  "schuluebergang",
  2020,
  ["nationalitaet", "zuwanderungsgeschichte", "schulform"],
  ["uebergaenge"],
  [
    [11, "deutsch", "nein", "gymnasium", 12],
    [11, "auslaendisch", "ja", "realschule", 5],
    [12, "deutsch", "ja", "gymnasium", 4],
    [61, "auslaendisch", "ja", "gesamtschule", 9],
    [61, "deutsch", "nein", "gymnasium", 3],
  ],
);

const kita = table(
  "kita",
  2020,
  ["alter", "migrationshintergrund"],
  ["kinder_betreut", "familiensprache_nichtdeutsch"],
  [
    [11, "0-2", "nein", 6, 0],
    [11, "0-2", "ja", 2, 1],
    [11, "3-5", "ja", 3, 2],
    [12, "3-5", "nein", 6, 0],
    [12, "0-2", "ja", 1, 1],
    [61, "3-5", "ja", 8, 5],
    [61, "0-2", "nein", 2, 0],
  ],
);

const jugendhilfe = table(
  "jugendhilfe",
  2020,
  ["bereich", "geschlecht", "migrationshintergrund"],
  ["faelle"],
  [
    [null, "hze_neu", "w", "ja", 4],
    [null, "hze_neu", "m", "nein", 8],
    [null, "hze_neu", "m", "ja", 3],
    [null, "okja_stammbesucher", "w", "ja", 20],
    [null, "okja_stammbesucher", "m", "nein", 25],
    [null, "okja_stammbesucher", "d", "ja", 1],
  ],
);

const seu = table(
  "seu",
  2020,
  ["geschlecht", "migrationshintergrund"],
  [
    "untersuchte",
    "sprachfoerderbedarf",
    "kita_2_jahre",
    "vorsorgeheft_vorgelegt",
    "u8_wahrgenommen",
    "impfpass_vorgelegt",
    "masern_2_dosen",
    "uebergewicht",
  ],
  [
    [11, "w", "nein", 20, 2, 18, 19, 17, 18, 17, 1],
    [11, "m", "ja", 10, 5, 6, 8, 6, 9, 7, 2],
    [12, "m", "nein", 15, 1, 14, 15, 14, 14, 13, 2],
    [61, "w", "ja", 25, 12, 15, 20, 14, 22, 18, 4],
  ],
);

const personal = table(
  "personal",
  2020,
  ["laufbahngruppe", "geschlecht", "migrationsvorgeschichte"],
  ["beschaeftigte", "azubis_neu", "ikoe_fortbildung"],
  [
    [null, "mittel", "w", "ja", 30, 0, 5],
    [null, "mittel", "m", "nein", 100, 0, 10],
    [null, "gehoben", "w", "keine_angabe", 20, 0, 2],
    [null, "ausbildung", "m", "ja", 6, 4, 0],
    [null, "ausbildung", "w", "nein", 12, 8, 1],
  ],
);

const gewerbe = table(
  "gewerbe",
  2020,
  ["nationalitaet"],
  ["anmeldungen"],
  [
    [null, "deutsch", 80],
    [null, "auslaendisch", 20],
  ],
);
const anerkennung = table(
  "anerkennung",
  2020,
  ["berufsgruppe", "geschlecht"],
  ["beschieden", "anerkannt"],
  [
    [null, "gesundheit", "w", 30, 24],
    [null, "handwerk", "m", 10, 6],
  ],
);
const kultur = table(
  "kultur",
  2020,
  ["bereich"],
  ["gesamt", "davon_migration"],
  [
    [null, "kulturfoerderung", 50, 6],
    [null, "vhs", 400, 60],
    [null, "musikschule", 200, 30],
  ],
);
const presse = table(
  "presse",
  2020,
  ["medium"],
  ["gesamt", "mehrsprachig"],
  [
    [null, "publikation", 40, 10],
    [null, "webseite", 160, 30],
  ],
);

const observations: Observation[] = [
  ...einwohner2020,
  ...einwohner2019,
  ...zusatz,
  ...sozialamt,
  ...abh2020,
  ...abh2019,
  ...einbuergerung,
  ...integrationskurse,
  ...wahl,
  ...arbeitsmarkt,
  ...schule,
  ...schulabgang,
  ...schuluebergang,
  ...kita,
  ...jugendhilfe,
  ...seu,
  ...personal,
  ...gewerbe,
  ...anerkennung,
  ...kultur,
  ...presse,
];

/** Hand-computed numerator and denominator of the city's `gesamt` cell in 2020, per indicator id. */
const expected: Record<string, { numerator: number; denominator: number }> = {
  // GD
  anteil_mv: { numerator: 201, denominator: 540 }, // mit MV 540−339 / 540 = 37.22 %
  auslaenderanteil: { numerator: 135, denominator: 540 }, // 53+15+67 / 540 = 25 %
  anteil_mv_u18: { numerator: 56, denominator: 108 }, // (5+4+6)+(3+8)+(6+9+15) / 45+23+40
  doppelstaatler: { numerator: 15, denominator: 405 }, // (3+2)+(1+4)+(0+5) / Deutsche 540−135
  zuzuege_ausland: { numerator: 14, denominator: 540 }, // 1+4+0+7+2 / 540 ×1000 = 25.9 ‰
  gefluechtete_unterkunft: { numerator: 14, denominator: 540 }, // 8+6 / 540 ×1000
  // RI
  aufenthalt_verfestigt: { numerator: 30, denominator: 60 }, // niederlassung 20 + freizügig 10 / 20+10+3+12+15
  duldung_gestattung: { numerator: 15, denominator: 60 }, // duldung 3 + gestattung 12 / 60
  aufenthaltsdauer_8j: { numerator: 20, denominator: 60 }, // ab_8 20 / 60
  einbuergerungsquote: { numerator: 6, denominator: 100 }, // 2+1+3 / Ausländer 2019: 50+10+40 (not 2020's 135)
  einbuergerungsquote_8j: { numerator: 6, denominator: 38 }, // 6 / ABH 2019 ab_8: 18+4+6+10
  einbuergerungspotenzial: { numerator: 5, denominator: 24 }, // anspruch 2+3 / 2019, ≥16, ab_8, unbefristet: 18+6 (child 6-14 and befristet out)
  wahlbeteiligung_integrationsrat: { numerator: 36, denominator: 200 }, // 10+6+5+15 / 50+40+20+90
  integrationskurs_b1: { numerator: 39, denominator: 60 }, // 25+14 / 40+20
  // BS
  kita_quote_u3_mh: { numerator: 11, denominator: 30 }, // betreut 0-2: 6+2+1+2 / Einwohner 0-2: 15+3+12
  kita_quote_3_6_mh: { numerator: 17, denominator: 20 }, // 3+6+8 / 4+7+9
  kita_familiensprache: { numerator: 7, denominator: 17 }, // 2+0+5 / 3+6+8
  seu_sprachfoerderbedarf: { numerator: 20, denominator: 70 }, // 2+5+1+12 / 20+10+15+25
  kita_dauer_2j: { numerator: 53, denominator: 70 }, // 18+6+14+15 / 70
  schueler_zg_schulform: { numerator: 62, denominator: 112 }, // ZG ja 10+12+5+15+20 / 20+10+12+30+5+15+20
  gymnasialquote_kl8: { numerator: 35, denominator: 70 }, // Kl. 8 Gymnasium 30+5 / Kl. 8: 30+5+15+20
  uebergang_gymnasium: { numerator: 19, denominator: 33 }, // 12+4+3 / 12+5+4+9+3
  abgang_ohne_abschluss: { numerator: 5, denominator: 70 }, // 2+3 / 30+25+2+3+6+4
  abgang_hochschulreife: { numerator: 34, denominator: 70 }, // 30+4 / 70
  seiteneinsteiger: { numerator: 5, denominator: 112 }, // 2+3 / 112 ×1000 = 44.6 ‰
  herkunftssprachl_unterricht: { numerator: 7, denominator: 23 }, // HSU 3+1+1+2 / Familiensprache 6+4+3+8+2
  ausbildungsquote: { numerator: 5, denominator: 53 }, // Azubis 15-24: 3+2 / Einwohner 15-24: 16+17+20
  // WA
  beschaeftigungsquote: { numerator: 100, denominator: 375 }, // SvB 15-64: 8+60+7+5+20 (65+ line out) / 375
  arbeitslosenquote_ausl: { numerator: 18, denominator: 136 }, // 2+5+4+1+6 / 12+70+15+8+30+1
  arbeitslosenanteil_st: { numerator: 18, denominator: 375 }, // 18 / Einwohner 15-64
  langzeitarbeitslose_ausl: { numerator: 9, denominator: 18 }, // 0+2+3+0+4 / 18
  mss_s2_langzeitarbeitslosigkeit: { numerator: 9, denominator: 375 }, // Langzeitarbeitslose 0+2+3+0+4+0 / Einwohner 15-64
  jugendarbeitslosigkeit: { numerator: 3, denominator: 53 }, // Arbeitslose 15-24: 2+1 / 53
  geringfuegig: { numerator: 23, denominator: 124 }, // GeB 2+10+3+1+5+2 / SvB 101 + GeB 23
  gewerbeanmeldungen_ausl: { numerator: 20, denominator: 100 }, // 20 / 80+20
  anerkennung_abschluesse: { numerator: 30, denominator: 40 }, // 24+6 / 30+10
  // KJS
  sgb2_quote_ausl: { numerator: 41, denominator: 468 }, // 4+3+6+5+9+2+12 / 540−72
  sgb2_15_64_st: { numerator: 28, denominator: 375 }, // 3+6+5+2+12 / 375
  kinder_sgb2_u15: { numerator: 13, denominator: 93 }, // 4+9 / 39+18+36
  grundsicherung_alter: { numerator: 6, denominator: 72 }, // 3+2+1 / 33+25+14
  // S3: SGB II 4+3+6+5+9+2+12+0 = 41 − Arbeitslose SGB II 0+1+3+4+0+0+5+0 = 13 + HLU 1 + Grundsicherung 3+2+1 = 6
  mss_s3_transferbezug: { numerator: 35, denominator: 540 }, // 41 − 13 + 1 + 6 / 540
  asylblg: { numerator: 9, denominator: 540 }, // 5+4 / 540 ×1000
  hze_mh: { numerator: 7, denominator: 15 }, // 4+3 / 4+8+3
  okja_nutzer_mv: { numerator: 21, denominator: 46 }, // 20+1 / 20+25+1
  // GS
  u8_inanspruchnahme: { numerator: 51, denominator: 62 }, // 17+6+14+14 / 19+8+15+20
  masern_impfquote_seu: { numerator: 55, denominator: 63 }, // 17+7+13+18 / 18+9+14+22
  uebergewicht_seu: { numerator: 9, denominator: 70 }, // 1+2+2+4 / 70
  schwimmfaehigkeit_kl4: { numerator: 19, denominator: 30 }, // Kl. 4: 15+4 / 20+10
  // IKÖ
  beschaeftigte_mv_verwaltung: { numerator: 36, denominator: 168 }, // 30+6 / 30+100+20+6+12 (keine Angabe counts)
  azubi_mv_verwaltung: { numerator: 4, denominator: 12 }, // 4 / 4+8
  ikoe_fortbildung: { numerator: 18, denominator: 168 }, // 5+10+2+0+1 / 168
  // WS
  wohnungsnotfaelle_ausl: { numerator: 4, denominator: 540 }, // 2+1+1 / 540 ×1000
  // KU
  kultur_mso_foerderung: { numerator: 6, denominator: 50 },
  vhs_belegungen_ausl: { numerator: 60, denominator: 400 },
  musikschule_mv: { numerator: 30, denominator: 200 },
  // PÖ
  mehrsprachige_publikationen: { numerator: 40, denominator: 200 }, // 10+30 / 40+160
};

const catalogue = parseCatalogue(readDefaultCatalogue(), profiles);
const rows = computeIndicators({ catalogue, profiles, observations, districts });

describe("every indicator of the default catalogue on a hand-made city", () => {
  it("has a hand-checked expectation for each catalogue id and none for unknown ids", () => {
    expect(Object.keys(expected).sort()).toEqual(catalogue.indicators.map((i) => i.id).sort());
    expect(catalogue.indicators.length).toBeGreaterThanOrEqual(50);
  });

  for (const indicator of catalogue.indicators) {
    it(`computes ${indicator.id} for the city in 2020 as worked out by hand`, () => {
      const want = expected[indicator.id];
      const row = cell(rows, indicator.id);
      expect(row.status).toBe("ok");
      expect(row.numerator).toBe(want.numerator);
      expect(row.denominator).toBe(want.denominator);
      const factor = indicator.unit === "%" ? 100 : 1000;
      expect(row.value).toBeCloseTo((want.numerator / want.denominator) * factor, 10);
    });
  }
});

describe("areas and groups of the hand-made city", () => {
  it("gives Stadtteil and Bezirk values from the same single pass", () => {
    // Coerde (61): 150 − ohne 60 = 90 mit MV of 150.
    expect(cell(rows, "anteil_mv", { area: "61" })).toMatchObject({ numerator: 90, denominator: 150, value: 60 });
    // Bezirk Mitte = 11 + 12: (230−162) + (160−117) = 111 of 390.
    const mitte = cell(rows, "anteil_mv", { area: "bezirk:Mitte" });
    expect(mitte).toMatchObject({ numerator: 111, denominator: 390, areaName: "Stadtbezirk Mitte" });
  });

  it("compares groups through each profile's own grouping codes", () => {
    // Kita "ja" 0-2: 2+1 / Melderegister mit MV 0-2: 5+3+6; "nein": 6+2 / 16.
    expect(cell(rows, "kita_quote_u3_mh", { breakdown: "migration", group: "mit" })).toMatchObject({
      numerator: 3,
      denominator: 14,
    });
    expect(cell(rows, "kita_quote_u3_mh", { breakdown: "migration", group: "ohne" })).toMatchObject({
      numerator: 8,
      denominator: 16,
    });
    // Gymnasium Kl. 8: Ausländer 5 / 5+15, Deutsche 30 / 30+20.
    expect(cell(rows, "gymnasialquote_kl8", { breakdown: "nationalitaet", group: "auslaendisch" }).value).toBeCloseTo(
      25,
      10,
    );
    expect(cell(rows, "gymnasialquote_kl8", { breakdown: "nationalitaet", group: "deutsch" }).value).toBeCloseTo(
      60,
      10,
    );
  });

  it("counts divers and ohne Angabe in the total but in no sex group", () => {
    // Aegidii: the 2 persons with geschlecht d are in the 230 but neither in w nor in m.
    const w = cell(rows, "anteil_mv", { area: "11", breakdown: "geschlecht", group: "w" });
    const m = cell(rows, "anteil_mv", { area: "11", breakdown: "geschlecht", group: "m" });
    expect(w.denominator).toBe(10 + 4 + 6 + 100 + 30);
    expect(m.denominator).toBe(5 + 20 + 10 + 40 + 3);
    expect((w.denominator ?? 0) + (m.denominator ?? 0)).toBe(230 - 2);
  });

  it("splits only the numerator for a numerator breakdown, so the parts add up to the total share", () => {
    // Art der MV: Ausländer 135, persönlich 10+20+14=44, vererbt 5+8+9=22 — each of 540.
    const parts = ["auslaendisch", "persoenlich", "vererbt"].map((g) =>
      cell(rows, "anteil_mv", { breakdown: "mv_art", group: g }),
    );
    expect(parts.map((p) => p.numerator)).toEqual([135, 44, 22]);
    expect(parts.every((p) => p.denominator === 540)).toBe(true);
    expect(parts.reduce((s, p) => s + (p.value ?? 0), 0)).toBeCloseTo((201 / 540) * 100, 10);
  });

  it("combines terms of the Jobcenter and the Sozialamt extract for the Transferbezug (MSS S3)", () => {
    // Ausländer: SGB II 3+5+9+12 = 29 − Arbeitslose SGB II 1+4+0+5 = 10 + Sozialamt (HLU 1) + (GS 2) = 3 → 22 of 135
    // Deutsche:  SGB II 4+6+2+0 = 12 − 0+3+0+0 = 3 + GS 3+1 = 4 → 13 of 405   (22 + 13 = 35, the total)
    // Coerde (61): SGB II 9+2+12+0 = 23 − 0+0+5+0 = 5 + GS 1 = 19 of 150
    const s3 = (where: { area?: string; breakdown?: string; group?: string }) =>
      cell(rows, "mss_s3_transferbezug", where);
    expect(s3({ breakdown: "nationalitaet", group: "auslaendisch" })).toMatchObject({
      numerator: 22,
      denominator: 135,
    });
    expect(s3({ breakdown: "nationalitaet", group: "deutsch" })).toMatchObject({ numerator: 13, denominator: 405 });
    expect(s3({ area: "61" })).toMatchObject({ numerator: 19, denominator: 150, status: "ok" });
  });

  it("gives a city-level indicator only stadt rows", () => {
    const areas = rows.filter((r) => r.indicator === "integrationskurs_b1" && r.year === 2020).map((r) => r.area);
    expect(new Set(areas)).toEqual(new Set(["stadt"]));
    expect(areas).toHaveLength(1 + 2 + 3); // gesamt; w, m; EU, Drittstaat, ungeklaert
  });
});
