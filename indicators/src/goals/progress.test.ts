import { describe, expect, it } from "vitest";
import { type Assessment, assessTerm, type ProgressInput, type SeriesPoint } from "./progress.ts";

/** A series from `from` on; `null` is a suppressed year, `undefined` a year without data. */
function series(from: number, values: (number | null | undefined)[]): SeriesPoint[] {
  return values.map((value, i) =>
    value === undefined
      ? { year: from + i, value: null, reason: "missing" as const }
      : value === null
        ? { year: from + i, value: null, reason: "suppressed" as const }
        : { year: from + i, value },
  );
}

const assessed = (a: Assessment) => {
  if (a.status !== "assessed") throw new Error(`nicht bewertet: ${a.text}`);
  return a;
};

/** Five years 2020–2025 from 100 to `end`, against a target of 100 · 1.04⁵ in 2025: 4 % per year required. */
const againstFourPercent = (end: number): ProgressInput => ({
  series: series(2020, [100, 101, 102, 103, 104, end]),
  direction: "rise",
  target: { value: 100 * 1.04 ** 5, year: 2025 },
});

describe("progress with a target (ratio of actual to required CAGR)", () => {
  it("classifies at each threshold edge", () => {
    // actual 3.8 % / required 4 % = 0.95 → significant; 3.79 % / 4 % = 0.9475 → moderate
    expect(assessed(assessTerm(againstFourPercent(100 * 1.038 ** 5), "short")).category).toBe("significant_progress");
    expect(assessed(assessTerm(againstFourPercent(100 * 1.0379 ** 5), "short")).category).toBe("moderate_progress");
    // 2.4 % / 4 % = 0.60 → moderate; 2.39 % / 4 % = 0.5975 → insufficient
    expect(assessed(assessTerm(againstFourPercent(100 * 1.024 ** 5), "short")).category).toBe("moderate_progress");
    expect(assessed(assessTerm(againstFourPercent(100 * 1.0239 ** 5), "short")).category).toBe("insufficient_progress");
    // 0 % / 4 % = 0 → insufficient; 100 → 99.9 is a falling rate, ratio < 0 → moving away
    expect(assessed(assessTerm(againstFourPercent(100), "short")).category).toBe("insufficient_progress");
    expect(assessed(assessTerm(againstFourPercent(99.9), "short")).category).toBe("movement_away");
  });

  it("compares the rate since the base year with the rate the target needs from there", () => {
    // 40 (2015) → 50 (2020): (50/40)^(1/5) − 1 = 1.25^0.2 − 1 = 0.045640 per year.
    // Target 60 by 2025 from 40 in 2015: 1.5^(1/10) − 1 = 0.041380 per year. Ratio 1.1030 → significant.
    const a = assessed(
      assessTerm(
        {
          series: series(2015, [40, 42, 44, 46, 48, 50]),
          direction: "rise",
          target: { value: 60, year: 2025 },
          baseYear: 2015,
        },
        "long",
      ),
    );
    expect(a.period).toEqual({ from: 2015, to: 2020, afterBreak: null });
    expect(a.actualRate).toBeCloseTo(0.04564, 5);
    expect(a.requiredRate).toBeCloseTo(0.04138, 5);
    expect(a.ratio).toBeCloseTo(1.103, 3);
    expect(a.category).toBe("significant_progress");
    expect(a.text).toContain("nötig wären +4,1 % pro Jahr, um 60,0 bis 2025 zu erreichen");
  });

  it("handles a falling target", () => {
    // 20 (2015) → 16 (2020): 0.8^(1/5) − 1 = −0.043648; target 10 by 2025: 0.5^(1/10) − 1 = −0.066967.
    // Ratio 0.6518 → moderate progress.
    const a = assessed(
      assessTerm(
        { series: series(2015, [20, 19, 18, 17, 17, 16]), direction: "fall", target: { value: 10, year: 2025 } },
        "long",
      ),
    );
    expect(a.ratio).toBeCloseTo(0.6518, 3);
    expect(a.category).toBe("moderate_progress");
  });

  it("assesses a gap by its size, whichever group is ahead", () => {
    // Gap −30 (2015) → −20 (2025), sizes 30 → 20: (2/3)^(1/10) − 1 = −0.039735 per year.
    // Halve it to 15 by 2030: 0.5^(1/15) − 1 = −0.045158. Ratio 0.8799 → moderate progress.
    const a = assessed(
      assessTerm(
        {
          series: series(2015, [-30, -29, -28, -27, -26, -25, -24, -23, -22, -21, -20]),
          direction: "close_gap",
          target: { value: 15, year: 2030 },
        },
        "long",
      ),
    );
    expect([a.startValue, a.endValue]).toEqual([30, 20]);
    expect(a.ratio).toBeCloseTo(0.8799, 3);
    expect(a.category).toBe("moderate_progress");
  });

  it("says when the target is reached", () => {
    const a = assessed(assessTerm(againstFourPercent(125), "short"));
    expect(a.category).toBe("target_reached");
    expect(a.text).toMatch(/^Ziel erreicht/);
  });
});

