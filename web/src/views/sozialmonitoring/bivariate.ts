// The combined status × dynamics map in the manner of Berlin's Monitoring Soziale Stadtentwicklung: one colour
// for each of the 4 × 3 class pairs. The hue says the status (blue high, teal middle, orange low, red very low),
// the lightness the dynamics (light positive, dark negative), so both can be read from the map and the legend
// matrix; the words are in every shape's name, the tooltip and the table.

import type { SozialIndexResponse } from "../../api/types.ts";
import { SYMBOLS } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import type { CategoryStyle, StadtteilValue } from "../../map/index.ts";
import { classLabel } from "./classes.ts";

export const STATUS_ROWS = ["hoch", "mittel", "niedrig", "sehr niedrig"] as const;
export const DYNAMICS_COLUMNS = ["positiv", "stabil", "negativ"] as const;

/** Rows: status hoch … sehr niedrig; columns: dynamics positiv, stabil, negativ. */
const COLOURS: Record<(typeof STATUS_ROWS)[number], readonly [string, string, string]> = {
  hoch: ["#c6dbef", "#6baed6", "#2171b5"],
  mittel: ["#c7eae5", "#80cdc1", "#35978f"],
  niedrig: ["#fee6ce", "#fdae6b", "#e6550d"],
  "sehr niedrig": ["#fcbba1", "#fb6a4a", "#a50f15"],
};

/** The key of a class pair as the map's categorical scale compares it. */
export function pairKey(status: string, dynamics: string): string {
  return `${status}|${dynamics}`;
}

export function bivariateColour(status: string, dynamics: string): string | null {
  const row = COLOURS[status as (typeof STATUS_ROWS)[number]];
  const column = DYNAMICS_COLUMNS.indexOf(dynamics as (typeof DYNAMICS_COLUMNS)[number]);
  return row && column >= 0 ? row[column] : null;
}

/** The 12 colours as the map's category palette, in legend order (row by row). */
export const BIVARIATE_PALETTE: readonly CategoryStyle[] = STATUS_ROWS.flatMap((status) =>
  DYNAMICS_COLUMNS.map((dynamics) => ({
    key: pairKey(status, dynamics),
    // Read at each use, so the legend follows the language.
    get label() {
      return t("bivariate.category", { status: classLabel(status), dynamics: classLabel(dynamics) });
    },
    colour: bivariateColour(status, dynamics) as string,
  })),
);

/** Each Stadtteil with its class pair; without a status or dynamics class, or withheld as a whole: no colour. */
export function bivariateMapValues(data: SozialIndexResponse, whole: ReadonlySet<number>): StadtteilValue[] {
  return data.units.map((u) => {
    const classified = !whole.has(u.stadtteil) && u.statusClass !== null && u.dynamicsClass !== null;
    return {
      stadtteil: u.stadtteil,
      name: u.name,
      bezirk: u.bezirk,
      value: null,
      // No text on the tile (the colour says it, the pair is too long for a tile); the shape's name and label
      // take the category's words ("Status mittel, Dynamik stabil").
      display: classified ? "" : SYMBOLS.suppressed,
      category: classified ? pairKey(u.statusClass as string, u.dynamicsClass as string) : null,
    };
  });
}

/** How many Stadtteile have each class pair: rows status, columns dynamics (withheld ones not counted). */
export function pairCounts(values: readonly StadtteilValue[]): number[][] {
  return STATUS_ROWS.map((status) =>
    DYNAMICS_COLUMNS.map((dynamics) => values.filter((v) => v.category === pairKey(status, dynamics)).length),
  );
}
