import { describe, expect, it } from "vitest";
import { random } from "../../../tests/support/random.ts";
import type { CountTable } from "./index.ts";
import { dissimilarityPair, segregationProfile, validateCountTable } from "./index.ts";
import { weightedAbsoluteDifferences } from "./math.ts";

const twoStadtteile: CountTable = {
  groups: ["Deutsche", "Ausländer"],
  units: [
    { unit: "Altstadt", counts: { Deutsche: 900, Ausländer: 100 } },
    { unit: "Hafen", counts: { Deutsche: 600, Ausländer: 400 } },
  ],
};

const threeGroups: CountTable = {
  groups: ["Deutsche", "EU", "NichtEU"],
  units: [
    { unit: "Mitte", counts: { Deutsche: 120, EU: 21, NichtEU: 39 } },
    { unit: "Ost", counts: { Deutsche: 154, EU: 9, NichtEU: 52 } },
    { unit: "West", counts: { Deutsche: 210, EU: 13, NichtEU: 8 } },
  ],
};

function randomTable(units: number, groups: number, seed: number): CountTable {
  const next = random(seed);
  const names = Array.from({ length: groups }, (_, k) => `g${k}`);
  return {
    groups: names,
    units: Array.from({ length: units }, (_, i) => ({
      unit: `u${i}`,
      counts: Object.fromEntries(names.map((g) => [g, Math.floor(next() * next() * 500)])),
    })),
  };
}

