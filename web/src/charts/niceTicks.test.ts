import { describe, expect, it } from "vitest";
import { formatDecimal } from "../format.ts";
import { extent, niceTicks } from "./niceTicks.ts";

describe("niceTicks", () => {
  it("ends on a round number above the maximum instead of adding a tick at the maximum itself", () => {
    expect(niceTicks(0, 27).ticks).toEqual([0, 10, 20, 30]);
    expect(niceTicks(3, 56.2).ticks).toEqual([0, 20, 40, 60]);
  });

  it("always includes zero and reaches below it for negative values", () => {
    expect(niceTicks(-4.2, 6).ticks).toEqual([-5, 0, 5, 10]);
    expect(niceTicks(5, 5).ticks).toEqual([0, 2, 4, 6]);
  });

  it("keeps small ranges readable with decimals where the step needs them", () => {
    const { ticks, digits } = niceTicks(0, 1.3);
    expect(ticks).toEqual([0, 0.5, 1, 1.5]);
    expect(digits).toBe(1);
    expect(niceTicks(0, 0).ticks).toEqual([0, 0.5, 1]);
  });

  it("labels negative ticks with the real minus sign", () => {
    expect(niceTicks(-4.2, 6).ticks.map((v) => formatDecimal(v, 0))[0]).toBe("\u22125");
  });

  it("finds the extent over the given keys, skipping gaps", () => {
    expect(extent([{ a: 1, b: null }, { a: null, b: -2 }, { a: 7 }], ["a", "b"])).toEqual([-2, 7]);
    expect(extent([{ a: null }], ["a"])).toEqual([0, 0]);
  });
});
