// A numerator made of signed terms from two profiles (the shape of Berlin MSS S3 "Transferbezug"):
// Leistungsberechtigte − Arbeitslose (both Jobcenter) + HLU + Grundsicherung (Sozialamt), per Einwohner.
// Each profile spells nationality differently, so the comparison maps the groups per term.
import { describe, expect, it } from "vitest";
import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { CatalogueInput } from "../catalogue/schema.ts";
import { validateCatalogue } from "../catalogue/validate.ts";
import { applyDisclosureControl, defaultDisclosureRule, disclosureOptions } from "../disclosure/disclosure.ts";
import { computeIndicators } from "./compute.ts";
import { planCatalogue } from "./plan.ts";
import { cell, districts, table } from "./test-helpers.ts";
import type { Observation } from "./types.ts";

const age = { kind: "age", dimension: "alter" };
const profiles: ProfileShape[] = [
  {
    id: "ew",
    title: "Einwohner",
    area: "stadtteil",
    columns: [
      age,
      { kind: "code", dimension: "sta", codes: { deutsch: [], auslaendisch: [] } },
      { kind: "count", measure: "einwohner" },
    ],
    groupings: { nationalitaet: { auslaendisch: { sta: ["auslaendisch"] }, deutsch: { sta: ["deutsch"] } } },
  },
  {
    id: "jc",
    title: "Jobcenter",
    area: "stadtteil",
    columns: [
      age,
      { kind: "code", dimension: "nat", codes: { D: [], A: [] } },
      { kind: "count", measure: "lb" },
      { kind: "count", measure: "al" },
    ],
    groupings: { nationalitaet: { auslaendisch: { nat: ["A"] }, deutsch: { nat: ["D"] } } },
  },
  {
    id: "soz",
    title: "Sozialamt",
    area: "stadtteil",
    columns: [
      age,
      { kind: "code", dimension: "staat", codes: { deu: [], aus: [] } },
      { kind: "count", measure: "hlu" },
      { kind: "count", measure: "gs" },
    ],
    groupings: { nationalitaet: { auslaendisch: { staat: ["aus"] }, deutsch: { staat: ["deu"] } } },
  },
];

const transfer = {
  id: "transfer",
  title: "Transferbezug",
  shortTitle: "Transferbezug",
  field: "KJS",
  unit: "%" as const,
  definition: "Nicht arbeitslose Leistungsberechtigte plus HLU und Grundsicherung je 100 Einwohner.",
  numeratorLabel: "Transferbeziehende ohne Arbeitslose",
  denominatorLabel: "Einwohner",
  source: "Test",
  numerator: [
    { sign: 1 as const, selection: { profile: "jc", measures: ["lb"] } },
    { sign: -1 as const, selection: { profile: "jc", measures: ["al"] } },
    { selection: { profile: "soz", measures: ["hlu", "gs"] } },
  ],
  denominator: { profile: "ew", measures: ["einwohner"] },
  comparison: "nationalitaet",
  breakdowns: ["alter"],
  ageGroups: [
    { from: 0, to: 14 },
    { from: 15, to: 64 },
    { from: 65, to: null },
  ],
};

/** A catalogue file with one indicator (typed loosely: the validation tests pass broken ones). */
const catalogueInput = (indicator: Record<string, unknown> = transfer): unknown =>
  ({
    version: "test-terms",
    title: "Testkatalog",
    fields: [{ id: "KJS", title: "Soziales" }],
    groupings: {
      nationalitaet: {
        label: "Staatsangehörigkeit",
        groups: [
          { id: "auslaendisch", label: "Ausländer" },
          { id: "deutsch", label: "Deutsche" },
        ],
      },
    },
    indicators: [indicator],
  }) satisfies Omit<CatalogueInput, "indicators"> & { indicators: unknown[] };

const parsed = validateCatalogue(catalogueInput(), profiles);
const catalogue = parsed.catalogue;
if (!catalogue) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
const compute = (observations: Observation[]) => computeIndicators({ catalogue, profiles, observations, districts });

