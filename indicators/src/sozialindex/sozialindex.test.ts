import { describe, expect, it } from "vitest";
import type { SozialindexConfig, SozialindexUnit } from "./index.ts";
import { computeSozialindex, muenster } from "./index.ts";

/*
 * Hand-worked Münster example (five fictitious Stadtteile plus a Gewerbepark with 250 inhabitants).
 *
 *   Stadtteil  EW    K1 sgb2_15_64_st  K2 kinder_sgb2_u15  K3 anteil_mv_u18
 *   A          4000   4                13                  38
 *   B          6000   9                13                  38
 *   C          5000   9                23                  38
 *   D          8000  19                23                  38
 *   E          7000  19                28                  48
 *   Gewerbe     250  40                60                  90   → < 300 EW, left out before standardising
 *
 * K1: mean 12, deviations −8 −3 −3 7 7, Σd² = 180, SD (divisor n) = √(180/5) = 6 → z = −4/3 −1/2 −1/2 7/6 7/6
 * K2: mean 20, deviations −7 −7 3 3 8,  Σd² = 180, SD = 6                      → z = −7/6 −7/6 1/2 1/2 4/3
 * K3: mean 40, deviations −2 −2 −2 −2 8, Σd² = 80, SD = 4                      → z = −1/2 −1/2 −1/2 −1/2 2
 * mean of the three z:  A −1,  B −13/18,  C −1/6,  D 7/18,  E 3/2        (mean 0)
 * SD of the means: Σ² = (324 + 169 + 9 + 49 + 729)/324 = 1280/324, /5 = 256/324 → SD = 8/9
 * status index = mean · 9/8:  A −9/8, B −13/16, C −3/16, D 7/16, E 27/16
 * classes (−1 / 1 / 1.5):     A hoch, B mittel, C mittel, D mittel, E sehr niedrig
 *
 * Dynamics: change over two years (percentage points), derived from the `_vorher` columns:
 *   K1 −2 −1 0 1 2,  K2 −4 −2 0 2 4,  K3 −1 −0.5 0 0.5 1 → each z = (−2 −1 0 1 2)/√2, so the mean and its
 *   re-standardised value are (−2 −1 0 1 2)/√2 = −1.414 −0.707 0 0.707 1.414
 *   → A positiv, B–D stabil, E negativ; combined A "1 +", E "4 -".
 */
const k1 = [4, 9, 9, 19, 19];
const k2 = [13, 13, 23, 23, 28];
const k3 = [38, 38, 38, 38, 48];
const change = [-2, -1, 0, 1, 2];
const stadtteile: SozialindexUnit[] = [
  ...["A", "B", "C", "D", "E"].map((unit, i) => ({
    unit,
    population: [4000, 6000, 5000, 8000, 7000][i],
    values: {
      sgb2_15_64_st: k1[i],
      kinder_sgb2_u15: k2[i],
      anteil_mv_u18: k3[i],
      sgb2_15_64_st_vorher: k1[i] - change[i],
      kinder_sgb2_u15_vorher: k2[i] - 2 * change[i],
      anteil_mv_u18_vorher: k3[i] - change[i] / 2,
    },
  })),
  {
    unit: "Gewerbepark",
    population: 250,
    values: { sgb2_15_64_st: 40, kinder_sgb2_u15: 60, anteil_mv_u18: 90, sgb2_15_64_st_vorher: 10 },
  },
];
const byUnit = <T extends { unit: string }>(units: T[]) => Object.fromEntries(units.map((u) => [u.unit, u]));

