import { describe, expect, it } from "vitest";
import { wrap } from "./exportChart.ts";

describe("text in exported images", () => {
  it("breaks long titles into lines that fit the width, keeping words whole", () => {
    const lines = wrap("Arbeitslosenanteil an der Bevölkerung im erwerbsfähigen Alter: Coerde", 300, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Arbeitslosenanteil an der Bevölkerung im erwerbsfähigen Alter: Coerde");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor((300 - 16) / 11));
  });

  it("keeps a short title on one line", () => {
    expect(wrap("Kita-Quote", 800, 20)).toEqual(["Kita-Quote"]);
  });
});
