import type { CountTable } from "./types.ts";
import { CountTableError, validateCountTable } from "./validate.ts";

/**
 * Index of dissimilarity between two specific groups a and b (ID, `D_pair[a|b]` in the published reference cases):
 * ½ Σ_i |a_i/A − b_i/B|; units where both are 0 contribute 0. `null` if either group is absent city-wide.
 *
 * @example
 * dissimilarityPair(table, "Nicht-EU", "Deutsche"); // e.g. 0.379
 */
export function dissimilarityPair(table: CountTable, a: string, b: string): number | null {
  const problems = validateCountTable(table);
  for (const group of [a, b]) {
    if (!table.groups.includes(group)) problems.push(`Gruppe „${group}“ kommt in der Tabelle nicht vor.`);
  }
  if (problems.length > 0) throw new CountTableError(problems);

  let A = 0;
  let B = 0;
  for (const { counts } of table.units) {
    A += counts[a];
    B += counts[b];
  }
  if (A === 0 || B === 0) return null;
  let total = 0;
  for (const { counts } of table.units) total += Math.abs(counts[a] / A - counts[b] / B);
  return total / 2;
}
