/** p · ln p with the limit 0 · ln 0 := 0. */
export function pLogP(p: number): number {
  return p > 0 ? p * Math.log(p) : 0;
}

/**
 * Σ_i Σ_j w_i w_j |v_i − v_j| over all ordered pairs, the numerator of the Gini indices.
 * Sorting by v and keeping prefix sums of w and w·v makes it O(n log n) instead of O(n²), so 10,000 units
 * stay fast. Units with equal v are merged first (their mutual difference is 0), which lets the distinct
 * values go through the native numeric sort of a Float64Array instead of a slower comparator sort.
 */
export function weightedAbsoluteDifferences(weights: ArrayLike<number>, values: ArrayLike<number>): number {
  const weightOf = new Map<number, number>();
  for (let i = 0; i < values.length; i++) weightOf.set(values[i], (weightOf.get(values[i]) ?? 0) + weights[i]);
  let weightBelow = 0;
  let weightedValueBelow = 0;
  let pairsBelow = 0; // Σ_{i<j} w_i w_j (v_j − v_i) in sorted order
  for (const value of Float64Array.from(weightOf.keys()).sort()) {
    const weight = weightOf.get(value) as number;
    pairsBelow += weight * (value * weightBelow - weightedValueBelow);
    weightBelow += weight;
    weightedValueBelow += weight * value;
  }
  return 2 * pairsBelow;
}
