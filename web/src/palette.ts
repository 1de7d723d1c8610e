// Okabe–Ito: distinguishable with the common colour-vision deficiencies. Lines also differ in dash pattern,
// so the chart stays readable in greyscale print and on a washed-out projector.
export const OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"] as const;
export const TOTAL_COLOUR = "#000000";
export const DASHES = ["", "8 4", "2 4", "12 4 2 4", "4 4", "16 6", "1 3"] as const;

export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

export function seriesDash(index: number): string {
  return DASHES[index % DASHES.length];
}

/** ColorBrewer "Blues" (5 classes), sequential and colour-blind safe. */
export const SEQUENTIAL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

export const BAR_COLOUR = "#0072B2";
export const HIGHLIGHT_COLOUR = "#D55E00";
