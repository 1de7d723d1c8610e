import { describe, expect, it } from "vitest";
import { compareWithBenchmark, wilsonInterval } from "./compare.ts";

describe("Wilson score interval", () => {
  it("matches the hand-worked 95 % interval of 20/100", () => {
    // p = 0.2, z² = 3.841459: centre (0.2 + 0.019207) / 1.038415 = 0.211100,
    // half 1.959964 · √(0.0016 + 0.0000960) / 1.038415 = 0.077731 → 0.1334 … 0.2888
    const { lower, upper } = wilsonInterval(20, 100);
    expect(lower).toBeCloseTo(0.13337, 4);
    expect(upper).toBeCloseTo(0.28883, 4);
  });
  it("stays inside 0 … 1 for 0 and n", () => {
    expect(wilsonInterval(0, 10).lower).toBeCloseTo(0, 12);
    expect(wilsonInterval(10, 10).upper).toBeCloseTo(1, 12);
  });
});

describe("an area against a benchmark", () => {
  const area = { numerator: 20, denominator: 100, factor: 100 };
  it("is similar when the benchmark lies in the interval 13.3 … 28.9 %", () => {
    expect(compareWithBenchmark({ ...area, benchmark: 28.8, polarity: "lower_is_better" }).category).toBe("similar");
    expect(compareWithBenchmark({ ...area, benchmark: 13.4, polarity: "lower_is_better" }).category).toBe("similar");
  });
  it("turns higher and lower into better and worse by the polarity", () => {
    // 20 % against a city of 30 %: the interval's upper end 28.9 % lies below, so the area is lower.
    expect(compareWithBenchmark({ ...area, benchmark: 30, polarity: "lower_is_better" }).category).toBe("better");
    expect(compareWithBenchmark({ ...area, benchmark: 30, polarity: "higher_is_better" }).category).toBe("worse");
    expect(compareWithBenchmark({ ...area, benchmark: 30, polarity: "neutral" }).category).toBe("lower");
    expect(compareWithBenchmark({ ...area, benchmark: 10, polarity: "neutral" }).category).toBe("higher");
  });
  it("does not compare what is no proportion or may not be used", () => {
    for (const input of [
      { ...area, numerator: null },
      { ...area, denominator: 0 },
      { ...area, numerator: 120 },
      { ...area, benchmark: null },
    ])
      expect(compareWithBenchmark({ benchmark: 30, polarity: "neutral", ...input }).category).toBe("not_compared");
  });
  it("reports the interval in the indicator's unit (‰)", () => {
    const result = compareWithBenchmark({
      numerator: 20,
      denominator: 100,
      factor: 1000,
      benchmark: 200,
      polarity: "neutral",
    });
    expect(result.interval?.lower).toBeCloseTo(133.37, 1);
  });
});
