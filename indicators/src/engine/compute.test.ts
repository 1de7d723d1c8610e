import { describe, expect, it } from "vitest";
import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { CatalogueInput } from "../catalogue/schema.ts";
import { parseCatalogue } from "../catalogue/validate.ts";
import { computeIndicators } from "./compute.ts";
import { decodeDims, parseAgeCode } from "./dims.ts";
import { cell, districts, table } from "./test-helpers.ts";
import type { Observation } from "./types.ts";

const sex = { w: ["w"], m: ["m"], d: ["d"] };
const nationality = { deutsch: ["deutsch"], auslaendisch: ["auslaendisch"] };
const groupings = {
  nationalitaet: { auslaendisch: { sta: ["auslaendisch"] }, deutsch: { sta: ["deutsch"] } },
  geschlecht: { w: { geschlecht: ["w"] }, m: { geschlecht: ["m"] } },
};
const personColumns = [
  { kind: "stichtag" },
  { kind: "stadtteil" },
  { kind: "code", dimension: "geschlecht", codes: sex },
  { kind: "age", dimension: "alter" },
  { kind: "code", dimension: "sta", codes: nationality },
];

const profiles: ProfileShape[] = [
  {
    id: "ew",
    title: "Einwohner",
    area: "stadtteil",
    columns: [...personColumns, { kind: "count", measure: "einwohner" }],
    groupings,
  },
  {
    id: "fall",
    title: "Fälle",
    area: "stadtteil",
    columns: [...personColumns, { kind: "count", measure: "faelle" }],
    groupings,
  },
  {
    id: "stadtweit",
    area: "stadt",
    columns: [
      { kind: "stichtag" },
      { kind: "code", dimension: "geschlecht", codes: sex },
      { kind: "count", measure: "kurse" },
    ],
  },
];

const base = {
  field: "X",
  unit: "%" as const,
  definition: "Testindikator.",
  numeratorLabel: "Fälle",
  denominatorLabel: "Einwohner",
  source: "Test",
};
const catalogueInput: CatalogueInput = {
  version: "test-1",
  title: "Testkatalog",
  fields: [{ id: "X", title: "Testfeld" }],
  groupings: {
    nationalitaet: {
      label: "Staatsangehörigkeit",
      groups: [
        { id: "auslaendisch", label: "Ausländer" },
        { id: "deutsch", label: "Deutsche" },
      ],
    },
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
      ...base,
      id: "quote",
      title: "Quote",
      shortTitle: "Quote",
      numerator: { profile: "fall", measures: ["faelle"] },
      denominator: { profile: "ew", measures: ["einwohner"] },
      comparison: "nationalitaet",
      breakdowns: ["geschlecht", "alter"],
      ageGroups: [
        { from: 0, to: 9 },
        { from: 10, to: 19 },
        { from: 20, to: null },
      ],
    },
    {
      ...base,
      id: "quote_u15",
      title: "Quote unter 15",
      shortTitle: "Quote u15",
      numerator: { profile: "fall", measures: ["faelle"], age: { from: 0, to: 14 } },
      denominator: { profile: "ew", measures: ["einwohner"], age: { from: 0, to: 14 } },
    },
    {
      ...base,
      id: "vorjahr",
      title: "Fälle je Einwohner des Vorjahres",
      shortTitle: "Vorjahr",
      numerator: { profile: "fall", measures: ["faelle"] },
      denominator: { profile: "ew", measures: ["einwohner"], yearOffset: -1 },
    },
    {
      ...base,
      id: "stadtweit_quote",
      title: "Kurse je Einwohner",
      shortTitle: "Kurse",
      unit: "‰",
      numerator: { profile: "stadtweit", measures: ["kurse"] },
      denominator: { profile: "ew", measures: ["einwohner"] },
    },
  ],
};
const catalogue = parseCatalogue(catalogueInput, profiles);
const DIMS = ["geschlecht", "alter", "sta"];
const compute = (observations: Observation[]) => computeIndicators({ catalogue, profiles, observations, districts });

// Einwohner 2020: 11 → 40, 12 → 20 (no foreigners), 61 → 50.
const ew2020 = table(
  "ew",
  2020,
  DIMS,
  ["einwohner"],
  [
    [11, "w", "0-9", "deutsch", 10],
    [11, "m", "10-14", "auslaendisch", 10],
    [11, "w", "20+", "deutsch", 20],
    [12, "m", "20+", "deutsch", 20],
    [61, "w", "0-9", "auslaendisch", 20],
    [61, "m", "20+", "deutsch", 30],
  ],
);
// Fälle 2020: 11 → 4, 12 → 0, 61 → 6.
const fall2020 = table(
  "fall",
  2020,
  DIMS,
  ["faelle"],
  [
    [11, "m", "10-14", "auslaendisch", 3],
    [11, "w", "20+", "deutsch", 1],
    [61, "w", "0-9", "auslaendisch", 6],
  ],
);

