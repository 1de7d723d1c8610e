// An area's value against a benchmark (the city, its Bezirk) in the manner of Fingertips (OHID): "similar" when
// the benchmark lies inside the 95 % Wilson score interval of the area's proportion, otherwise higher or lower,
// which the indicator's polarity turns into better or worse.

export type Polarity = "higher_is_better" | "lower_is_better" | "neutral";
export type BenchmarkCategory = "better" | "similar" | "worse" | "higher" | "lower" | "not_compared";

/** z of a two-sided 95 % interval. */
const Z95 = 1.959964;

/**
 * Wilson score interval of the proportion x/n.
 *
 * @example
 * wilsonInterval(20, 100); // { lower: 0.1334, upper: 0.2888 } (rounded)
 */
export function wilsonInterval(x: number, n: number, z = Z95): { lower: number; upper: number } {
  const p = x / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export interface BenchmarkInput {
  /** The area's counts; null where they may not be used (withheld for the public, missing). */
  numerator: number | null;
  denominator: number | null;
  /** The benchmark's value in the indicator's unit (e.g. 22.4 for 22.4 %), null when not shown. */
  benchmark: number | null;
  /** 100 for %, 1000 for ‰. */
  factor: number;
  polarity: Polarity;
}

export interface BenchmarkResult {
  category: BenchmarkCategory;
  /** The area's 95 % interval in the indicator's unit; null when not compared. */
  interval: { lower: number; upper: number } | null;
}

/** How the area compares with the benchmark; `not_compared` when the counts are no proportion or are missing. */
export function compareWithBenchmark(input: BenchmarkInput): BenchmarkResult {
  const { numerator: x, denominator: n, benchmark, factor } = input;
  const none: BenchmarkResult = { category: "not_compared", interval: null };
  if (x === null || n === null || benchmark === null || !(n > 0) || x < 0 || x > n) return none;
  const { lower, upper } = wilsonInterval(x, n);
  const interval = { lower: lower * factor, upper: upper * factor };
  if (benchmark >= interval.lower && benchmark <= interval.upper) return { category: "similar", interval };
  const higher = interval.lower > benchmark;
  if (input.polarity === "neutral") return { category: higher ? "higher" : "lower", interval };
  const better = higher === (input.polarity === "higher_is_better");
  return { category: better ? "better" : "worse", interval };
}

export const BENCHMARK_METHOD =
  "Verglichen wie im Public Health Profile „Fingertips“: Liegt der Vergleichswert im 95-%-Vertrauensbereich " +
  "(Wilson) des Anteils im Gebiet, gilt der Wert als ähnlich, sonst als höher oder niedriger; wo der Katalog sagt, " +
  "welche Richtung gut ist, heißt das besser oder schlechter. Geheim zu haltende Werte werden nicht verglichen.";
