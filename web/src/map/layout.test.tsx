import { describe, expect, it } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import { gridLayout, MUENSTER_LAYOUT, resolveLayout, validateLayout } from "./layout.ts";
import { readMuensterGeojson } from "./testdata.ts";
import type { CartogramLayout, CartogramTile } from "./types.ts";

const reference = referenceFolder("Abgleich der Kachelkarte mit Münsters Grenzdatei");

const EXPECTED: Record<string, number[]> = {
  Mitte: [11, 12, 13, 14, 15, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 34, 43, 44, 45, 46, 47],
  West: [51, 52, 54, 56, 57, 58],
  Nord: [61, 62, 63, 68],
  Ost: [71, 76, 77],
  "Süd-Ost": [81, 82, 86, 87],
  Hiltrup: [91, 95, 96, 97, 98],
};

/** Number of 4-connected groups of a Bezirk's tiles (an independent flood fill, not the library's). */
function groups(tiles: readonly CartogramTile[]): number {
  const open = new Set(tiles.map((t) => `${t.col},${t.row}`));
  let count = 0;
  for (const start of [...open]) {
    if (!open.has(start)) continue;
    count++;
    const queue = [start];
    open.delete(start);
    while (queue.length > 0) {
      const [c, r] = (queue.shift() as string).split(",").map(Number);
      for (const n of [`${c + 1},${r}`, `${c - 1},${r}`, `${c},${r + 1}`, `${c},${r - 1}`]) {
        if (open.delete(n)) queue.push(n);
      }
    }
  }
  return count;
}

function centre(tiles: readonly CartogramTile[]): { col: number; row: number } {
  return {
    col: tiles.reduce((s, t) => s + t.col, 0) / tiles.length,
    row: tiles.reduce((s, t) => s + t.row, 0) / tiles.length,
  };
}

describe("Münster tile layout", () => {
  const tiles = MUENSTER_LAYOUT.tiles;
  const ofBezirk = (b: string) => tiles.filter((t) => t.bezirk === b);

  it("has exactly the 45 Stadtteile, each in its Stadtbezirk", () => {
    expect(tiles).toHaveLength(45);
    expect(tiles.map((t) => t.stadtteil).sort((a, b) => a - b)).toEqual(
      Object.values(EXPECTED)
        .flat()
        .sort((a, b) => a - b),
    );
    for (const [bezirk, numbers] of Object.entries(EXPECTED)) {
      expect(
        ofBezirk(bezirk)
          .map((t) => t.stadtteil)
          .sort((a, b) => a - b),
      ).toEqual(numbers);
    }
  });

  it("puts no two tiles into the same cell", () => {
    const cells = new Set(tiles.map((t) => `${t.col},${t.row}`));
    expect(cells.size).toBe(tiles.length);
    for (const t of tiles) {
      expect(Number.isInteger(t.col) && Number.isInteger(t.row) && t.col >= 0 && t.row >= 0).toBe(true);
    }
  });

  it("keeps every Stadtbezirk's tiles in one 4-connected block", () => {
    for (const bezirk of Object.keys(EXPECTED)) {
      expect({ bezirk, groups: groups(ofBezirk(bezirk)) }).toEqual({ bezirk, groups: 1 });
    }
    expect(validateLayout(MUENSTER_LAYOUT)).toEqual([]);
  });

  it("keeps the Stadtbezirke in their compass directions around Mitte", () => {
    const mitte = centre(ofBezirk("Mitte"));
    expect(centre(ofBezirk("Nord")).row).toBeLessThan(mitte.row - 1);
    expect(centre(ofBezirk("Hiltrup")).row).toBeGreaterThan(mitte.row + 1);
    expect(centre(ofBezirk("West")).col).toBeLessThan(mitte.col - 1);
    expect(centre(ofBezirk("Ost")).col).toBeGreaterThan(mitte.col + 1);
    expect(centre(ofBezirk("Süd-Ost")).col).toBeGreaterThan(mitte.col + 1);
    expect(centre(ofBezirk("Süd-Ost")).row).toBeGreaterThan(mitte.row);
  });

  reference.it("uses the numbers, names and Stadtbezirke of the city's boundary file", () => {
    const geo = readMuensterGeojson(reference);
    const fromFile = geo.features
      .map((f) => ({ stadtteil: Number(f.properties.code), name: f.properties.name, bezirk: f.properties.bezirk }))
      .sort((a, b) => a.stadtteil - b.stadtteil);
    const fromLayout = tiles
      .map((t) => ({ stadtteil: t.stadtteil, name: t.name, bezirk: t.bezirk }))
      .sort((a, b) => a.stadtteil - b.stadtteil);
    expect(fromLayout).toEqual(fromFile);
  });

  it("has tile labels of at most 8 characters and Bezirk labels in empty cells", () => {
    for (const t of tiles) expect(t.label.length).toBeLessThanOrEqual(8);
    const cells = new Set(tiles.map((t) => `${t.col},${t.row}`));
    for (const l of MUENSTER_LAYOUT.bezirkLabels ?? []) expect(cells.has(`${l.col},${l.row}`)).toBe(false);
  });
});

describe("validateLayout", () => {
  const tile = (stadtteil: number, col: number, row: number, bezirk: string): CartogramTile => ({
    stadtteil,
    col,
    row,
    bezirk,
    name: `S${stadtteil}`,
    label: `S${stadtteil}`,
  });

  it("reports a Stadtbezirk split into two parts and two tiles in one cell", () => {
    const broken: CartogramLayout = {
      id: "broken",
      tiles: [tile(1, 0, 0, "A"), tile(2, 1, 0, "B"), tile(3, 2, 0, "A"), tile(4, 2, 0, "B")],
    };
    const problems = validateLayout(broken);
    expect(problems).toContain("Stadtteile 3 und 4 liegen beide in Zelle 2,0.");
    expect(problems.some((p) => p.startsWith("Stadtbezirk A (2 Kacheln) zerfällt in 2 Teile"))).toBe(true);
  });
});

describe("gridLayout for other cities", () => {
  const districts = Array.from({ length: 17 }, (_, i) => ({
    stadtteil: 200 + i,
    name: `Stadtteil Nummer ${i}`,
    bezirk: ["Nord", "Süd", "Ost", "West", "Mitte"][i % 5],
  }));

  it("places every district once, without overlaps, with contiguous Stadtbezirke", () => {
    const layout = gridLayout(districts);
    expect(layout.tiles.map((t) => t.stadtteil).sort()).toEqual(districts.map((d) => d.stadtteil).sort());
    expect(validateLayout(layout)).toEqual([]);
    expect(layout.bezirkLabels?.map((l) => l.bezirk)).toEqual(["Nord", "Süd", "Ost", "West", "Mitte"]);
    for (const t of layout.tiles) expect(t.label.length).toBeLessThanOrEqual(8);
  });

  it("is chosen only when the Münster layout does not cover the districts", () => {
    expect(resolveLayout([{ stadtteil: 61, name: "Coerde", bezirk: "Nord" }])).toBe(MUENSTER_LAYOUT);
    expect(resolveLayout(districts).id).toBe("grid");
    const own: CartogramLayout = { id: "own", tiles: [] };
    expect(resolveLayout(districts, own)).toBe(own);
  });
});
