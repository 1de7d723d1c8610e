/*
 * Line colours for chart series. Every colour reaches at least 3:1 against the white background (WCAG 1.4.11,
 * graphical objects) — Okabe–Ito's orange, sky blue and yellow do not, so only its three darkest hues are kept
 * (blue, vermillion, bluish green) and completed with dark hues from Paul Tol's "muted" scheme (wine, indigo)
 * and ColorBrewer (brown, purple). The set was chosen so that the colours also stay apart under simulated
 * protanopia, deuteranopia and tritanopia (palette.test.ts checks both). Colour is never the only cue: every
 * series also has its own dash pattern and marker shape, so the chart stays readable in greyscale print and on a
 * washed-out projector. Legend and label text stays in the normal dark text colour; only the icons are coloured.
 */
export const SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#882255", "#332288", "#B15928", "#762A83"] as const;
export const TOTAL_COLOUR = "#000000";
/** Dash patterns; index 0 (solid) is the total's. Eight patterns, so seven groups plus the total all differ. */
export const DASHES = ["", "8 4", "2 4", "12 4 2 4", "4 4", "16 6", "1 3", "12 3 3 3 3 3"] as const;

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangleDown" | "plus" | "cross" | "star";
/** Marker shapes; index 0 (circle) is the total's. */
export const MARKERS: readonly MarkerShape[] = [
  "circle",
  "square",
  "triangle",
  "diamond",
  "triangleDown",
  "plus",
  "cross",
  "star",
];

/** The text colour of legends and labels (the same as the axis ticks). */
export const TEXT_COLOUR = "#222222";

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}

export function seriesDash(index: number): string {
  return DASHES[index % DASHES.length];
}

export function seriesMarker(index: number): MarkerShape {
  return MARKERS[index % MARKERS.length];
}

const round = (n: number) => Math.round(n * 100) / 100;

function polygon(points: [number, number][]): string {
  return `${points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(x)},${round(y)}`).join("")}Z`;
}

/**
 * SVG path data of a filled marker centred on (cx, cy); `r` is about the radius of a circle of the same weight.
 * Plain path data, so the chart, its legend and the exported SVG draw the same shape.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${round(cx - r)},${round(cy)}a${round(r)},${round(r)} 0 1,0 ${round(2 * r)},0a${round(r)},${round(r)} 0 1,0 ${round(-2 * r)},0Z`;
    case "square": {
      const h = r * 0.9;
      return polygon([
        [cx - h, cy - h],
        [cx + h, cy - h],
        [cx + h, cy + h],
        [cx - h, cy + h],
      ]);
    }
    case "triangle": {
      const h = r * 1.25;
      return polygon([
        [cx, cy - h],
        [cx + h, cy + h * 0.8],
        [cx - h, cy + h * 0.8],
      ]);
    }
    case "triangleDown": {
      const h = r * 1.25;
      return polygon([
        [cx - h, cy - h * 0.8],
        [cx + h, cy - h * 0.8],
        [cx, cy + h],
      ]);
    }
    case "diamond": {
      const h = r * 1.3;
      return polygon([
        [cx, cy - h],
        [cx + h, cy],
        [cx, cy + h],
        [cx - h, cy],
      ]);
    }
    case "plus":
    case "cross": {
      // A plus of arms `w` wide; the cross is the plus turned by 45°.
      const h = r * 1.3;
      const w = r * 0.45;
      const arms: [number, number][] = [
        [-w, -h],
        [w, -h],
        [w, -w],
        [h, -w],
        [h, w],
        [w, w],
        [w, h],
        [-w, h],
        [-w, w],
        [-h, w],
        [-h, -w],
        [-w, -w],
      ];
      const turn = shape === "cross" ? Math.PI / 4 : 0;
      const cos = Math.cos(turn);
      const sin = Math.sin(turn);
      return polygon(arms.map(([x, y]) => [cx + x * cos - y * sin, cy + x * sin + y * cos]));
    }
    case "star": {
      const outer = r * 1.45;
      const inner = outer * 0.45;
      const points: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const radius = i % 2 === 0 ? outer : inner;
        points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
      }
      return polygon(points);
    }
  }
}

/** ColorBrewer "Blues" (5 classes), sequential and colour-blind safe. */
export const SEQUENTIAL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

export const BAR_COLOUR = "#0072B2";
export const HIGHLIGHT_COLOUR = "#D55E00";
