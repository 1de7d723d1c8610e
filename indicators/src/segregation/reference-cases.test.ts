// Reproduces the expected values of every published segregation reference case (the spec's reference values,
// kept in the reference folder beside the repository; skipped without it).
import { expect, it } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import type { CountTable, MultigroupMeasures, SegregationProfile, TwoGroupMeasures } from "./index.ts";
import { dissimilarityPair, segregationProfile } from "./index.ts";

const reference = referenceFolder("Referenzfälle der Segregationsmaße");
const readCaseFile = <T>(file: string) => reference.readJson<T>(`domain/segregation/${file}`);

interface SegregationCase {
  name: string;
  kind?: string;
  groups: string[];
  focal?: string;
  units?: CountTable["units"];
  units_file?: string;
  tolerance?: number;
  expected?: Record<string, unknown>;
  expect_error?: string;
}

const cases = reference.present
  ? readCaseFile<SegregationCase[]>("cases.json").filter((c) => c.kind !== "composite")
  : [];

const twoGroupKeys: Record<string, keyof TwoGroupMeasures> = {
  D: "dissimilarity",
  D_total: "dissimilarity_total",
  Gini: "gini",
  H: "entropy",
  "A_b0.5": "atkinson",
  xPx: "isolation",
  xPy: "exposure",
  yPx: "exposure_other",
  yPy: "isolation_other",
  Eta2: "eta2",
};
const multigroupKeys: Record<string, keyof MultigroupMeasures> = {
  D_multi: "dissimilarity_multi",
  Gini_multi: "gini_multi",
  H_multi: "entropy_multi",
  M_mutual: "mutual_information",
  P_multi: "normalized_exposure",
  R_multi: "relative_diversity",
  C_multi: "squared_variation",
  E_entropy: "diversity",
  E_norm: "diversity_normalized",
  I_simpson: "simpson_interaction",
};

function tableOf(c: SegregationCase): CountTable {
  const units: CountTable["units"] =
    c.units ?? readCaseFile<{ units: CountTable["units"] }>(c.units_file as string).units;
  // Unit files carry more columns than the case uses; the unit total is the sum of the case's groups.
  return {
    groups: c.groups,
    units: units.map(({ unit, counts }) => ({ unit, counts: Object.fromEntries(c.groups.map((g) => [g, counts[g]])) })),
  };
}

/** Value of a spec key (e.g. "Gini", "A_b0.9", "D_pair[a|b]") computed by this implementation. */
function actualValue(key: string, table: CountTable, c: SegregationCase, profile: SegregationProfile): unknown {
  if (key in twoGroupKeys) return profile.measures[twoGroupKeys[key]];
  if (key in multigroupKeys) return profile.multigroup[multigroupKeys[key]];
  if (key === "P") return profile.P;
  const atkinson = /^A_b(0\.\d+)$/.exec(key);
  if (atkinson) return segregationProfile(table, { focal: c.focal, atkinsonB: Number(atkinson[1]) }).measures.atkinson;
  const pair = /^D_pair\[(.+)\|(.+)\]$/.exec(key);
  if (pair) return dissimilarityPair(table, pair[1], pair[2]);
  if (key === "LQ") return Object.fromEntries(profile.units.map((u) => [u.unit, u.location_quotients]));
  if (key === "E_local_norm") return Object.fromEntries(profile.units.map((u) => [u.unit, u.local_entropy]));
  throw new Error(`Schlüssel ${key} ist keinem Maß zugeordnet`);
}

/** Compares expected numbers (possibly nested by unit and group) with the case tolerance or relative 1e-9. */
function expectMatches(actual: unknown, expected: unknown, tolerance: number, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
  } else if (typeof expected === "number") {
    expect(typeof actual, label).toBe("number");
    const difference = Math.abs((actual as number) - expected);
    expect(
      difference <= tolerance || difference <= 1e-9 * Math.abs(expected),
      `${label}: ${actual} ≠ ${expected}`,
    ).toBe(true);
  } else {
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      expectMatches((actual as Record<string, unknown>)[key], value, tolerance, `${label}.${key}`);
    }
  }
}

reference.describe("segregation reference cases from the spec", () => {
  it("covers all eighteen segregation cases of cases.json", () => {
    expect(cases).toHaveLength(18);
  });

  for (const c of cases.filter((c) => c.expected)) {
    it(`reproduces every expected value of ${c.name}`, () => {
      const table = tableOf(c);
      const profile = segregationProfile(table, { focal: c.focal });
      const expected = c.expected as Record<string, unknown>;
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      for (const [key, value] of Object.entries(expected)) {
        expectMatches(actualValue(key, table, c, profile), value, c.tolerance ?? 1e-9, `${c.name} ${key}`);
      }
    });
  }

  for (const c of cases.filter((c) => c.expect_error)) {
    it(`rejects the input of ${c.name} (${c.expect_error})`, () => {
      expect(() => segregationProfile(tableOf(c), { focal: c.focal })).toThrow(/negative Anzahl/);
    });
  }
});
