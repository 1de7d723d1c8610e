/**
 * z-values (v − mean) / sd with unweighted mean and SD divisor n or n − 1.
 * Returns null when the SD is zero: every unit has the same value and z is undefined.
 */
export function zScores(values: number[], sdDivisor: "n" | "n-1"): number[] | null {
  const n = values.length;
  const divisor = sdDivisor === "n" ? n : n - 1;
  if (divisor <= 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / divisor);
  // Identical values can leave rounding noise instead of an exact 0.
  if (!(sd > 1e-12 * (1 + Math.abs(mean)))) return null;
  return values.map((v) => (v - mean) / sd);
}

/** Number of the class (0-based) for ascending cut-offs: below the first cut → 0, equality stays in the lower class except at the first cut. */
export function classIndex(index: number, cuts: readonly number[]): number {
  return cuts.filter((cut, j) => (j === 0 ? index >= cut : index > cut)).length;
}
