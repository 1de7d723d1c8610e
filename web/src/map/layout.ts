import { ALMELO_LAYOUT } from "./almelo-layout.ts";
import type { BezirkLabel, CartogramLayout, CartogramTile } from "./types.ts";

type TileRow = readonly [stadtteil: number, col: number, row: number, label: string, name: string, bezirk: string];

/*
 * Münster's 45 Stadtteile on a 9 × 9 grid (row 0 = north). Placed by hand from the Stadtteil centroids
 * (computed from the city's boundary file, radially compressed so the small inner-city Stadtteile get room),
 * then adjusted so that every Stadtbezirk is one 4-connected block and the grid has no enclosed holes:
 *
 *        0    1    2    3    4    5    6    7    8
 *   0    ·    ·    ·  [Nord] 68   ·    ·    ·    ·
 *   1    ·    ·    ·   63   62   61    ·   76    ·
 *   2    ·   58   28   47   27   26   46   77  [Ost]
 *   3 [West] 51   29   12   14   15   45   71    ·
 *   4   57   52   21   11   13   25   44    ·    ·
 *   5   56   54   31   32   22   23   24    ·    ·
 *   6    ·    · [Mitte] 34   33   43   81   82   87
 *   7    ·    ·    ·    ·   91   96   95   86 [Süd-Ost]
 *   8    ·    ·    ·   98   97 [Hiltrup] ·   ·    ·
 */
const MUENSTER_TILES: readonly TileRow[] = [
  // Mitte
  [11, 3, 4, "Aegidii", "Aegidii", "Mitte"],
  [12, 3, 3, "Überw.", "Überwasser", "Mitte"],
  [13, 4, 4, "Dom", "Dom", "Mitte"],
  [14, 4, 3, "Buddent.", "Buddenturm", "Mitte"],
  [15, 5, 3, "Martini", "Martini", "Mitte"],
  [21, 2, 4, "Plugg.", "Pluggendorf", "Mitte"],
  [22, 4, 5, "Josef", "Josef", "Mitte"],
  [23, 5, 5, "Bahnhof", "Bahnhof", "Mitte"],
  [24, 6, 5, "Hansapl.", "Hansaplatz", "Mitte"],
  [25, 5, 4, "Maur.-W", "Mauritz-West", "Mitte"],
  [26, 5, 2, "Schl.hof", "Schlachthof", "Mitte"],
  [27, 4, 2, "Kreuz", "Kreuz", "Mitte"],
  [28, 2, 2, "Neutor", "Neutor", "Mitte"],
  [29, 2, 3, "Schloss", "Schloss", "Mitte"],
  [31, 2, 5, "Aasee", "Aaseestadt", "Mitte"],
  [32, 3, 5, "Geist", "Geist", "Mitte"],
  [33, 4, 6, "Schütz.", "Schützenhof", "Mitte"],
  [34, 3, 6, "Düesb.", "Düesberg", "Mitte"],
  [43, 5, 6, "Hafen", "Hafen", "Mitte"],
  [44, 6, 4, "Herz-J.", "Herz-Jesu", "Mitte"],
  [45, 6, 3, "Maur.-M", "Mauritz-Mitte", "Mitte"],
  [46, 6, 2, "Rumph.", "Rumphorst", "Mitte"],
  [47, 3, 2, "Uppenb.", "Uppenberg", "Mitte"],
  // West
  [51, 1, 3, "Gievenb.", "Gievenbeck", "West"],
  [52, 1, 4, "Sentrup", "Sentrup", "West"],
  [54, 1, 5, "Mecklb.", "Mecklenbeck", "West"],
  [56, 0, 5, "Albacht.", "Albachten", "West"],
  [57, 0, 4, "Roxel", "Roxel", "West"],
  [58, 1, 2, "Nienb.", "Nienberge", "West"],
  // Nord
  [61, 5, 1, "Coerde", "Coerde", "Nord"],
  [62, 4, 1, "Kiha-O", "Kinderhaus-Ost", "Nord"],
  [63, 3, 1, "Kiha-W", "Kinderhaus-West", "Nord"],
  [68, 4, 0, "Sprakel", "Sprakel", "Nord"],
  // Ost
  [71, 7, 3, "Maur.-O", "Mauritz-Ost", "Ost"],
  [76, 7, 1, "Gelmer", "Gelmer-Dyckburg", "Ost"],
  [77, 7, 2, "Handorf", "Handorf", "Ost"],
  // Süd-Ost
  [81, 6, 6, "Gremm.-W", "Gremmendorf-West", "Süd-Ost"],
  [82, 7, 6, "Gremm.-O", "Gremmendorf-Ost", "Süd-Ost"],
  [86, 7, 7, "Angelm.", "Angelmodde", "Süd-Ost"],
  [87, 8, 6, "Wolbeck", "Wolbeck", "Süd-Ost"],
  // Hiltrup
  [91, 4, 7, "Berg F.", "Berg Fidel", "Hiltrup"],
  [95, 6, 7, "Hiltr.-O", "Hiltrup-Ost", "Hiltrup"],
  [96, 5, 7, "Hiltr.-M", "Hiltrup-Mitte", "Hiltrup"],
  [97, 4, 8, "Hiltr.-W", "Hiltrup-West", "Hiltrup"],
  [98, 3, 8, "Amelsb.", "Amelsbüren", "Hiltrup"],
];

