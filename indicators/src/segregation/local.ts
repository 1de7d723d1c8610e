import { pLogP } from "./math.ts";
import type { UnitProfile } from "./types.ts";

/**
 * Local measures for every unit: location quotients and normalized local entropy.
 * `columns[k][i]` is the count of `groups[k]` in unit i.
 */
export function localMeasures(
  units: string[],
  groups: string[],
  columns: ArrayLike<number>[],
  population: ArrayLike<number>,
): UnitProfile[] {
  let T = 0;
  for (let i = 0; i < population.length; i++) T += population[i];
  const cityShares = columns.map((column) => {
    let X = 0;
    for (let i = 0; i < column.length; i++) X += column[i];
    return T > 0 ? X / T : 0;
  });
  // K = number of listed groups, as PySAL's _multi_local_entropy; ln 1 = 0 leaves nothing to normalize by.
  const lnK = Math.log(groups.length);

  return units.map((unit, i) => {
    const t = population[i];
    const location_quotients: Record<string, number | null> = {};
    let entropy = 0;
    groups.forEach((group, k) => {
      const p = t > 0 ? columns[k][i] / t : 0;
      location_quotients[group] = t > 0 && cityShares[k] > 0 ? p / cityShares[k] : null;
      entropy -= pLogP(p);
    });
    return { unit, population: t, location_quotients, local_entropy: t > 0 && lnK > 0 ? entropy / lnK : null };
  });
}
