import { describe, expect, it } from "vitest";
import type { ProfileShape } from "../catalogue/profile-shape.ts";
import { SECONDARY } from "../disclosure/disclosure.ts";
import type { Observation } from "../engine/types.ts";
import { computeSozialmonitoring } from "./compute.ts";
import type { SegregationSecrecy } from "./disclosure.ts";

/** The groupings the comparisons read, as in the einwohner profile; arbeitsmarkt needs none. */
const profiles: ProfileShape[] = [
  {
    id: "einwohner",
    area: "stadtteil",
    columns: [],
    groupings: {
      migration: {
        mit: { migrationsvorgeschichte: ["persoenlich", "vererbt", "auslaendisch"] },
        ohne: { migrationsvorgeschichte: ["ohne"] },
      },
      nationalitaet: {
        auslaendisch: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] },
        deutsch: { staatsangehoerigkeit: ["deutsch"] },
      },
    },
  },
  { id: "arbeitsmarkt", area: "stadtteil", columns: [] },
];

const districts = [
  { number: 1, name: "Nordviertel", bezirk: "A" },
  { number: 2, name: "Südviertel", bezirk: "A" },
  { number: 3, name: "Westviertel", bezirk: "A" },
];

const person = (district: number, alter: string, sta: string, value: number | null): Observation => ({
  profile: "einwohner",
  year: 2024,
  district,
  dims: `geschlecht=w|alter=${alter}|staatsangehoerigkeit=${sta}|migrationsvorgeschichte=${sta === "deutsch" ? "ohne" : "auslaendisch"}`,
  measure: "einwohner",
  value,
});

const result = (observations: Observation[], comparison: string) =>
  computeSozialmonitoring({ profiles, observations, indicatorValues: [], districts }).segregation.find(
    (r) => r.comparison === comparison && r.area === "stadt",
  );

describe("computeSozialmonitoring", () => {
  it("leaves out a Stadtteil with a withheld count and reports the coverage", () => {
    const observations = [
      person(1, "0-17", "deutsch", 80),
      person(1, "0-17", "EU", 20),
      person(2, "0-17", "deutsch", 50),
      person(2, "0-17", "Drittstaat", 50),
      person(3, "0-17", "deutsch", 90),
      person(3, "0-17", "EU", null),
    ];
    const r = result(observations, "auslaender_deutsche");
    expect(r?.units.map((u) => u.unit)).toEqual(["1", "2"]);
    expect(r?.problems.map((p) => [p.stadtteil, p.message])).toEqual([
      ["3", "Mindestens ein Wert wurde geheim gehalten (. oder x); das Gebiet wird für dieses Jahr ausgelassen."],
    ]);
    expect(r?.coverage).toBeCloseTo(200 / 290, 12);
    // Ausländer 20 / 50, Deutsche 80 / 50: D = ½ (|20/70 − 80/130| + |50/70 − 50/130|)
    expect(r?.measures.dissimilarity).toBeCloseTo(
      (Math.abs(20 / 70 - 80 / 130) + Math.abs(50 / 70 - 50 / 130)) / 2,
      12,
    );
  });

  it("does not guess minors from an age band that crosses 18", () => {
    const observations = [
      person(1, "0-14", "deutsch", 80),
      person(1, "15-19", "EU", 20),
      person(2, "0-14", "deutsch", 50),
      person(2, "15-17", "EU", 10),
      person(3, "0-17", "deutsch", 40),
    ];
    const r = result(observations, "minderjaehrige_mv");
    expect(r?.problems).toEqual([
      {
        stadtteil: "1",
        name: "Nordviertel",
        message: "Die gelieferte Altersgruppe 15-19 passt nicht zur Altersabgrenzung des Vergleichs.",
      },
    ]);
    expect(r?.units.map((u) => [u.unit, u.population])).toEqual([
      ["2", 60],
      ["3", 40],
    ]);
  });

  it("skips comparisons whose extracts were not delivered for the year", () => {
    const r = computeSozialmonitoring({
      profiles,
      observations: [person(1, "0-17", "deutsch", 10)],
      indicatorValues: [],
      districts,
    });
    expect(r.segregation.some((s) => s.comparison === "sgb2_u65")).toBe(false);
    expect(r.index).toEqual([]);
  });
});

describe("segregation values under the Geheimhaltung of all tables", () => {
  // Nordviertel's EU and Drittstaat counts are withheld (both), everything else is shown. Two cities that
  // agree on every shown number but not on the withheld ones: 2 EU + 8 Drittstaat against 7 EU + 3 Drittstaat.
  const city = (eu: number, drittstaat: number) => [
    person(1, "0-17", "deutsch", 90),
    person(1, "0-17", "EU", eu),
    person(1, "0-17", "Drittstaat", drittstaat),
    person(2, "0-17", "deutsch", 60),
    person(2, "0-17", "EU", 25),
    person(2, "0-17", "Drittstaat", 15),
    person(3, "0-17", "deutsch", 70),
    person(3, "0-17", "EU", 10),
    person(3, "0-17", "Drittstaat", 20),
  ];
  const secrecy: SegregationSecrecy = {
    group: (comparison, _year, unit, group) => {
      if (comparison !== "staatsangehoerigkeit" || unit !== "1") return null;
      return group === "EU" ? "primary-numerator" : group === "Drittstaat" ? "secondary" : null;
    },
    share: () => null,
  };
  const multigroup = (observations: Observation[]) =>
    computeSozialmonitoring(
      { profiles, observations, indicatorValues: [], districts },
      { segregationSecrecy: secrecy },
    ).segregation.find((r) => r.comparison === "staatsangehoerigkeit" && r.area === "stadt");

  it("publishes area measures that cannot tell the two apart (a candidate search finds nothing)", () => {
    const a = multigroup(city(2, 8));
    const b = multigroup(city(7, 3));
    expect(a?.multigroup?.dissimilarity_multi).not.toBeCloseTo(b?.multigroup?.dissimilarity_multi ?? 0, 6);
    expect(a?.publicMeasures?.multigroup).toEqual(b?.publicMeasures?.multigroup);
    expect(a?.publicMeasures?.units["2"]).toEqual(b?.publicMeasures?.units["2"]);
    // The protected inputs split Nordviertel's 10 withheld people evenly: 5 EU and 5 Drittstaat.
    const protectedCity = multigroup(city(5, 5));
    expect(a?.publicMeasures?.multigroup?.dissimilarity_multi).toBeCloseTo(
      protectedCity?.multigroup?.dissimilarity_multi ?? Number.NaN,
      12,
    );
  });

  it("withholds the location quotients and the local entropy of the withheld counts, with the rule", () => {
    const a = multigroup(city(2, 8));
    expect(a?.suppressed).toMatchObject({
      "units.1.location_quotients.EU": "Geheimhaltung: Fallzahl unter 3 (Gruppe „EU“)",
      "units.1.location_quotients.Drittstaat": SECONDARY,
      "units.1.local_entropy": expect.stringMatching(/^Geheimhaltung: /),
    });
    expect(a?.suppressed["units.2.location_quotients.EU"]).toBeUndefined();
  });
});