// 2020. Stadtteile 11 and 12 form Bezirk Mitte, 61 is Bezirk Nord.
const ew = table(
  "ew",
  2020,
  ["alter", "sta"],
  ["einwohner"],
  [
    [11, "0-14", "deutsch", 20],
    [11, "15-64", "deutsch", 60],
    [11, "15-64", "auslaendisch", 20],
    [12, "15-64", "deutsch", 40],
    [12, "65+", "deutsch", 20],
    [12, "0-14", "auslaendisch", 10],
    [12, "15-64", "auslaendisch", 30],
    [61, "15-64", "deutsch", 150],
    [61, "15-64", "auslaendisch", 50],
  ],
);
const jc = table(
  "jc",
  2020,
  ["alter", "nat"],
  ["lb", "al"],
  [
    [11, "0-14", "D", 5, 0],
    [11, "15-64", "D", 10, 4],
    [11, "15-64", "A", 6, 3],
    [12, "0-14", "A", 4, 0],
    [12, "15-64", "A", 12, 5],
    [12, "15-64", "D", 3, 3],
    [61, "15-64", "D", 8, 2],
    [61, "15-64", "A", 10, 6],
  ],
);
const soz = table(
  "soz",
  2020,
  ["alter", "staat"],
  ["hlu", "gs"],
  [
    [11, "65+", "deu", 0, 2],
    [11, "15-64", "aus", 1, 0],
    [12, "65+", "deu", 0, 4],
    [61, "15-64", "aus", 2, 1],
  ],
);
/*
 * Worked out by hand (numerator = lb − al + hlu + gs):
 *   Stadtteil 11: (5+10+6) − (0+4+3) + (0+2+1+0) = 21 − 7 + 3 = 17   of 20+60+20  = 100 → 17 %
 *   Stadtteil 12: (4+12+3) − (0+5+3) + (0+4)     = 19 − 8 + 4 = 15   of 40+20+10+30 = 100 → 15 %
 *   Stadtteil 61: (8+10)   − (2+6)   + (2+1)     = 18 − 8 + 3 = 13   of 150+50 = 200 → 6.5 %
 *   Bezirk Mitte: 17 + 15 = 32 of 200 → 16 %;  city: 32 + 13 = 45 of 400 → 11.25 %
 *   Ausländer (jc A, soz aus, ew auslaendisch): (6+4+12+10) − (3+0+5+6) + (1+0+2+1) = 32 − 14 + 4 = 22
 *     of 20+10+30+50 = 110 → 20 %
 *   Deutsche (jc D, soz deu, ew deutsch): (5+10+3+8) − (0+4+3+2) + (2+4) = 26 − 9 + 6 = 23 of 290;  22 + 23 = 45
 *   Age 0–14:  lb 5+4 = 9, al 0, soz 0                  → 9  of 20+10 = 30  → 30 %
 *   Age 15–64: lb 10+6+12+3+8+10 = 49, al 4+3+5+3+2+6 = 23, soz 1+2+1 = 4 → 30 of 60+20+40+30+150+50 = 350
 *   Age 65+:   lb 0, al 0, soz gs 2+4 = 6             → 6  of 20 → 30 %;   9 + 30 + 6 = 45
 */
