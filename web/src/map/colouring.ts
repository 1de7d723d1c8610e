import { SYMBOLS } from "../format.ts";
import { classBreaks, classLabels, classOf } from "./classify.ts";
import { categoryStyles, missingLabel, normaliseCategory, sequentialPalette } from "./colours.ts";
import type { MapScale, StadtteilValue } from "./types.ts";

export interface LegendEntry {
  /** A colour, or null for the hatched "keine Angabe / geheim (.)" entry. */
  colour: string | null;
  label: string;
  /** How many Stadtteile fall into this entry. */
  count: number;
}

export interface Colouring {
  /** Colour of a Stadtteil, or null when it is missing/suppressed (hatched). */
  colourOf(value: StadtteilValue | undefined): string | null;
  /** Text for a shape's accessible name after "61 Coerde: ". */
  textOf(value: StadtteilValue | undefined): string;
  legend: LegendEntry[];
  /** Ascending class boundaries (sequential mode; empty in categorical mode). */
  breaks: number[];
}

const DEFAULT_SCALE: MapScale = { type: "sequential", method: "quantile", classes: 5 };

function isMissingDisplay(display: string | undefined): boolean {
  if (display === undefined || display.trim() === "") return true;
  // The symbols of values not shown, in the current language (Dutch `x` for secret, `.` for missing).
  return [".", SYMBOLS.suppressed, SYMBOLS.withheld, SYMBOLS.missing].includes(display.trim());
}

/**
 * Classes, colours and legend for `values`. Sequential: `classBreaks` (quantile by default, 5 classes) with the
 * YlGnBu palette; categorical: `StadtteilValue.category` with a fixed palette. Missing values (null, or a
 * category without a colour) are hatched. The legend always ends with "keine Angabe / geheim (.)".
 */
export function mapColouring(values: readonly StadtteilValue[], scale: MapScale = DEFAULT_SCALE): Colouring {
  if (scale.type === "categorical") {
    const styles = categoryStyles(
      scale.palette,
      values.map((v) => v.category).filter((c): c is string => typeof c === "string" && c.trim() !== ""),
    );
    const byKey = new Map(styles.map((s) => [s.key, s]));
    const styleOf = (v: StadtteilValue | undefined) =>
      v?.category ? byKey.get(normaliseCategory(v.category)) : undefined;
    const counts = new Map<string, number>();
    let missing = 0;
    for (const v of values) {
      const s = styleOf(v);
      if (s) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
      else missing++;
    }
    return {
      colourOf: (v) => styleOf(v)?.colour ?? null,
      textOf: (v) => {
        const s = styleOf(v);
        if (!s) return missingLabel();
        return isMissingDisplay(v?.display) ? (s.label ?? s.key) : (v?.display as string);
      },
      legend: [
        ...styles.map((s) => ({ colour: s.colour, label: s.label ?? s.key, count: counts.get(s.key) ?? 0 })),
        { colour: null, label: missingLabel(), count: missing },
      ],
      breaks: [],
    };
  }

  const numbers = values.map((v) => v.value);
  const breaks = scale.breaks
    ? [...scale.breaks]
    : classBreaks(numbers, scale.method ?? "quantile", Math.min(7, Math.max(2, scale.classes ?? 5)));
  const classes = Math.max(1, breaks.length - 1);
  const palette = sequentialPalette(classes);
  const labels = classLabels(breaks, { unit: scale.unit, fractionDigits: scale.fractionDigits });
  const counts = new Array<number>(classes).fill(0);
  let missing = 0;
  for (const v of values) {
    const c = classOf(v.value, breaks);
    if (c === null) missing++;
    else counts[c]++;
  }
  return {
    colourOf: (v) => {
      const c = classOf(v?.value, breaks);
      return c === null ? null : palette[c];
    },
    textOf: (v) => (!v || isMissingDisplay(v.display) ? missingLabel() : v.display),
    legend: [
      ...labels.map((label, i) => ({ colour: palette[i], label, count: counts[i] })),
      { colour: null, label: missingLabel(), count: missing },
    ],
    breaks,
  };
}