describe("computeSozialindex with the Münster configuration", () => {
  const result = computeSozialindex(stadtteile, muenster);
  const units = byUnit(result.units);

  it("gives the hand-computed z-values, mean and status index", () => {
    expect(units.A.status?.z.sgb2_15_64_st).toBeCloseTo(-4 / 3, 12);
    expect(units.E.status?.z.kinder_sgb2_u15).toBeCloseTo(4 / 3, 12);
    expect(units.E.status?.z.anteil_mv_u18).toBeCloseTo(2, 12);
    expect(units.B.status?.aggregate).toBeCloseTo(-13 / 18, 12);
    const expectedIndex = { A: -9 / 8, B: -13 / 16, C: -3 / 16, D: 7 / 16, E: 27 / 16 };
    for (const [unit, index] of Object.entries(expectedIndex)) expect(units[unit].status?.index).toBeCloseTo(index, 12);
  });

  it("classifies the status as hoch, mittel, mittel, mittel, sehr niedrig", () => {
    expect(["A", "B", "C", "D", "E"].map((u) => units[u].status?.class)).toEqual([
      "hoch",
      "mittel",
      "mittel",
      "mittel",
      "sehr niedrig",
    ]);
    expect(units.E.status?.code).toBe("4");
  });

  it("derives the changes from the earlier values and classifies the dynamics", () => {
    expect(units.A.dynamics?.z.d_kinder_sgb2_u15).toBeCloseTo(-2 / Math.SQRT2, 12);
    expect(units.B.dynamics?.index).toBeCloseTo(-1 / Math.SQRT2, 12);
    expect(["A", "B", "C", "D", "E"].map((u) => units[u].dynamics?.class)).toEqual([
      "positiv",
      "stabil",
      "stabil",
      "stabil",
      "negativ",
    ]);
    expect(units.A.combinedClass).toBe("1 +");
    expect(units.E.combinedClass).toBe("4 -");
  });

  it("leaves out a Stadtteil below 300 inhabitants with its reason, without shifting the others", () => {
    expect(units.Gewerbepark.status).toBeNull();
    expect(units.Gewerbepark.dynamics).toBeNull();
    expect(units.Gewerbepark.combinedClass).toBeNull();
    expect(units.Gewerbepark.exclusions).toEqual(["weniger als 300 Einwohner (250)"]);
    expect(result.included).toEqual({ status: 5, dynamics: 5 });
    // With the threshold lowered, the Gewerbepark takes part and every other index moves.
    const withGewerbepark = byUnit(computeSozialindex(stadtteile, { ...muenster, minPopulation: 200 }).units);
    expect(withGewerbepark.Gewerbepark.status?.class).toBe("sehr niedrig");
    expect(withGewerbepark.E.status?.index).not.toBeCloseTo(27 / 16, 3);
  });

  it("gives the same result for explicit change columns as for earlier values", () => {
    const explicit = stadtteile.slice(0, 5).map((u, i) => ({
      unit: u.unit,
      population: u.population,
      values: {
        sgb2_15_64_st: k1[i],
        kinder_sgb2_u15: k2[i],
        anteil_mv_u18: k3[i],
        d_sgb2_15_64_st: change[i],
        d_kinder_sgb2_u15: 2 * change[i],
        d_anteil_mv_u18: change[i] / 2,
      },
    }));
    const fromChanges = computeSozialindex(explicit, muenster).units;
    expect(fromChanges.map((u) => u.dynamics?.index)).toEqual(result.units.slice(0, 5).map((u) => u.dynamics?.index));
  });
});

describe("computeSozialindex engine options", () => {
  const statusOnly: SozialindexConfig = { ...muenster, dynamics: [], minPopulation: null };
  const five = stadtteile.slice(0, 5);
  const index = (units: SozialindexUnit[], config: SozialindexConfig) =>
    computeSozialindex(units, config).units.map((u) => u.status?.index ?? null);

  it("excludes a unit with a missing value, names the indicator, and standardises over the rest", () => {
    const withGap = [...five, { unit: "F", population: 900, values: { sgb2_15_64_st: 30, kinder_sgb2_u15: null } }];
    const result = computeSozialindex(withGap, statusOnly);
    expect(result.units[5].exclusions).toEqual([
      "Statusindex: Wert für „kinder_sgb2_u15“ fehlt",
      "Statusindex: Wert für „anteil_mv_u18“ fehlt",
    ]);
    expect(result.units[5].status).toBeNull();
    expect(result.units.slice(0, 5).map((u) => u.status?.index)).toEqual(index(five, statusOnly));
  });

  it("flips an indicator whose high values mean advantage", () => {
    const mirrored = five.map((u) => ({
      ...u,
      values: { ...u.values, sgb2_15_64_st: 100 - (u.values.sgb2_15_64_st as number) },
    }));
    const flipped: SozialindexConfig = {
      ...statusOnly,
      status: statusOnly.status.map((s) => (s.id === "sgb2_15_64_st" ? { ...s, polarity: -1 as const } : s)),
    };
    const expected = index(five, statusOnly);
    for (const [i, value] of index(mirrored, flipped).entries()) expect(value).toBeCloseTo(expected[i] as number, 12);
    expect(index(mirrored, statusOnly)[0]).not.toBeCloseTo(expected[0] as number, 3);
  });

  it("scales the index by √((n−1)/n) with SD divisor n − 1", () => {
    const sample = index(five, { ...statusOnly, sdDivisor: "n-1" });
    const population = index(five, statusOnly);
    for (const [i, value] of sample.entries())
      expect(value).toBeCloseTo((population[i] as number) * Math.sqrt(4 / 5), 12);
  });

  it("classifies the plain sum when re-standardisation is switched off", () => {
    const result = computeSozialindex(five, { ...statusOnly, aggregate: "sum", restandardise: false }).units;
    expect(result[4].status?.aggregate).toBeCloseTo(9 / 2, 12);
    expect(result[4].status?.index).toBeCloseTo(9 / 2, 12);
    expect(result[2].status?.index).toBeCloseTo(-1 / 2, 12);
  });

  it("reports an indicator without variation instead of dividing by zero", () => {
    const flat = five.map((u) => ({ ...u, values: { ...u.values, anteil_mv_u18: 40 } }));
    const result = computeSozialindex(flat, statusOnly);
    expect(result.problems).toEqual([
      "Statusindex: Indikator „anteil_mv_u18“ hat in allen Gebieten denselben Wert; keine z-Werte.",
    ]);
    expect(result.units.every((u) => u.status === null)).toBe(true);
  });

  it("keeps units without a population figure and rejects duplicate units", () => {
    const unknownPopulation = five.map((u) => ({ ...u, population: undefined }));
    expect(computeSozialindex(unknownPopulation, muenster).included.status).toBe(5);
    expect(() => computeSozialindex([five[0], five[0]], muenster)).toThrow("Gebiet „A“ ist mehrfach aufgeführt.");
  });
});