/** Tile-grid layout of Münster's 45 Stadtteile in their 6 Stadtbezirke (north at the top). */
export const MUENSTER_LAYOUT: CartogramLayout = {
  id: "muenster",
  tiles: MUENSTER_TILES.map(([stadtteil, col, row, label, name, bezirk]) => ({
    stadtteil,
    col,
    row,
    label,
    name,
    bezirk,
  })),
  bezirkLabels: [
    { bezirk: "Nord", col: 3, row: 0 },
    { bezirk: "West", col: 0, row: 3 },
    { bezirk: "Ost", col: 8, row: 2 },
    { bezirk: "Mitte", col: 2, row: 6 },
    { bezirk: "Süd-Ost", col: 8, row: 7 },
    { bezirk: "Hiltrup", col: 5, row: 8 },
  ],
};

export interface DistrictRef {
  stadtteil: number;
  name: string;
  bezirk: string;
}

/** A tile label of at most 8 characters: the name, or its first 7 characters and a full stop. */
export function shortLabel(name: string): string {
  return name.length <= 8 ? name : `${name.slice(0, 7).trimEnd()}.`;
}

/**
 * Fallback layout for a district list without a hand-made layout: each Stadtbezirk becomes a near-square block
 * filled row by row (so it is always 4-connected), Stadtteile sorted by number; blocks are packed left to right
 * in bands with one empty column between them, and each band has a row above it for the Bezirk names.
 * Stadtbezirke appear in order of first appearance in `districts`.
 */
export function gridLayout(districts: readonly DistrictRef[]): CartogramLayout {
  const groups = new Map<string, DistrictRef[]>();
  const seen = new Set<number>();
  for (const d of districts) {
    if (seen.has(d.stadtteil)) continue;
    seen.add(d.stadtteil);
    const group = groups.get(d.bezirk) ?? [];
    group.push(d);
    groups.set(d.bezirk, group);
  }
  const blocks = [...groups].map(([bezirk, members]) => {
    const cols = Math.ceil(Math.sqrt(members.length));
    return {
      bezirk,
      members: [...members].sort((a, b) => a.stadtteil - b.stadtteil),
      cols,
      rows: Math.ceil(members.length / cols),
    };
  });
  const widest = Math.max(0, ...blocks.map((b) => b.cols));
  const maxWidth = Math.max(widest, Math.ceil(Math.sqrt(seen.size * 2)) + 2);

  const tiles: CartogramTile[] = [];
  const bezirkLabels: BezirkLabel[] = [];
  let col = 0;
  let bandTop = 0;
  let bandHeight = 0;
  for (const block of blocks) {
    if (col > 0 && col + block.cols > maxWidth) {
      bandTop += bandHeight + 1;
      col = 0;
      bandHeight = 0;
    }
    bezirkLabels.push({ bezirk: block.bezirk, col, row: bandTop, anchor: "start" });
    block.members.forEach((d, i) => {
      tiles.push({
        stadtteil: d.stadtteil,
        col: col + (i % block.cols),
        row: bandTop + 1 + Math.floor(i / block.cols),
        label: shortLabel(d.name),
        name: d.name,
        bezirk: d.bezirk,
      });
    });
    col += block.cols + 1;
    bandHeight = Math.max(bandHeight, block.rows);
  }
  return { id: "grid", tiles, bezirkLabels };
}

