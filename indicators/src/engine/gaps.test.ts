import { describe, expect, it } from "vitest";
import type { Indicator } from "../catalogue/schema.ts";
import { computeGaps } from "./gaps.ts";
import type { IndicatorRow, ValueStatus } from "./types.ts";

const indicator = { id: "kita", comparison: "migration" } as Indicator;

function row(
  year: number,
  group: string,
  value: number | null,
  status: ValueStatus = "ok",
  area = "stadt",
): IndicatorRow {
  return {
    indicator: "kita",
    year,
    area,
    areaName: area,
    breakdown: "migration",
    group,
    groupLabel: group,
    numerator: null,
    denominator: null,
    value,
    status,
    statusDetail: null,
  };
}

describe("computeGaps", () => {
  const rows = [
    // mit − ohne: 2017: 30−50 = −20; 2018: 35−50 = −15 (narrowed by 5); 2019: suppressed;
    // 2020: 20−50 = −30 (widened by 15 against 2018, the last year with a gap; by 10 against 2017).
    row(2017, "mit", 30),
    row(2017, "ohne", 50),
    row(2018, "mit", 35),
    row(2018, "ohne", 50),
    row(2019, "mit", 38, "suppressed"),
    row(2019, "ohne", 50),
    row(2020, "mit", 20),
    row(2020, "ohne", 50),
    // another breakdown and another indicator are ignored
    { ...row(2020, "w", 99), breakdown: "geschlecht" },
    { ...row(2020, "mit", 99), indicator: "andere" },
  ];
  const gaps = computeGaps(rows, indicator);

  it("gives both groups, the gap first minus second and the ratio", () => {
    expect(gaps.map((g) => g.year)).toEqual([2017, 2018, 2019, 2020]);
    expect(gaps[0]).toMatchObject({
      groups: { mit: 30, ohne: 50 },
      gap: -20,
      ratio: 0.6,
      previousYear: null,
      trend: null,
    });
  });

  it("says the gap narrowed or widened against the previous year and the first year", () => {
    expect(gaps[1]).toMatchObject({
      gap: -15,
      previousYear: 2017,
      gapChangeVsPrevious: -5,
      trend: "narrowed",
      gapChangeVsFirst: -5,
      trendVsFirst: "narrowed",
    });
    expect(gaps[3]).toMatchObject({
      gap: -30,
      previousYear: 2018,
      gapChangeVsPrevious: 15,
      trend: "widened",
      gapChangeVsFirst: 10,
      trendVsFirst: "widened",
    });
  });

  it("hides a suppressed group value and computes no gap from it", () => {
    expect(gaps[2]).toMatchObject({ groups: { mit: null, ohne: 50 }, gap: null, ratio: null, trend: null });
  });

  it("calls a change below 0.05 points unchanged", () => {
    const small = computeGaps(
      [row(2019, "mit", 30), row(2019, "ohne", 50), row(2020, "mit", 30.04), row(2020, "ohne", 50)],
      indicator,
    );
    expect(small[1].trend).toBe("unchanged");
    expect(small[1].gapChangeVsPrevious).toBeCloseTo(-0.04, 10);
  });

  it("keeps areas apart and can select one", () => {
    const two = [...rows, row(2020, "mit", 10, "ok", "61"), row(2020, "ohne", 40, "ok", "61")];
    expect(computeGaps(two, indicator, { area: "61" })).toEqual([
      expect.objectContaining({ area: "61", year: 2020, gap: -30, ratio: 0.25, trend: null }),
    ]);
    expect(computeGaps(two, indicator).filter((g) => g.area === "stadt")).toHaveLength(4);
  });

  it("returns nothing for an indicator without a comparison pair", () => {
    expect(computeGaps(rows, { ...indicator, comparison: null })).toEqual([]);
  });
});
