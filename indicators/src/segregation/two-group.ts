import { pLogP, weightedAbsoluteDifferences } from "./math.ts";
import type { TwoGroupMeasures } from "./types.ts";

export const EMPTY_CITY = "Die Stadt hat keine Einwohner (alle Gebiete leer).";

export interface TwoGroupResult {
  P: number | null;
  measures: TwoGroupMeasures;
  reasons: Record<string, string>;
}

/**
 * Two-group measures for focal counts x_i and comparison counts y_i per unit (t_i = x_i + y_i).
 * Units with t_i = 0 are skipped, which is the same as dropping them. `names` only word the null reasons.
 */
export function twoGroupMeasures(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  atkinsonB: number,
  names: { focal: string; other: string | null },
): TwoGroupResult {
  const units: { x: number; y: number; t: number; p: number }[] = [];
  let X = 0;
  let Y = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] + y[i];
    if (t === 0) continue;
    units.push({ x: x[i], y: y[i], t, p: x[i] / t });
    X += x[i];
    Y += y[i];
  }
  const T = X + Y;
  const measures = emptyTwoGroupMeasures();
  const reasons: Record<string, string> = {};
  if (T === 0) {
    for (const key of ["P", ...Object.keys(measures)]) reasons[key] = EMPTY_CITY;
    return { P: null, measures, reasons };
  }
  const P = X / T;

  if (X > 0) {
    measures.dissimilarity_total = 0.5 * sum(units, (u) => Math.abs(u.x / X - u.t / T));
    measures.isolation = sum(units, (u) => (u.x / X) * (u.x / u.t));
    measures.exposure = sum(units, (u) => (u.x / X) * (u.y / u.t));
  }
  if (Y > 0) {
    measures.exposure_other = sum(units, (u) => (u.y / Y) * (u.x / u.t));
    measures.isolation_other = sum(units, (u) => (u.y / Y) * (u.y / u.t));
  }
  if (X > 0 && Y > 0) {
    const spread = T * P * (1 - P);
    measures.dissimilarity = 0.5 * sum(units, (u) => Math.abs(u.x / X - u.y / Y));
    measures.gini =
      weightedAbsoluteDifferences(
        units.map((u) => u.t),
        units.map((u) => u.p),
      ) /
      (2 * T * spread);
    const cityEntropy = -pLogP(P) - pLogP(1 - P);
    measures.entropy = sum(units, (u) => u.t * (cityEntropy + pLogP(u.p) + pLogP(1 - u.p))) / (cityEntropy * T);
    const b = atkinsonB;
    const inner = sum(units, (u) => (1 - u.p) ** (1 - b) * u.p ** b * u.t) / (P * T);
    measures.atkinson = 1 - (P / (1 - P)) * Math.abs(inner) ** (1 / (1 - b));
    measures.eta2 = sum(units, (u) => u.t * (u.p - P) ** 2) / spread;
  }

  const absent = (group: string) => `Gruppe „${group}“ kommt in der Stadt nicht vor.`;
  const comparisonAbsent = names.other
    ? absent(names.other)
    : `Gruppe „${names.focal}“ umfasst die gesamte Bevölkerung; es gibt keine Vergleichsgruppe.`;
  for (const [key, value] of Object.entries(measures)) {
    if (value !== null) continue;
    const needsFocal = key !== "exposure_other" && key !== "isolation_other";
    reasons[key] = X === 0 && needsFocal ? absent(names.focal) : comparisonAbsent;
  }
  return { P, measures, reasons };
}

/** Every two-group measure set to null. */
export function emptyTwoGroupMeasures(): TwoGroupMeasures {
  return {
    dissimilarity: null,
    dissimilarity_total: null,
    gini: null,
    entropy: null,
    atkinson: null,
    isolation: null,
    exposure: null,
    exposure_other: null,
    isolation_other: null,
    eta2: null,
  };
}

function sum<T>(items: T[], term: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += term(item);
  return total;
}