describe("a numerator of signed terms from two profiles", () => {
  const rows = compute([...ew, ...jc, ...soz]);

  it("adds and subtracts the terms for every Stadtteil, Bezirk and the city", () => {
    expect(cell(rows, "transfer", { area: "11" })).toMatchObject({ numerator: 17, denominator: 100, value: 17 });
    expect(cell(rows, "transfer", { area: "12" })).toMatchObject({ numerator: 15, denominator: 100, value: 15 });
    expect(cell(rows, "transfer", { area: "61" })).toMatchObject({ numerator: 13, denominator: 200, value: 6.5 });
    expect(cell(rows, "transfer", { area: "bezirk:Mitte" })).toMatchObject({ numerator: 32, denominator: 200 });
    expect(cell(rows, "transfer")).toMatchObject({ numerator: 45, denominator: 400, value: 11.25, status: "ok" });
  });

  it("maps a comparison group to each term's own profile codes", () => {
    const group = (g: string) => cell(rows, "transfer", { breakdown: "nationalitaet", group: g });
    expect(group("auslaendisch")).toMatchObject({ numerator: 22, denominator: 110, value: 20 });
    expect(group("deutsch")).toMatchObject({ numerator: 23, denominator: 290 });
  });

  it("restricts every term to the age group", () => {
    const ageGroup = (g: string) => cell(rows, "transfer", { breakdown: "alter", group: g });
    expect(ageGroup("0-14")).toMatchObject({ numerator: 9, denominator: 30, value: 30 });
    expect(ageGroup("15-64")).toMatchObject({ numerator: 30, denominator: 350 });
    expect(ageGroup("65+")).toMatchObject({ numerator: 6, denominator: 20, value: 30 });
  });

  it("reports missing when the extract of one term's profile is absent, naming it once", () => {
    const ew2019 = table("ew", 2019, ["alter", "sta"], ["einwohner"], [[11, "15-64", "deutsch", 80]]);
    const jc2019 = table("jc", 2019, ["alter", "nat"], ["lb", "al"], [[11, "15-64", "D", 9, 4]]);
    const row = cell(compute([...ew2019, ...jc2019, ...ew, ...jc, ...soz]), "transfer", { year: 2019, area: "11" });
    expect(row).toMatchObject({ status: "missing", numerator: null, value: null });
    expect(row.statusDetail).toBe("Zähler: kein Auszug „Sozialamt“ (soz) für 2019");
    // Both Jobcenter terms missing: one message for the one extract.
    const onlySoz = cell(compute([...ew, ...soz]), "transfer", { area: "11" });
    expect(onlySoz.statusDetail).toBe("Zähler: kein Auszug „Jobcenter“ (jc) für 2020");
  });

  it("reports withheld, naming the term, when a withheld value enters a subtracted term", () => {
    const withheld = table("jc", 2020, ["alter", "nat"], ["al"], [[61, "0-14", "A", null]]);
    const result = compute([...ew, ...jc, ...withheld, ...soz]);
    const row = cell(result, "transfer", { area: "61" });
    expect(row).toMatchObject({ status: "withheld", numerator: null });
    expect(row.statusDetail).toBe(
      "Zähler (Term 2): ein gesperrter Wert („.“) des Auszugs „jc“ 2020 geht in die Summe ein",
    );
    expect(cell(result, "transfer", { area: "11" }).status).toBe("ok");
  });

  it("shows no share when the terms sum below zero (contradicting deliveries)", () => {
    // 12 in 2021: 2 Leistungsberechtigte but 5 Arbeitslose im SGB II: 2 − 5 + 0 = −3.
    const ew2021 = table("ew", 2021, ["alter", "sta"], ["einwohner"], [[12, "15-64", "deutsch", 40]]);
    const jc2021 = table("jc", 2021, ["alter", "nat"], ["lb", "al"], [[12, "15-64", "D", 2, 5]]);
    const soz2021 = table("soz", 2021, ["alter", "staat"], ["hlu", "gs"], [[61, "65+", "deu", 0, 1]]);
    const row = cell(compute([...ew2021, ...jc2021, ...soz2021]), "transfer", { year: 2021, area: "12" });
    expect(row).toMatchObject({ status: "missing", numerator: null, denominator: null, value: null });
    expect(row.statusDetail).toBe(
      "Zähler: die Terme ergeben -3 (lb (jc) − al (jc) + hlu+gs (soz)); die Lieferungen passen nicht zusammen, kein Anteil berechenbar.",
    );
  });

  it("treats a breakdown as additive for disclosure control only when every term's groups cover it", () => {
    expect(planCatalogue(catalogue, profiles)[0].partitions).toEqual(["nationalitaet", "alter"]);
    // A code outside both groups in one term (and in the denominator) breaks the nationality partition.
    const withUnknown = profiles.map((p) =>
      p.id === "ew" || p.id === "soz"
        ? {
            ...p,
            columns: p.columns.map((c) => (c.codes ? { ...c, codes: { ...c.codes, unbekannt: [] } } : c)),
          }
        : p,
    );
    expect(planCatalogue(catalogue, withUnknown)[0].partitions).toEqual(["alter"]);
    // Suppression looks at the combined numerator: in Stadtteil 11 the age group 65+ holds only the 2
    // Grundsicherung cases of term 3 (numerator 2 < 3) → primary; the nationality groups of 61 have
    // 10 − 6 + (2+1) = 7 and 8 − 2 = 6 and stay published.
    const safe = applyDisclosureControl(rows, defaultDisclosureRule, disclosureOptions(catalogue, profiles, districts));
    const row = (area: string, breakdown: string, group: string) => cell(safe, "transfer", { area, breakdown, group });
    expect(row("11", "alter", "65+")).toMatchObject({ numerator: 2, status: "suppressed", suppression: "primary" });
    expect(row("61", "nationalitaet", "auslaendisch")).toMatchObject({ numerator: 7, status: "ok" });
    expect(row("61", "nationalitaet", "deutsch")).toMatchObject({ numerator: 6, status: "ok" });
  });
});

