import { pLogP, weightedAbsoluteDifferences } from "./math.ts";
import { EMPTY_CITY } from "./two-group.ts";
import type { MultigroupMeasures } from "./types.ts";

export interface MultigroupResult {
  measures: MultigroupMeasures;
  reasons: Record<string, string>;
}

/**
 * Multigroup measures. `columns[k][i]` is the count of group k in unit i, `population[i]` the
 * unit total. Groups with zero city-wide total are dropped first; empty units contribute nothing.
 */
export function multigroupMeasures(columns: ArrayLike<number>[], population: ArrayLike<number>): MultigroupResult {
  const measures = allNull();
  const reasons: Record<string, string> = {};
  const populated = indices(population.length).filter((i) => population[i] > 0);
  const t = populated.map((i) => population[i]);
  const T = t.reduce((a, b) => a + b, 0);
  if (T === 0) {
    for (const key of Object.keys(measures)) reasons[key] = EMPTY_CITY;
    return { measures, reasons };
  }

  const present = columns
    .map((column) => populated.map((i) => column[i]))
    .filter((counts) => counts.some((n) => n > 0));
  const shares = present.map((counts) => counts.reduce((a, b) => a + b, 0) / T);
  const K = present.length;
  const E = -shares.reduce((acc, P) => acc + pLogP(P), 0);
  const I = shares.reduce((acc, P) => acc + P * (1 - P), 0);
  measures.diversity = E;
  measures.simpson_interaction = I;
  if (K < 2) {
    // One group left: no diversity, nothing to be unevenly distributed between groups.
    measures.mutual_information = 0;
    for (const [key, value] of Object.entries(measures)) {
      if (value === null) reasons[key] = "Weniger als zwei Gruppen kommen in der Stadt vor.";
    }
    return { measures, reasons };
  }

  let absoluteDeviation = 0;
  let mutual = 0;
  const squaredDeviation = new Array<number>(K).fill(0);
  let giniNumerator = 0;
  for (let k = 0; k < K; k++) {
    const counts = present[k];
    const P = shares[k];
    const p = counts.map((n, j) => n / t[j]);
    for (let j = 0; j < t.length; j++) {
      const d = p[j] - P;
      absoluteDeviation += t[j] * Math.abs(d);
      squaredDeviation[k] += t[j] * d * d;
      if (counts[j] > 0) mutual += (counts[j] / T) * Math.log(p[j] / P);
    }
    giniNumerator += weightedAbsoluteDifferences(t, p);
  }

  measures.dissimilarity_multi = absoluteDeviation / (2 * T * I);
  measures.gini_multi = giniNumerator / (2 * T * T * I);
  measures.mutual_information = mutual;
  measures.entropy_multi = mutual / E;
  measures.normalized_exposure = squaredDeviation.reduce((acc, s, k) => acc + s / ((1 - shares[k]) * T), 0);
  measures.relative_diversity = squaredDeviation.reduce((a, b) => a + b, 0) / (T * I);
  measures.squared_variation = squaredDeviation.reduce((acc, s, k) => acc + s / (T * (K - 1) * shares[k]), 0);
  measures.diversity_normalized = E / Math.log(K);
  return { measures, reasons };
}

function allNull(): MultigroupMeasures {
  return {
    dissimilarity_multi: null,
    gini_multi: null,
    entropy_multi: null,
    mutual_information: null,
    normalized_exposure: null,
    relative_diversity: null,
    squared_variation: null,
    diversity: null,
    diversity_normalized: null,
    simpson_interaction: null,
  };
}

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
