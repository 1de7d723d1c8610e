/**
 * Value-axis ticks on a "nice" step (1, 2 or 5 × 10ⁿ) from a round number at or below the smallest
 * value to the first round number at or above the largest — never an extra tick at the data's own maximum
 * (0/7/14/21/27), so every gridline is a number a reader can read off. Zero is always inside.
 *
 * @example niceTicks(0, 27) // → { ticks: [0, 10, 20, 30], step: 10, digits: 0 }
 */
export function niceTicks(min: number, max: number, target = 5): { ticks: number[]; step: number; digits: number } {
  const low = Math.min(0, Number.isFinite(min) ? min : 0);
  let high = Math.max(0, Number.isFinite(max) ? max : 0);
  if (high === low) high = low + 1;
  const rough = (high - low) / Math.max(1, target - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough - 1e-12) ?? 10 * power;
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) {
    ticks.push(Number((first + i * step).toPrecision(12)));
  }
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { ticks, step, digits };
}

/** The smallest and largest number among the given keys of the rows (nulls and non-numbers skipped). */
export function extent(rows: object[], keys: string[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    for (const key of keys) {
      const value = (row as Record<string, unknown>)[key];
      if (typeof value === "number" && Number.isFinite(value)) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
  }
  return min <= max ? [min, max] : [0, 0];
}
