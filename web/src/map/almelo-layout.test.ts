import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import { ALMELO_LAYOUT } from "./almelo-layout.ts";
import { bezirkComponents, validateLayout } from "./layout.ts";

const reference = referenceFolder("Abgleich der Almelo-Kachelkarte mit den CBS-Wijkgrenzen");
const districtList = readFileSync(
  // Not `new URL(…, import.meta.url)`: under jsdom that URL class is not node's.
  resolve(dirname(fileURLToPath(import.meta.url)), "../../../data-import/src/districts/almelo.csv"),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [number, name, wijk] = line.split(";");
    return { stadtteil: Number(number), name, bezirk: wijk };
  });

describe("Almelo tile layout", () => {
  const tiles = ALMELO_LAYOUT.tiles;

  it("has a tile for each of the 71 buurten of the district list, with its name and wijk", () => {
    expect(tiles).toHaveLength(71);
    const byNumber = new Map(tiles.map((t) => [t.stadtteil, t]));
    for (const d of districtList) {
      expect(byNumber.get(d.stadtteil), d.name).toMatchObject({ name: d.name, bezirk: d.bezirk });
    }
  });

  it("passes the layout check: one tile per cell, every wijk one 4-connected block", () => {
    expect(validateLayout(ALMELO_LAYOUT)).toEqual([]);
    const wijken = new Set(tiles.map((t) => t.bezirk));
    expect(wijken.size).toBe(12);
    for (const wijk of wijken) expect(bezirkComponents(ALMELO_LAYOUT, wijk), wijk).toHaveLength(1);
  });

  it("keeps tile labels at most 8 characters long and distinct", () => {
    expect(tiles.every((t) => t.label.length <= 8)).toBe(true);
    expect(new Set(tiles.map((t) => t.label)).size).toBe(71);
  });

  reference.it("puts the wijk blocks in the same north–south and west–east order as the CBS wijk centroids", () => {
    type Geometry = { type: "Polygon" | "MultiPolygon"; coordinates: number[][][] | number[][][][] };
    const geojson = reference.readJson<{ features: { properties: { name: string }; geometry: Geometry }[] }>(
      "domain/almelo-wijken.geojson",
    );
    const centroid = (g: Geometry) => {
      const rings =
        g.type === "Polygon"
          ? [(g.coordinates as number[][][])[0]]
          : (g.coordinates as number[][][][]).map((p) => p[0]);
      const points = rings.flat();
      return [
        points.reduce((s, p) => s + p[0], 0) / points.length,
        points.reduce((s, p) => s + p[1], 0) / points.length,
      ];
    };
    const real = new Map(geojson.features.map((f) => [f.properties.name, centroid(f.geometry)]));
    const grid = new Map(
      [...new Set(tiles.map((t) => t.bezirk))].map((w) => {
        const own = tiles.filter((t) => t.bezirk === w);
        return [w, [own.reduce((s, t) => s + t.col, 0) / own.length, own.reduce((s, t) => s + t.row, 0) / own.length]];
      }),
    );
    // Pairs of wijken clearly apart (more than 0.02° longitude or 0.01° latitude) keep their order on the grid.
    for (const [a, [ax, ay]] of real)
      for (const [b, [bx, by]] of real) {
        const [gax, gay] = grid.get(a) ?? [0, 0];
        const [gbx, gby] = grid.get(b) ?? [0, 0];
        if (ax - bx > 0.02) expect(gax, `${a} östlich von ${b}`).toBeGreaterThan(gbx);
        if (ay - by > 0.01) expect(gay, `${a} nördlich von ${b}`).toBeLessThan(gby);
      }
  });
});
