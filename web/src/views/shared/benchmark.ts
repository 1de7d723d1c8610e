import type { BenchmarksResponse } from "../../api/types.ts";
import { t } from "../../i18n/index.ts";

export type BenchmarkCategory = BenchmarksResponse["areas"][number]["cells"][number]["category"];

/** Beside the words, for the eye only: the words carry the meaning (screen readers, print in black and white). */
export const BENCHMARK_MARKS: Record<BenchmarkCategory, string> = {
  better: "+",
  similar: "≈",
  worse: "−",
  higher: "↑",
  lower: "↓",
  not_compared: "",
};

/** „besser als Gesamtstadt“; empty when not compared. */
export function benchmarkLabel(category: BenchmarkCategory, against: string): string {
  return category === "not_compared" ? "" : t(`benchmark.${category}`, { area: against });
}