/** The layouts that ship with the dashboard, one per city that has one. */
const SHIPPED_LAYOUTS: readonly CartogramLayout[] = [MUENSTER_LAYOUT, ALMELO_LAYOUT];

/**
 * The layout to draw: the given one; else a shipped city's layout (Münster's, Almelo's) when it has a tile for
 * every district in `districts`; else `gridLayout(districts)`.
 */
export function resolveLayout(districts: readonly DistrictRef[], layout?: CartogramLayout): CartogramLayout {
  if (layout) return layout;
  const covering = SHIPPED_LAYOUTS.find((shipped) => {
    const known = new Set(shipped.tiles.map((t) => t.stadtteil));
    return districts.every((d) => known.has(d.stadtteil));
  });
  return covering ?? gridLayout(districts);
}

/**
 * Checks a layout and returns German problem descriptions (empty = fine): duplicate Stadtteile, two tiles in
 * one cell, negative or fractional coordinates, and Stadtbezirke whose tiles are not 4-connected.
 */
export function validateLayout(layout: CartogramLayout): string[] {
  const problems: string[] = [];
  const byNumber = new Set<number>();
  const byCell = new Map<string, CartogramTile>();
  for (const t of layout.tiles) {
    if (byNumber.has(t.stadtteil)) problems.push(`Stadtteil ${t.stadtteil} kommt mehrfach vor.`);
    byNumber.add(t.stadtteil);
    if (!Number.isInteger(t.col) || !Number.isInteger(t.row) || t.col < 0 || t.row < 0) {
      problems.push(`Stadtteil ${t.stadtteil}: Spalte/Zeile müssen ganze Zahlen ≥ 0 sein.`);
    }
    const key = `${t.col},${t.row}`;
    const other = byCell.get(key);
    if (other) problems.push(`Stadtteile ${other.stadtteil} und ${t.stadtteil} liegen beide in Zelle ${key}.`);
    else byCell.set(key, t);
  }
  for (const [bezirk, count] of countBy(layout.tiles.map((t) => t.bezirk))) {
    const components = bezirkComponents(layout, bezirk);
    if (components.length > 1) {
      const parts = components.map((c) => c.join(", ")).join(" | ");
      problems.push(`Stadtbezirk ${bezirk} (${count} Kacheln) zerfällt in ${components.length} Teile: ${parts}.`);
    }
  }
  return problems;
}

/** The 4-connected groups of a Stadtbezirk's tiles, as sorted lists of Stadtteil numbers. */
export function bezirkComponents(layout: CartogramLayout, bezirk: string): number[][] {
  const cells = new Map<string, number>();
  for (const t of layout.tiles) if (t.bezirk === bezirk) cells.set(`${t.col},${t.row}`, t.stadtteil);
  const done = new Set<string>();
  const components: number[][] = [];
  for (const start of cells.keys()) {
    if (done.has(start)) continue;
    const component: number[] = [];
    const stack = [start];
    done.add(start);
    while (stack.length > 0) {
      const key = stack.pop() as string;
      component.push(cells.get(key) as number);
      const [c, r] = key.split(",").map(Number);
      for (const next of [`${c + 1},${r}`, `${c - 1},${r}`, `${c},${r + 1}`, `${c},${r - 1}`]) {
        if (cells.has(next) && !done.has(next)) {
          done.add(next);
          stack.push(next);
        }
      }
    }
    components.push(component.sort((a, b) => a - b));
  }
  return components;
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
