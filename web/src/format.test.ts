import { describe, expect, it } from "vitest";
import {
  displayValue,
  formatDecimal,
  formatIndexPoints,
  formatNumber,
  formatPoints,
  formatSigned,
  formatValue,
  shownDifference,
  shownValue,
  symbolKind,
  symbolLegend,
} from "./format.ts";

const NBSP = "\u00a0";

describe("German number formatting", () => {
  it("groups thousands with a dot", () => {
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(12)).toBe("12");
  });

  it("writes shares with one decimal, a decimal comma and a non-breaking space before the unit", () => {
    expect(formatValue(22.4, "%")).toBe(`22,4${NBSP}%`);
    expect(formatValue(22.44, "%")).toBe(`22,4${NBSP}%`);
    expect(formatValue(7, "%")).toBe(`7,0${NBSP}%`);
    expect(formatValue(3.25, "‰")).toBe(`3,3${NBSP}‰`);
    expect(formatValue(1234.5, "%")).toBe(`1.234,5${NBSP}%`);
  });

  it("names differences of shares in percentage points, with a sign when asked", () => {
    expect(formatPoints(5.8, "%")).toBe(`5,8${NBSP}Prozentpunkte`);
    expect(formatDecimal(-1.24)).toBe("\u22121,2");
    expect(formatSigned(-0.5)).toBe("\u22120,5");
    expect(formatPoints(-1.25, "%", { signed: true })).toBe(`\u22121,3${NBSP}Prozentpunkte`);
    expect(formatPoints(2, "‰", { signed: true })).toBe(`+2,0${NBSP}Promillepunkte`);
  });

  it("shows segregation indices times 100 as Indexpunkte", () => {
    expect(formatIndexPoints(0.194)).toBe("19,4");
    expect(formatIndexPoints(null)).toBe("…");
  });

  it("rounds half away from zero like the printed report", () => {
    expect(formatDecimal(0.05)).toBe("0,1");
    expect(formatDecimal(2.25, 1)).toBe("2,3");
  });
});

describe("status symbols", () => {
  it("shows a suppressed value as a dot, never as 0", () => {
    expect(displayValue(null, "suppressed", "%")).toBe(".");
    expect(displayValue(0, "suppressed", "%")).toBe(".");
  });

  it("uses the official symbols for missing, not sensible, not exact enough and exactly zero", () => {
    expect(displayValue(null, "missing", "%")).toBe("…");
    expect(displayValue(null, "withheld", "%")).toBe(".");
    expect(displayValue(null, "denominator_zero", "%")).toBe("x");
    expect(displayValue(null, "band_split", "%")).toBe("/");
    expect(displayValue(0, "ok", "%")).toBe("–");
  });

  it("shows an ordinary value as a number", () => {
    expect(symbolKind(22.4, "ok")).toBeNull();
    expect(displayValue(22.4, "ok", "%")).toBe(`22,4${NBSP}%`);
  });

  it("explains exactly the symbols that occur, in a fixed order", () => {
    const legend = symbolLegend(["missing", "suppressed", "missing"]);
    expect(legend.map((line) => line.symbol)).toEqual([".", "…"]);
    expect(legend[0].text).toBe("Wert aus Gründen der Geheimhaltung unterdrückt");
  });
});

describe("values only analysts may see", () => {
  it("shows a value suppressed for the public to an analyst, marked nfD", () => {
    expect(displayValue(4.2, "suppressed", "%", true)).toBe(`4,2${NBSP}%${NBSP}nfD`);
    expect(shownValue({ value: 4.2, status: "suppressed", confidential: true })).toBe(4.2);
  });

  it("keeps the dot when the public answer carries no value", () => {
    expect(displayValue(null, "suppressed", "%", false)).toBe(".");
    expect(shownValue({ value: null, status: "suppressed" })).toBeNull();
  });
});

describe("shownDifference", () => {
  it("is the difference of the values as shown, so a reader can recompute it", () => {
    // 56.16 shows as 56,2 and 16.04 as 16,0: the gap shown is 40,2, not the 40,1 of 56.16 − 16.04 = 40.12.
    expect(formatDecimal(shownDifference(56.16, 16.04) as number)).toBe("40,2");
    expect(formatDecimal(56.16 - 16.04)).toBe("40,1");
    expect(shownDifference(null, 3)).toBeNull();
  });
});
