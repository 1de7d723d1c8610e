import { geoArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import { bezirkBorderLines, projectStadtteile, readingOrder, rewindForD3 } from "./geo.ts";
import { SYNTHETIC_CITY, THREE_FEATURES } from "./testdata.ts";

describe("geo helpers", () => {
  it("reverses counter-clockwise RFC 7946 rings so that d3 sees small areas, and keeps d3's order", () => {
    const rewound = rewindForD3(THREE_FEATURES);
    for (const f of rewound.features) expect(geoArea(f)).toBeLessThan(0.001);
    expect(rewindForD3(rewound).features[0].geometry).toEqual(rewound.features[0].geometry);
    // The input is not changed.
    expect(geoArea(THREE_FEATURES.features[0])).toBeGreaterThan(12);
  });

  it("finds the border between two Stadtbezirke but not the one inside a Stadtbezirk", () => {
    const lines = bezirkBorderLines(THREE_FEATURES.features);
    // 11 | 12 are both Mitte; only the edge 12 | 51 at longitude 7.64 separates Mitte from West.
    expect(lines.coordinates).toHaveLength(1);
    expect(lines.coordinates[0].map((p) => p[0])).toEqual([7.64, 7.64]);
  });

  it("finds the Stadtbezirk borders of the made-up city along shared vertices, split where a neighbour changes", () => {
    const lines = bezirkBorderLines(SYNTHETIC_CITY.features);
    // Nord | Mitte at 51.98° and Mitte | Süd at 51.96°, four edges each; the borders inside a Bezirk are left out.
    expect(lines.coordinates).toHaveLength(8);
    expect(lines.coordinates.filter(([a, b]) => a[1] === 51.98 && b[1] === 51.98)).toHaveLength(4);
    expect(lines.coordinates.filter(([a, b]) => a[1] === 51.96 && b[1] === 51.96)).toHaveLength(4);
  });

  it("puts points in reading order: rows from the top, each read from left to right", () => {
    const points: Record<string, [number, number]> = {
      a: [50, 12], // a little lower than b, but in the same row
      b: [10, 10],
      c: [90, 14],
      d: [20, 40], // next row
      e: [5, 45],
      f: [60, 80],
    };
    const order = readingOrder(Object.keys(points), (k) => points[k], 10);
    expect(order).toEqual(["b", "a", "c", "e", "d", "f"]);
    // Sorting by height alone would zigzag: b, a, c, d, e, f.
    expect(readingOrder(["x", "y"], () => [0, 0], 10)).toEqual(["x", "y"]);
  });

  it("fits the Stadtteile to the width and keeps their proportions", () => {
    const map = projectStadtteile(THREE_FEATURES, 600, 8);
    expect(map.width).toBe(600);
    // Three squares of 0.02° side by side: about 3 : 1 / cos(52°) in Mercator, i.e. roughly 1.85 : 1.
    const ratio = (600 - 16) / (map.height - 16);
    expect(ratio).toBeGreaterThan(1.75);
    expect(ratio).toBeLessThan(1.95);
  });
});
