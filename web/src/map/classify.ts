import { formatDecimal } from "../format.ts";
import { t } from "../i18n/index.ts";
import type { ClassMethod } from "./types.ts";

/**
 * Class boundaries for a choropleth: ascending b₀ = min … bₖ = max of the non-null, finite values.
 *
 * - `"equal"` (equal intervals): bᵢ = min + i · (max − min) / k.
 * - `"quantile"`: bᵢ = Q(i / k), where Q is the linear-interpolation quantile of the sorted values x₀ … xₙ₋₁
 *   (R type 7, the same as d3.quantile and Excel QUANTIL.INKL): h = (n − 1) · p,
 *   Q(p) = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋). Each class then holds about n / k values.
 *
 * Quantile boundaries that coincide (many equal values) are taken over the distinct values instead, so two
 * different values never share a class only because of ties. Equal boundaries are merged, so fewer than k
 * classes can come back; a single
 * distinct value gives `[v, v]` (one class). No values give `[]`. Use `classOf` to find a value's class.
 *
 * @example
 * classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "quantile", 5); // [1, 3, 5, 7, 9, 11]
 * classBreaks([0, 10, 50], "equal", 5); // [0, 10, 20, 30, 40, 50]
 */
export function classBreaks(values: readonly (number | null | undefined)[], method: ClassMethod, k = 5): number[] {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return [];
  const classes = Math.max(1, Math.floor(k));
  const min = xs[0];
  const max = xs[xs.length - 1];
  if (min === max) return [min, max];
  const merged = cut(xs, method, classes);
  if (method !== "quantile" || merged.length === classes + 1) return merged;
  // Many equal values (most Stadtteile at 0 %) make quantile boundaries coincide, and merging them would put
  // 0 % and 8,5 % into one colour. Then the quantiles are taken over the distinct values, at most one class
  // per distinct value, so different values keep different classes.
  // When the ties are the smallest value (0 % in most Stadtteile), that value gets a class of its own and the
  // other values are cut into the remaining classes.
  const rest = xs.filter((x) => x > min);
  if (xs.length - rest.length > 1 && rest.length > 0 && classes > 1) {
    const upper = cut(rest, method, classes - 1);
    // One other value: [0, v, v], so v is the last class and not the first.
    return [min, ...(upper.length === 1 ? [upper[0], upper[0]] : upper)];
  }
  const distinct = xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
  return cut(distinct, method, Math.min(classes, distinct.length));
}

function cut(xs: readonly number[], method: ClassMethod, classes: number): number[] {
  const min = xs[0];
  const max = xs[xs.length - 1];
  const breaks: number[] = [min];
  for (let i = 1; i < classes; i++) {
    breaks.push(method === "equal" ? min + (i * (max - min)) / classes : quantileSorted(xs, i / classes));
  }
  breaks.push(max);
  return breaks.filter((b, i) => i === 0 || b !== breaks[i - 1]);
}

/** Linear-interpolation quantile (R type 7) of ascending `sorted`, 0 ≤ p ≤ 1. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Index of `value`'s class for `breaks` from `classBreaks` (or explicit ones): class j holds bⱼ ≤ v < bⱼ₊₁, the
 * last class also holds its upper boundary. Values below b₀ fall into class 0, values above the last boundary
 * into the last class. null/NaN (and no breaks) give null.
 *
 * @example
 * classOf(3, [1, 3, 5, 7, 9, 11]); // 1
 * classOf(11, [1, 3, 5, 7, 9, 11]); // 4
 */
export function classOf(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || breaks.length === 0) return null;
  const classes = Math.max(1, breaks.length - 1);
  let j = 0;
  while (j < classes - 1 && value >= breaks[j + 1]) j++;
  return j;
}

/** Decimals for legend boundaries: 0 for a range of 100 or more, 1 down to a range of 1, otherwise 2. */
export function defaultFractionDigits(breaks: readonly number[]): number {
  if (breaks.length === 0) return 1;
  const range = breaks[breaks.length - 1] - breaks[0];
  if (range >= 100) return 0;
  if (range >= 1) return 1;
  return 2;
}

/**
 * Legend texts for class boundaries, in the reader's language and number format:
 * `["10,0 bis unter 20,0 %", …, "40,0 bis 50,0 %"]` (the last class includes its upper boundary).
 */
export function classLabels(
  breaks: readonly number[],
  options: { unit?: string; fractionDigits?: number } = {},
): string[] {
  if (breaks.length === 0) return [];
  const digits = options.fractionDigits ?? defaultFractionDigits(breaks);
  const unit = options.unit ? `\u00a0${options.unit}` : "";
  const f = (v: number) => formatDecimal(v, digits);
  if (breaks.length === 1 || breaks[0] === breaks[breaks.length - 1]) return [`${f(breaks[0])}${unit}`];
  const labels: string[] = [];
  for (let j = 0; j < breaks.length - 1; j++) {
    const range = { from: f(breaks[j]), to: f(breaks[j + 1]) };
    labels.push(`${t(j === breaks.length - 2 ? "map.classRangeLast" : "map.classRange", range)}${unit}`);
  }
  return labels;
}