describe("segregationProfile", () => {
  it("computes the documented example: 40 % of the Ausländer would have to move", () => {
    // x/X = 0.2, 0.8 and y/Y = 0.6, 0.4 → D = ½ (0.4 + 0.4)
    const profile = segregationProfile(twoStadtteile, { focal: "Ausländer" });
    expect(profile.measures.dissimilarity).toBeCloseTo(0.4, 12);
    expect(profile.P).toBeCloseTo(0.25, 12);
    // isolation: 0.2·0.1 + 0.8·0.4 = 0.34; Eta² = (xPx − P)/(1 − P) = 0.09/0.75
    expect(profile.measures.isolation).toBeCloseTo(0.34, 12);
    expect(profile.measures.eta2).toBeCloseTo(0.12, 12);
    expect(profile.undefinedReasons).toEqual({});
  });

  it("takes the first group as focal group when the table has exactly two groups", () => {
    const profile = segregationProfile(twoStadtteile);
    expect(profile.focal).toBe("Deutsche");
    expect(profile.P).toBeCloseTo(0.75, 12);
    expect(profile.measures.dissimilarity).toBeCloseTo(0.4, 12);
  });

  it("leaves the two-group measures null with a reason when a table of three groups has no focal group", () => {
    const profile = segregationProfile(threeGroups);
    expect(profile.focal).toBeNull();
    expect(Object.values(profile.measures).every((v) => v === null)).toBe(true);
    expect(profile.undefinedReasons.dissimilarity).toMatch(/Keine Fokusgruppe gewählt/);
    expect(profile.multigroup.entropy_multi).toBeGreaterThan(0);
  });

  it("compares the focal group with one other group when asked, which equals the pairwise ID", () => {
    const profile = segregationProfile(threeGroups, { focal: "NichtEU", other: "Deutsche" });
    const pair = dissimilarityPair(threeGroups, "NichtEU", "Deutsche");
    expect(profile.other).toBe("Deutsche");
    expect(profile.measures.dissimilarity).toBeCloseTo(pair as number, 12);
    expect(profile.measures.dissimilarity).not.toBeCloseTo(
      segregationProfile(threeGroups, { focal: "NichtEU" }).measures.dissimilarity as number,
      3,
    );
    // P is the share within the two compared groups only: 99 / (99 + 484)
    expect(profile.P).toBeCloseTo(99 / 583, 12);
  });

  it("explains in German why the measures are null when the focal group does not occur", () => {
    const table: CountTable = {
      groups: ["x", "y"],
      units: [
        { unit: "a", counts: { x: 0, y: 10 } },
        { unit: "b", counts: { x: 0, y: 5 } },
      ],
    };
    const profile = segregationProfile(table, { focal: "x" });
    expect(profile.measures.dissimilarity).toBeNull();
    expect(profile.undefinedReasons.dissimilarity).toBe("Gruppe „x“ kommt in der Stadt nicht vor.");
    expect(profile.undefinedReasons["location_quotients.x"]).toBe("Gruppe „x“ kommt in der Stadt nicht vor.");
    expect(profile.measures.isolation_other).toBe(1);
  });

  it("says there is no comparison group when the focal group is the whole population", () => {
    const table: CountTable = { groups: ["x", "y"], units: [{ unit: "a", counts: { x: 7, y: 0 } }] };
    const profile = segregationProfile(table, { focal: "x" });
    expect(profile.measures.gini).toBeNull();
    expect(profile.measures.isolation).toBe(1);
    expect(profile.measures.dissimilarity_total).toBe(0);
    expect(profile.undefinedReasons.gini).toMatch(/umfasst die gesamte Bevölkerung/);
  });

  it("returns null everywhere for a city without inhabitants", () => {
    const table: CountTable = { groups: ["x", "y"], units: [{ unit: "a", counts: { x: 0, y: 0 } }] };
    const profile = segregationProfile(table, { focal: "x" });
    expect(profile.P).toBeNull();
    expect([...Object.values(profile.measures), ...Object.values(profile.multigroup)].every((v) => v === null)).toBe(
      true,
    );
    expect(profile.units[0].local_entropy).toBeNull();
    expect(profile.undefinedReasons["units.a"]).toMatch(/ohne Einwohner/);
  });

  it("rejects an unknown focal group, an Atkinson parameter outside (0, 1) and a comparison group without focal group", () => {
    expect(() => segregationProfile(twoStadtteile, { focal: "Türken" })).toThrow(
      /Gruppe „Türken“ kommt in der Tabelle nicht vor/,
    );
    expect(() => segregationProfile(twoStadtteile, { atkinsonB: 1 })).toThrow(/Atkinson-Parameter/);
    expect(() => segregationProfile(threeGroups, { other: "EU" })).toThrow(/braucht eine Fokusgruppe/);
  });

  it("computes the Gini index from sorted prefix sums exactly like the O(n²) definition", () => {
    const next = random(7);
    const weights = Array.from({ length: 300 }, () => Math.floor(next() * 1000));
    const values = Array.from({ length: 300 }, () => Math.round(next() * 20) / 20); // many ties
    let direct = 0;
    for (let i = 0; i < 300; i++)
      for (let j = 0; j < 300; j++) direct += weights[i] * weights[j] * Math.abs(values[i] - values[j]);
    expect(Math.abs(weightedAbsoluteDifferences(weights, values) - direct) / direct).toBeLessThan(1e-12);
    expect(direct).toBeGreaterThan(0);
  });

  it("keeps every measure within [0, 1] and never NaN on a random table", () => {
    const profile = segregationProfile(randomTable(200, 5, 3), { focal: "g2" });
    const values = [
      ...Object.values(profile.measures),
      ...Object.entries(profile.multigroup)
        .filter(([key]) => key !== "diversity" && key !== "mutual_information")
        .map(([, v]) => v),
    ];
    for (const value of values) {
      expect(value).not.toBeNull();
      expect(value as number).toBeGreaterThanOrEqual(-1e-12);
      expect(value as number).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it("computes 10,000 units × 20 groups without quadratic cost", () => {
    const table = randomTable(10_000, 20, 11);
    const started = performance.now();
    const profile = segregationProfile(table, { focal: "g0" });
    const elapsed = performance.now() - started;
    expect(profile.units).toHaveLength(10_000);
    expect(profile.measures.gini).toBeGreaterThan(0);
    // Typically 0.2 s; an O(n²) Gini would need ~2·10⁹ pair operations here. The bench tracks the real figure.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("validateCountTable", () => {
  it("lists every problem in German, naming unit and group", () => {
    const problems = validateCountTable({
      groups: ["x", "y"],
      units: [
        { unit: "a", counts: { x: -1, y: Number.NaN } },
        { unit: "b", counts: { x: 3 } as Record<string, number> },
        { unit: "b", counts: { x: 1, y: Number.POSITIVE_INFINITY } },
      ],
    });
    expect(problems).toEqual([
      "Gebiet „b“ ist mehrfach aufgeführt.",
      "Gebiet „a“, Gruppe „x“: negative Anzahl (-1)",
      "Gebiet „a“, Gruppe „y“: keine gültige Zahl (NaN)",
      "Gebiet „b“, Gruppe „y“: Anzahl fehlt",
      "Gebiet „b“, Gruppe „y“: keine gültige Zahl (Infinity)",
    ]);
  });

  it("accepts non-integer counts and extra columns that are not listed groups", () => {
    expect(validateCountTable({ groups: ["x"], units: [{ unit: "a", counts: { x: 2.5, TOTAL: 9 } }] })).toEqual([]);
  });
});
