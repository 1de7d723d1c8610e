import type { Indicator } from "../catalogue/schema.ts";
import { getOrCreate } from "./maps.ts";
import type { IndicatorRow } from "./types.ts";

/** Whether the (absolute) gap between the two groups grew or shrank. */
export type GapTrend = "widened" | "narrowed" | "unchanged";

export const gapTrendLabels: Record<GapTrend, string> = {
  widened: "Abstand größer geworden",
  narrowed: "Abstand kleiner geworden",
  unchanged: "Abstand unverändert",
};

export interface GapRow {
  area: string;
  year: number;
  /** Value per group of the comparison pair; null unless the row is `ok` (suppressed values stay hidden). */
  groups: Record<string, number | null>;
  /** First group − second group, in points of the unit (percentage points for %). */
  gap: number | null;
  /** First group ÷ second group. */
  ratio: number | null;
  /** The latest earlier year with a gap, the reference of `gapChangeVsPrevious`. */
  previousYear: number | null;
  /** |gap| − |gap of previousYear|: positive = the groups drifted apart. */
  gapChangeVsPrevious: number | null;
  /** |gap| − |gap of the first year with a gap|. */
  gapChangeVsFirst: number | null;
  trend: GapTrend | null;
  trendVsFirst: GapTrend | null;
}

/** Changes smaller than this (in points of the unit) round to 0.0 in publications and count as unchanged. */
export const GAP_TOLERANCE = 0.05;

function trendOf(change: number | null): GapTrend | null {
  if (change === null) return null;
  if (change > GAP_TOLERANCE) return "widened";
  if (change < -GAP_TOLERANCE) return "narrowed";
  return "unchanged";
}

/**
 * The comparison pair of an indicator over time, per area: both groups' values, the gap (first − second
 * group, e.g. mit − ohne Migrationsvorgeschichte), the ratio, and whether the gap widened or narrowed
 * against the previous year with a gap and against the first one. Only `ok` rows count, so a suppressed
 * value cannot be recovered from a gap. Group order is the order of the rows (as `computeIndicators` emits).
 *
 * @example
 * computeGaps(rows, kitaQuoteU3, { area: "stadt" });
 * // [{ year: 2019, groups: { mit: 21.4, ohne: 45.0 }, gap: -23.6, ratio: 0.48, trend: null, ... },
 * //  { year: 2020, ..., gap: -20.1, gapChangeVsPrevious: -3.5, trend: "narrowed" }]
 */
export function computeGaps(
  rows: readonly IndicatorRow[],
  indicator: Indicator,
  options: { area?: string } = {},
): GapRow[] {
  const comparison = indicator.comparison;
  if (comparison === null) return [];
  const groupOrder: string[] = [];
  const cells = new Map<string, Map<number, Map<string, number | null>>>();
  for (const r of rows) {
    if (r.indicator !== indicator.id || r.breakdown !== comparison) continue;
    if (options.area !== undefined && r.area !== options.area) continue;
    if (!groupOrder.includes(r.group)) groupOrder.push(r.group);
    const byYear = getOrCreate(cells, r.area, () => new Map<number, Map<string, number | null>>());
    getOrCreate(byYear, r.year, () => new Map<string, number | null>()).set(
      r.group,
      r.status === "ok" ? r.value : null,
    );
  }
  const [first, second] = groupOrder;
  const out: GapRow[] = [];
  for (const [area, byYear] of cells) {
    let firstGap: number | null = null;
    let previous: { year: number; gap: number } | null = null;
    for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
      const byGroup = byYear.get(year) ?? new Map<string, number | null>();
      const groups = Object.fromEntries(groupOrder.map((g) => [g, byGroup.get(g) ?? null]));
      const a = byGroup.get(first) ?? null;
      const b = second === undefined ? null : (byGroup.get(second) ?? null);
      const gap = a !== null && b !== null ? a - b : null;
      const ratio = a !== null && b !== null && b !== 0 ? a / b : null;
      const changePrev = gap !== null && previous ? Math.abs(gap) - Math.abs(previous.gap) : null;
      const changeFirst = gap !== null && firstGap !== null && previous ? Math.abs(gap) - Math.abs(firstGap) : null;
      out.push({
        area,
        year,
        groups,
        gap,
        ratio,
        previousYear: gap !== null ? (previous?.year ?? null) : null,
        gapChangeVsPrevious: changePrev,
        gapChangeVsFirst: changeFirst,
        trend: trendOf(changePrev),
        trendVsFirst: trendOf(changeFirst),
      });
      if (gap !== null) {
        if (firstGap === null) firstGap = gap;
        previous = { year, gap };
      }
    }
  }
  return out;
}