describe("decoding observations", () => {
  it("reads dims pairs and age codes without data-import", () => {
    expect(decodeDims("geschlecht=w|alter=90+")).toEqual({ geschlecht: "w", alter: "90+" });
    expect(decodeDims("")).toEqual({});
    expect(parseAgeCode("7-7")).toEqual({ from: 7, to: 7 });
    expect(parseAgeCode("7")).toEqual({ from: 7, to: 7 });
    expect(parseAgeCode("90+")).toEqual({ from: 90, to: null });
    expect(parseAgeCode("9-3")).toBeNull();
    expect(parseAgeCode("x")).toBeNull();
  });
});

describe("computeIndicators", () => {
  it("computes Stadtteile, Bezirke and the city with groups and age groups", () => {
    const rows = compute([...ew2020, ...fall2020]);
    // City: 4+0+6 / 40+20+50 = 10 / 110.
    expect(cell(rows, "quote")).toMatchObject({ numerator: 10, denominator: 110, status: "ok", statusDetail: null });
    expect(cell(rows, "quote").value).toBeCloseTo((10 / 110) * 100, 10);
    // Bezirk Mitte = 11 + 12: 4 / 60; Nord = 61: 6 / 50 = 12 %.
    expect(cell(rows, "quote", { area: "bezirk:Mitte" })).toMatchObject({ numerator: 4, denominator: 60 });
    expect(cell(rows, "quote", { area: "61" })).toMatchObject({ numerator: 6, denominator: 50, value: 12 });
    // Ausländer: 3+6 / 10+20; age 10-19: 3 / 10.
    expect(cell(rows, "quote", { breakdown: "nationalitaet", group: "auslaendisch" })).toMatchObject({
      numerator: 9,
      denominator: 30,
    });
    expect(cell(rows, "quote", { breakdown: "alter", group: "10-19" })).toMatchObject({
      numerator: 3,
      denominator: 10,
      value: 30,
    });
  });

  it("reports denominator_zero where nobody lives in the group", () => {
    const rows = compute([...ew2020, ...fall2020]);
    // Überwasser (12) has no foreigners: 0 / 0.
    const row = cell(rows, "quote", { area: "12", breakdown: "nationalitaet", group: "auslaendisch" });
    expect(row).toMatchObject({ status: "denominator_zero", numerator: 0, denominator: 0, value: null });
    expect(row.statusDetail).toContain("Nenner ist 0");
  });

  it("reports missing, naming profile and year, when an extract of that year is absent", () => {
    const ew2019 = table("ew", 2019, DIMS, ["einwohner"], [[11, "w", "20+", "deutsch", 5]]);
    const rows = compute([...ew2019, ...ew2020, ...fall2020]);
    const row = cell(rows, "quote", { year: 2019, area: "11" });
    expect(row).toMatchObject({ status: "missing", numerator: null, denominator: null, value: null });
    expect(row.statusDetail).toBe("Zähler: kein Auszug „Fälle“ (fall) für 2019");
  });

  it("takes a yearOffset -1 denominator from the previous year's extract", () => {
    const ew2019 = table(
      "ew",
      2019,
      DIMS,
      ["einwohner"],
      [
        [11, "w", "20+", "deutsch", 5],
        [61, "m", "20+", "deutsch", 15],
      ],
    );
    const rows = compute([...ew2019, ...ew2020, ...fall2020]);
    // 2020: 10 Fälle / 2019's 5+15 = 50 % (the 110 of 2020 must not be used).
    expect(cell(rows, "vorjahr")).toMatchObject({ numerator: 10, denominator: 20, value: 50 });
    // 2019 would need Einwohner 2018 (and Fälle 2019): both named.
    expect(cell(rows, "vorjahr", { year: 2019 }).statusDetail).toBe(
      "Zähler: kein Auszug „Fälle“ (fall) für 2019; Nenner: kein Auszug „Einwohner“ (ew) für 2018 (Stichtag des Vorjahres)",
    );
  });

  it("reports band_split naming the band when an age range cuts a delivered band", () => {
    // 2021 Einwohner in 10-year bands, Fälle in 0-14 / 15-19 / 20+.
    const ew2021 = table(
      "ew",
      2021,
      DIMS,
      ["einwohner"],
      [
        [11, "w", "0-9", "deutsch", 10],
        [11, "w", "10-19", "deutsch", 10],
        [11, "w", "20+", "deutsch", 30],
      ],
    );
    const fall2021 = table(
      "fall",
      2021,
      DIMS,
      ["faelle"],
      [
        [11, "w", "0-14", "deutsch", 2],
        [11, "w", "15-19", "deutsch", 1],
        [11, "w", "20+", "deutsch", 3],
      ],
    );
    const rows = compute([...ew2021, ...fall2021]);
    const u15 = cell(rows, "quote_u15", { year: 2021 });
    expect(u15).toMatchObject({ status: "band_split", numerator: null, denominator: null, value: null });
    expect(u15.statusDetail).toBe(
      "Altersgruppe 10-19 wird durch den Bereich 0–14 Jahre geteilt (Nenner, Auszug „ew“ 2021)",
    );
    // The age group 10-19 of "quote" cuts the Fälle band 0-14; the total is unaffected.
    expect(cell(rows, "quote", { year: 2021, breakdown: "alter", group: "10-19" }).statusDetail).toBe(
      "Altersgruppe 0-14 wird durch den Bereich 10–19 Jahre geteilt (Zähler, Auszug „fall“ 2021)",
    );
    expect(cell(rows, "quote", { year: 2021, breakdown: "alter", group: "20+" })).toMatchObject({
      status: "ok",
      numerator: 3,
      denominator: 30,
    });
    expect(cell(rows, "quote", { year: 2021 })).toMatchObject({ status: "ok", numerator: 6, denominator: 50 });
    // Every area above the Stadtteil inherits the split.
    expect(cell(rows, "quote_u15", { year: 2021, area: "bezirk:Mitte" }).status).toBe("band_split");
  });

  it("reports withheld where a withheld value enters the sum, and never counts it as 0", () => {
    const withheld = table(
      "ew",
      2020,
      DIMS,
      ["einwohner"],
      [
        [11, "w", "0-9", "deutsch", null], // inside every range of "quote" and "quote_u15"
        [61, "m", "20+", "deutsch", null], // outside 0-14: irrelevant for quote_u15
      ],
    );
    const rows = compute([...ew2020, ...withheld, ...fall2020]);
    for (const area of ["11", "bezirk:Mitte", "stadt"]) {
      expect(cell(rows, "quote_u15", { area })).toMatchObject({ status: "withheld", numerator: null, value: null });
    }
    expect(cell(rows, "quote_u15", { area: "11" }).statusDetail).toBe(
      "Nenner: ein gesperrter Wert („.“) des Auszugs „ew“ 2020 geht in die Summe ein",
    );
    // 12 has nothing withheld; 61's withheld line lies outside 0-14: 6 Fälle / 20 Einwohner 0-9.
    expect(cell(rows, "quote_u15", { area: "12" }).status).toBe("denominator_zero");
    expect(cell(rows, "quote_u15", { area: "61" })).toMatchObject({ status: "ok", numerator: 6, denominator: 20 });
    expect(cell(rows, "quote", { area: "61" }).status).toBe("withheld");
  });

  it("uses the city total of a Stadtteil-level side when the other side is city-level", () => {
    const kurse = table(
      "stadtweit",
      2020,
      ["geschlecht"],
      ["kurse"],
      [
        [null, "w", 7],
        [null, "m", 4],
      ],
    );
    const rows = compute([...ew2020, ...fall2020, ...kurse]);
    const ours = rows.filter((r) => r.indicator === "stadtweit_quote" && r.year === 2020);
    expect(ours.map((r) => r.area)).toEqual(["stadt"]);
    // 7+4 / 110 ×1000.
    expect(ours[0]).toMatchObject({ numerator: 11, denominator: 110 });
    expect(ours[0].value).toBeCloseTo(100, 10);
  });

  it("counts a Stadtteil missing from the district list for the city only", () => {
    const stray = table("ew", 2020, DIMS, ["einwohner"], [[99, "w", "20+", "deutsch", 5]]);
    const rows = compute([...ew2020, ...stray, ...fall2020]);
    expect(cell(rows, "quote").denominator).toBe(115);
    expect(rows.some((r) => r.area === "99")).toBe(false);
  });

  it("returns the same rows in the same order whatever the order of the observations", () => {
    const observations = [...ew2020, ...fall2020];
    const shuffled = [...observations].reverse();
    const a = compute(observations);
    expect(compute(shuffled)).toEqual(a);
    const areas = [...new Set(a.filter((r) => r.indicator === "quote").map((r) => r.area))];
    expect(areas).toEqual(["stadt", "bezirk:Mitte", "bezirk:Nord", "11", "12", "61"]);
    const groups = a
      .filter((r) => r.indicator === "quote" && r.area === "stadt")
      .map((r) => `${r.breakdown}/${r.group}`);
    expect(groups).toEqual([
      "gesamt/gesamt",
      "nationalitaet/auslaendisch",
      "nationalitaet/deutsch",
      "geschlecht/w",
      "geschlecht/m",
      "alter/0-9",
      "alter/10-19",
      "alter/20+",
    ]);
  });
});