describe("progress without a target (rate in the desired direction)", () => {
  const rising = (end: number, direction: ProgressInput["direction"] = "rise"): ProgressInput => ({
    series: series(2020, [100, 100, 100, 100, 100, end]),
    direction,
  });
  it("classifies at ±1 % per year and 0", () => {
    // 1.01^5: exactly +1 % per year → significant; +0.99 % → moderate; 0 → moderate
    expect(assessed(assessTerm(rising(100 * 1.01 ** 5), "short")).category).toBe("significant_progress");
    expect(assessed(assessTerm(rising(100 * 1.0099 ** 5), "short")).category).toBe("moderate_progress");
    expect(assessed(assessTerm(rising(100), "short")).category).toBe("moderate_progress");
    // −1 % per year → still "leichte Entfernung"; −1.01 % → moving away
    expect(assessed(assessTerm(rising(100 * 0.99 ** 5), "short")).category).toBe("moderate_movement_away");
    expect(assessed(assessTerm(rising(100 * 0.9899 ** 5), "short")).category).toBe("movement_away");
  });
  it("says a value stayed when start and end look the same rounded", () => {
    // 6.02 → 5.98 over five years is −0.13 % a year, a small fall, yet both show as 6,0
    const a = assessed(assessTerm({ series: series(2020, [6.02, 6, 6, 6, 6, 5.98]), direction: "fall" }, "short"));
    expect(a.text).toContain("2020–2025 blieb der Wert bei 6,0");
  });

  it("turns the sign for a falling goal", () => {
    // −2 % per year is progress when the value should fall
    expect(assessed(assessTerm(rising(100 * 0.98 ** 5, "fall"), "short")).category).toBe("significant_progress");
    expect(assessed(assessTerm(rising(100 * 1.02 ** 5, "fall"), "short")).category).toBe("movement_away");
  });
});

describe("periods and what cannot be assessed", () => {
  it("takes the last five years for the short term and the base year for the long term", () => {
    const input: ProgressInput = {
      series: series(2012, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
      direction: "rise",
    };
    expect(assessTerm(input, "short").period).toEqual({ from: 2017, to: 2022, afterBreak: null });
    expect(assessTerm({ ...input, baseYear: 2014 }, "long").period).toEqual({ from: 2014, to: 2022, afterBreak: null });
  });

  it("assesses only after a series break inside the period, and says so", () => {
    const a = assessed(
      assessTerm(
        { series: series(2015, [50, 51, 30, 31, 32, 33]), direction: "rise", breaks: [2017], baseYear: 2015 },
        "long",
      ),
    );
    // 30 (2017) → 33 (2020) over 3 years, not 50 → 33 over 5
    expect(a.period).toEqual({ from: 2017, to: 2020, afterBreak: 2017 });
    expect(a.actualRate).toBeCloseTo(1.1 ** (1 / 3) - 1, 10);
    expect(a.text).toContain("Bewertet erst ab dem Reihenbruch 2017.");
  });

  it("never assesses on a suppressed start or end, and never lets a suppressed year inside change the answer", () => {
    expect(assessTerm({ series: series(2020, [10, 11, 12, null]), direction: "rise" }, "long")).toMatchObject({
      status: "not_assessable",
      reason: "suppressed",
    });
    expect(assessTerm({ series: series(2020, [null, 11, 12, 13]), direction: "rise" }, "long")).toMatchObject({
      status: "not_assessable",
      reason: "suppressed",
    });
    const shown = assessTerm({ series: series(2020, [10, 11, 12, 13]), direction: "rise" }, "long");
    const hidden = assessTerm({ series: series(2020, [10, null, 12, 13]), direction: "rise" }, "long");
    expect(hidden).toEqual(shown);
  });

  it("needs three years with values", () => {
    expect(assessTerm({ series: series(2020, [10, 12]), direction: "rise" }, "long")).toMatchObject({
      reason: "too_few_years",
    });
    // Years without data do not count, and the start moves to the first year with data
    const gaps = assessTerm({ series: series(2018, [undefined, undefined, 10, 11, 12]), direction: "rise" }, "long");
    expect(gaps.period).toEqual({ from: 2020, to: 2022, afterBreak: null });
    expect(gaps.status).toBe("assessed");
  });

  it("cannot state a rate from 0", () => {
    expect(assessTerm({ series: series(2020, [0, 1, 2, 3]), direction: "rise" }, "long")).toMatchObject({
      reason: "zero_start",
    });
    expect(assessTerm({ series: [], direction: "rise" }, "long")).toMatchObject({ reason: "no_data" });
  });
});
