import { afterEach, describe, expect, it } from "vitest";
import {
  displayValue,
  formatDate,
  formatDateTime,
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
import { chooseLanguage, resetLanguage } from "./i18n/index.ts";

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

describe("numbers, dates and symbols per language", () => {
  afterEach(() => resetLanguage());
  const MINUS = "\u2212";

  it("writes German numbers with a decimal comma and a thousands dot", () => {
    expect(formatNumber(1234.5)).toBe("1.235");
    expect(formatDecimal(1234.5)).toBe("1.234,5");
    expect(formatSigned(-1234.56)).toBe(`${MINUS}1.234,6`);
    expect(formatDate("2026-12-04T10:00:00Z")).toBe("04.12.2026");
  });

  it("writes Dutch numbers like German ones, and Dutch dates", () => {
    chooseLanguage("nl");
    expect(formatNumber(1234.5)).toBe("1.235");
    expect(formatDecimal(1234.5)).toBe("1.234,5");
    expect(formatValue(22.44, "%")).toBe(`22,4${NBSP}%`);
    expect(formatSigned(-1234.56)).toBe(`${MINUS}1.234,6`);
    expect(formatSigned(2)).toBe("+2,0");
    expect(formatPoints(5.8, "%")).toBe(`5,8${NBSP}procentpunten`);
    expect(formatDate("2026-12-04T10:00:00Z")).toBe("4 dec 2026");
  });

  it("writes English numbers with a decimal point and a thousands comma, and British dates", () => {
    chooseLanguage("en");
    expect(formatNumber(1234.5)).toBe("1,235");
    expect(formatDecimal(1234.5)).toBe("1,234.5");
    expect(formatValue(22.44, "%")).toBe(`22.4${NBSP}%`);
    expect(formatSigned(-1234.56)).toBe(`${MINUS}1,234.6`);
    expect(formatPoints(-1.25, "%", { signed: true })).toBe(`${MINUS}1.3${NBSP}percentage points`);
    expect(formatIndexPoints(0.194)).toBe("19.4");
    expect(formatDate("2026-12-04T10:00:00Z")).toBe("4 Dec 2026");
    expect(formatDateTime("not a date")).toBe("not a date");
  });

  it("uses CBS's symbols in Dutch and explains them in Dutch, a blank named in the legend", () => {
    chooseLanguage("nl");
    expect(displayValue(null, "suppressed", "%")).toBe("x");
    expect(displayValue(null, "missing", "%")).toBe(".");
    expect(displayValue(0, "ok", "%")).toBe("-");
    expect(displayValue(null, "denominator_zero", "%")).toBe("");
    const legend = symbolLegend(["suppressed", "denominator_zero", "zero"]);
    expect(legend.map((line) => line.symbol)).toEqual(["x", "(leeg)", "-"]);
    expect(legend[0].text).toBe("geheim: waarde niet gepubliceerd vanwege geheimhouding");
    expect(legend[2].text).toBe("nihil (precies nul)");
  });

  it("keeps the German symbols in English and explains them in English", () => {
    chooseLanguage("en");
    expect(displayValue(null, "suppressed", "%")).toBe(".");
    expect(displayValue(null, "missing", "%")).toBe("…");
    expect(displayValue(0, "ok", "%")).toBe("–");
    expect(symbolLegend(["suppressed"])[0].text).toBe("value suppressed for confidentiality");
  });
});
