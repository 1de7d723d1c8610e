import { type MessageKey, t } from "../i18n/index.ts";
import type { CategoricalScale, CategoryStyle } from "./types.ts";

/** ColorBrewer YlGnBu (sequential, colour-blind safe), by number of classes. */
const YL_GN_BU: Record<number, readonly string[]> = {
  1: ["#41b6c4"],
  2: ["#a1dab4", "#2c7fb8"],
  3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
  4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
  5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
  6: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
  7: ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"],
};

/** Sequential palette (light = low, dark = high) for 1–7 classes. */
export function sequentialPalette(classes: number): readonly string[] {
  return YL_GN_BU[Math.min(7, Math.max(1, Math.round(classes)))];
}

/**
 * Outline of a Stadtteil on the boundaries map: mid-grey, so the border between two pale Stadtteile stays
 * visible (white vanished against the lightest classes; #888888 has 3.5:1 on white and on the palest fill), yet
 * clearly lighter than the dark Stadtbezirk borders drawn on top.
 */
export const STADTTEIL_BORDER = "#888888";
/** Outline of a Stadtbezirk: dark and wider than the Stadtteil outlines. */
export const BEZIRK_BORDER = "#333333";

/** Neutral grey and hatching for missing or suppressed values ("keine Angabe / geheim (.)"). */
export const MISSING_FILL = "#f0f0f0";
export const MISSING_HATCH = "#8c8c8c";
/** "keine Angabe / geheim (.)" in the current language, with its symbol. */
export function missingLabel(): string {
  return t("map.missing");
}

/** A category whose label is read at each use, so legends follow the language. */
function translated(key: string, label: MessageKey, colour: string): CategoryStyle {
  return {
    key,
    get label() {
      return t(label);
    },
    colour,
  };
}

/**
 * Sozialmonitoring status classes (ColorBrewer RdYlBu, 4 classes, colour-blind safe): blue for a high social
 * status through to red for a very low one.
 */
export const STATUS_CATEGORIES: readonly CategoryStyle[] = [
  translated("hoch", "map.status.hoch", "#2c7bb6"),
  translated("mittel", "map.status.mittel", "#abd9e9"),
  translated("niedrig", "map.status.niedrig", "#fdae61"),
  translated("sehr niedrig", "map.status.sehrNiedrig", "#d7191c"),
];

/** Sozialmonitoring dynamics classes (ColorBrewer RdYlBu, 3 classes). */
export const DYNAMICS_CATEGORIES: readonly CategoryStyle[] = [
  translated("positiv", "map.dynamics.positiv", "#91bfdb"),
  translated("stabil", "map.dynamics.stabil", "#ffffbf"),
  translated("negativ", "map.dynamics.negativ", "#fc8d59"),
];

/** Okabe–Ito colours for categories without a fixed palette. */
const OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];

/** Status codes "1"–"4" (Berlin MSS) map to the status classes. */
const STATUS_CODES: Record<string, string> = { "1": "hoch", "2": "mittel", "3": "niedrig", "4": "sehr niedrig" };

/** "Sehr niedrig Status" / " sehr  niedrig " / "4" → "sehr niedrig". */
export function normaliseCategory(category: string): string {
  const key = category
    .toLowerCase()
    .replace(/\bstatus\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return STATUS_CODES[key] ?? key;
}

/** The category styles to use for `categories` (keys normalised with `normaliseCategory`). */
export function categoryStyles(
  palette: CategoricalScale["palette"],
  categories: readonly string[],
): readonly CategoryStyle[] {
  if (palette === "status") return STATUS_CATEGORIES;
  if (palette === "dynamics") return DYNAMICS_CATEGORIES;
  if (palette) return palette.map((c) => ({ ...c, key: normaliseCategory(c.key) }));
  const keys = [...new Set(categories.map(normaliseCategory))];
  for (const fixed of [STATUS_CATEGORIES, DYNAMICS_CATEGORIES]) {
    if (keys.length > 0 && keys.every((k) => fixed.some((c) => c.key === k))) return fixed;
  }
  return keys.map((key, i) => ({ key, colour: OKABE_ITO[i % OKABE_ITO.length] }));
}

/** Dark or white text, whichever contrasts better with `background` (#rrggbb). */
export function textColourOn(background: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return "#1a1a1a";
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white: 1.05 / (L + 0.05); with #1a1a1a (L ≈ 0.010): (L + 0.05) / 0.060.
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.06 ? "#ffffff" : "#1a1a1a";
}
