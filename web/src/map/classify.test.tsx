import { describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../i18n/index.ts";
import { classBreaks, classLabels, classOf } from "./classify.ts";
import { mapColouring } from "./colouring.ts";
import { normaliseCategory, textColourOn } from "./colours.ts";
import { value } from "./testdata.ts";

describe("classBreaks", () => {
  it("cuts 1…11 into five quantile classes at 3, 5, 7 and 9", () => {
    // n = 11: h = 10 · p hits the 3rd, 5th, 7th and 9th value exactly.
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "quantile", 5)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it("interpolates quantiles linearly between neighbouring values", () => {
    // Sorted 10, 20, 30, 40; p = 0.5: h = 1.5 → 20 + 0.5 · 10 = 25.
    expect(classBreaks([40, 10, 30, 20], "quantile", 2)).toEqual([10, 25, 40]);
  });

  it("makes equal intervals between minimum and maximum and ignores missing values", () => {
    expect(classBreaks([0, null, 10, 50, Number.NaN], "equal", 5)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("merges equal boundaries and handles one or no values", () => {
    expect(classBreaks([1, 1, 1, 1, 5], "quantile", 4)).toEqual([1, 5, 5]);
    expect(classBreaks([1, 1, 2, 2, 2, 2, 5], "quantile", 4)).toEqual([1, 2, 5]);
    expect(classBreaks([7, 7], "equal", 5)).toEqual([7, 7]);
    expect(classBreaks([null], "quantile", 5)).toEqual([]);
  });

  it("never puts 0 % and 8,5 % into one class when most values are 0 (Duldung/Gestattung)", () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.4, 3.2, 8.5];
    const breaks = classBreaks(values, "quantile", 5);
    expect(classOf(0, breaks)).not.toBe(classOf(8.5, breaks));
    expect(classOf(0, breaks)).not.toBe(classOf(1.4, breaks));
    expect(new Set(values.map((v) => classOf(v, breaks))).size).toBe(4);
    // 0 % alone in its class even when the other values lie close together (8,2 … 10,6 %).
    const close = [...Array(29).fill(0), 8.2, 8.3, 8.5, 8.9, 9.1, 9.1, 9.2, 9.4, 9.8, 10.4, 10.5, 10.6];
    const closeBreaks = classBreaks(close, "quantile", 5);
    expect(classOf(0, closeBreaks)).toBe(0);
    expect(close.filter((v) => classOf(v, closeBreaks) === 0)).toEqual(Array(29).fill(0));
  });
});

describe("classOf", () => {
  const breaks = [1, 3, 5, 7, 9, 11];

  it("puts a boundary value into the upper class and the maximum into the last class", () => {
    expect([1, 2.9, 3, 8.99, 9, 11].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 3, 4, 4]);
  });

  it("clamps values outside the boundaries and returns null for missing values", () => {
    expect(classOf(-5, breaks)).toBe(0);
    expect(classOf(99, breaks)).toBe(4);
    expect(classOf(null, breaks)).toBeNull();
    expect(classOf(4, [])).toBeNull();
    expect(classOf(7, [7, 7])).toBe(0);
  });
});

describe("classLabels", () => {
  it("writes class boundaries in German number format with the unit", () => {
    expect(classLabels([0, 12.5, 1234.56], { unit: "%", fractionDigits: 1 })).toEqual([
      "0,0 bis unter 12,5\u00a0%",
      "12,5 bis 1.234,6\u00a0%",
    ]);
  });

  it("writes them in the reader's language and number format", () => {
    setLanguage("en");
    try {
      expect(classLabels([0, 12.5, 1234.56], { unit: "%", fractionDigits: 1 })).toEqual([
        "0.0 to under 12.5\u00a0%",
        "12.5 to 1,234.6\u00a0%",
      ]);
      setLanguage("nl");
      expect(classLabels([-2, 0, 3], { fractionDigits: 1 })).toEqual(["\u22122,0 tot 0,0", "0,0 tot en met 3,0"]);
    } finally {
      resetLanguage();
    }
  });
});

describe("mapColouring", () => {
  const values = [
    value(11, "Aegidii", "Mitte", 1, "1,0 %"),
    value(12, "Überwasser", "Mitte", 2, "2,0 %"),
    value(13, "Dom", "Mitte", 3, "3,0 %"),
    value(14, "Buddenturm", "Mitte", null, "."),
  ];

  it("colours missing values as hatched and counts them in the last legend entry", () => {
    const colouring = mapColouring(values, { type: "sequential", method: "equal", classes: 2, unit: "%" });
    expect(colouring.breaks).toEqual([1, 2, 3]);
    expect(colouring.colourOf(values[3])).toBeNull();
    expect(colouring.textOf(values[3])).toBe("keine Angabe / geheim (.)");
    expect(colouring.legend.map((e) => [e.label, e.count])).toEqual([
      ["1,0 bis unter 2,0\u00a0%", 1],
      ["2,0 bis 3,0\u00a0%", 2],
      ["keine Angabe / geheim (.)", 1],
    ]);
  });

  it("uses the fixed status palette for Sozialmonitoring classes", () => {
    const withClasses = [
      { ...values[0], category: "hoch" },
      { ...values[1], category: "Sehr niedrig Status" },
      { ...values[2], category: "4" },
      { ...values[3], category: null },
    ];
    const colouring = mapColouring(withClasses, { type: "categorical" });
    expect(colouring.legend.map((e) => [e.label, e.count])).toEqual([
      ["hoher Status", 1],
      ["mittlerer Status", 0],
      ["niedriger Status", 0],
      ["sehr niedriger Status", 2],
      ["keine Angabe / geheim (.)", 1],
    ]);
    expect(colouring.colourOf(withClasses[1])).toBe(colouring.colourOf(withClasses[2]));
    expect(normaliseCategory(" Mittel  Status ")).toBe("mittel");
  });

  it("picks white text on dark fills and dark text on light fills", () => {
    expect(textColourOn("#253494")).toBe("#ffffff");
    expect(textColourOn("#ffffcc")).toBe("#1a1a1a");
  });
});
