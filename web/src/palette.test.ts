import { describe, expect, it } from "vitest";
import {
  BAR_COLOUR,
  DASHES,
  HIGHLIGHT_COLOUR,
  MARKERS,
  markerPath,
  SERIES_COLOURS,
  seriesColour,
  TEXT_COLOUR,
  TOTAL_COLOUR,
} from "./palette.ts";
import { channels, contrast, linear } from "./test-contrast.ts";

const WHITE = "#ffffff";

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1) on linear RGB, then CIELAB.
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function lab(hex: string, matrix: number[][]): [number, number, number] {
  const rgb = channels(hex).map(linear);
  const [r, g, b] = matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const distance = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe("the WCAG contrast function used here", () => {
  it("gives the known ratios", () => {
    expect(contrast("#000000", WHITE)).toBeCloseTo(21, 5);
    expect(contrast(WHITE, WHITE)).toBeCloseTo(1, 5);
    // #767676 is the lightest grey with 4.5:1 on white; Okabe–Ito's yellow has only 1.32:1.
    expect(contrast("#767676", WHITE)).toBeCloseTo(4.54, 2);
    expect(contrast("#F0E442", WHITE)).toBeCloseTo(1.32, 2);
  });
});

describe("the chart palette", () => {
  it("has line colours that all reach 3:1 on white (WCAG 1.4.11)", () => {
    for (const colour of [...SERIES_COLOURS, TOTAL_COLOUR, BAR_COLOUR, HIGHLIGHT_COLOUR]) {
      expect(contrast(colour, WHITE), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("writes legend and label text in a colour with at least 4.5:1 on white (WCAG 1.4.3)", () => {
    expect(contrast(TEXT_COLOUR, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps the series colours apart, and apart from the black total, in normal and simulated colour-blind vision", () => {
    for (const [vision, matrix] of Object.entries(CVD)) {
      const points = SERIES_COLOURS.map((c) => lab(c, matrix));
      for (let i = 0; i < points.length; i++) {
        expect(
          distance(points[i], lab(TOTAL_COLOUR, matrix)),
          `${vision}: ${SERIES_COLOURS[i]} / total`,
        ).toBeGreaterThan(25);
        for (let j = i + 1; j < points.length; j++) {
          // ΔE*ab above 12: clearly different lines side by side.
          expect(
            distance(points[i], points[j]),
            `${vision}: ${SERIES_COLOURS[i]} / ${SERIES_COLOURS[j]}`,
          ).toBeGreaterThan(12);
        }
      }
    }
  });

  it("has distinct dash patterns and marker shapes for the total and seven groups", () => {
    expect(new Set(DASHES.slice(0, 8)).size).toBe(8);
    expect(new Set(MARKERS.slice(0, 8)).size).toBe(8);
    expect(new Set(MARKERS.map((m) => markerPath(m, 10, 10, 4))).size).toBe(MARKERS.length);
    expect(seriesColour(SERIES_COLOURS.length)).toBe(SERIES_COLOURS[0]);
  });

  it("draws every marker as a closed path around its centre", () => {
    expect(markerPath("circle", 50, 20, 4)).toBe("M46,20a4,4 0 1,0 8,0a4,4 0 1,0 -8,0Z");
    for (const marker of MARKERS.filter((m) => m !== "circle")) {
      const d = markerPath(marker, 50, 20, 4);
      expect(d, marker).toMatch(/^M.*Z$/);
      const pairs = d
        .slice(1, -1)
        .split("L")
        .map((pair) => pair.split(",").map(Number));
      expect(pairs.length, marker).toBeGreaterThanOrEqual(3);
      for (const [x, y] of pairs) {
        expect(Math.abs(x - 50), marker).toBeLessThanOrEqual(6);
        expect(Math.abs(y - 20), marker).toBeLessThanOrEqual(6);
      }
    }
  });
});