describe("validating a numerator of terms", () => {
  const problems = (numerator: unknown, extra: Record<string, unknown> = {}) =>
    validateCatalogue(catalogueInput({ ...transfer, numerator, ...extra }), profiles).problems.map(
      (p) => `${p.path}: ${p.message}`,
    );

  it("reports schema problems at the term, in German", () => {
    expect(problems([{ sign: 2, selection: { profile: "jc", measures: ["lb"] }, faktor: 2 }])).toEqual([
      "indicators[0].numerator[0].sign: Indikator „transfer“: muss 1 (addieren) oder -1 (abziehen) sein",
      "indicators[0].numerator[0].faktor: Indikator „transfer“: unbekannte Angabe „faktor“ (Tippfehler?)",
    ]);
    expect(problems([])).toEqual([
      "indicators[0].numerator: Indikator „transfer“: braucht mindestens einen Term { sign, selection }",
    ]);
    expect(problems("lb − al")).toEqual([
      "indicators[0].numerator: Indikator „transfer“: erwartet ein Objekt {...} oder eine Liste [...] von Termen, gefunden den Text „lb − al“",
    ]);
    // A plain selection keeps its plain paths.
    expect(problems({ profile: "jc", measures: [] })).toEqual([
      "indicators[0].numerator.measures: Indikator „transfer“: braucht mindestens eine Messgröße",
    ]);
  });

  it("checks every term's references against its own profile", () => {
    const numerator = [
      { selection: { profile: "jc", measures: ["lb"], age: { from: 0, to: 64 } } },
      { sign: -1, selection: { profile: "jc", measures: ["al"] } },
      { selection: { profile: "soz", measures: ["hlu", "gs_alt"], filter: { nat: ["A"] } } },
    ];
    expect(problems(numerator)).toEqual([
      "indicators[0].numerator[2].selection.measures[1]: Indikator „transfer“: Zähler, Term 3: Messgröße „gs_alt“ gibt es im Profil „soz“ nicht (vorhanden: hlu, gs).",
      "indicators[0].numerator[2].selection.filter.nat: Indikator „transfer“: Zähler, Term 3: das Profil „soz“ hat kein Merkmal „nat“ (vorhanden: staat).",
      "indicators[0].ageGroups[2]: Indikator „transfer“: die Altersgruppe ab 65 Jahren liegt nicht im Altersbereich des Zählers, Term 1 (0–64 Jahre, numerator[0].selection.age).",
    ]);
  });

  it("needs a term to subtract from and rejects terms that repeat or cancel each other", () => {
    const al = { profile: "jc", measures: ["al"] };
    expect(problems([{ sign: -1, selection: al }])).toEqual([
      "indicators[0].numerator: Indikator „transfer“: Zähler: mindestens ein Term braucht das Vorzeichen 1; nur abgezogene Terme ergeben keinen Zähler.",
    ]);
    expect(problems([{ selection: al }, { selection: al }, { sign: -1, selection: al }])).toEqual([
      "indicators[0].numerator: Indikator „transfer“: Zähler: Term 2 ist gleich Term 1 und würde doppelt gezählt.",
      "indicators[0].numerator: Indikator „transfer“: Zähler: Term 3 hebt Term 1 auf (gleiche Auswahl, anderes Vorzeichen).",
    ]);
  });

  it("names the term whose profile cannot split by the comparison", () => {
    const noGrouping = profiles.map((p) => (p.id === "soz" ? { ...p, groupings: {} } : p));
    const messages = validateCatalogue(catalogueInput(), noGrouping).problems.map((p) => p.message);
    expect(messages).toEqual([
      "Indikator „transfer“: Zähler, Term 3: das Profil „soz“ kennt die Gruppierung „nationalitaet“ nicht (vorhanden: keine).",
    ]);
  });
});
