// Where the direct labels at the end of a chart's lines go: at each line's last value, moved apart so that no
// two overlap (pure, so the placement is tested without a browser).

export interface LabelAnchor {
  key: string;
  /** The y of the line's last value, in pixels from the top. */
  y: number;
}

/**
 * Spreads the labels vertically so that neighbours are at least `gap` pixels apart, each as close to its line as
 * possible, all inside [top, bottom]: sorted by y, pushed down where they collide, then pushed back up from the
 * bottom edge.
 *
 * @example spreadLabels([{ key: "a", y: 100 }, { key: "b", y: 104 }], 16, 0, 300) // → a at 100, b at 116
 */
export function spreadLabels(
  anchors: readonly LabelAnchor[],
  gap: number,
  top: number,
  bottom: number,
): Map<string, number> {
  const sorted = [...anchors].sort((a, b) => a.y - b.y);
  const ys = sorted.map((a) => Math.min(bottom, Math.max(top, a.y)));
  for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i], ys[i - 1] + gap);
  if (ys.length > 0 && ys[ys.length - 1] > bottom) {
    ys[ys.length - 1] = bottom;
    for (let i = ys.length - 2; i >= 0; i--) ys[i] = Math.min(ys[i], ys[i + 1] - gap);
  }
  return new Map(sorted.map((a, i) => [a.key, ys[i]]));
}

/** The index of the last number in a series of rows, or -1. */
export function lastValueIndex(data: readonly Record<string, unknown>[], key: string): number {
  for (let i = data.length - 1; i >= 0; i--) {
    const v = data[i][key];
    if (typeof v === "number" && Number.isFinite(v)) return i;
  }
  return -1;
}

/**
 * A label broken into lines of at most `max` characters at spaces (a longer single word stays whole), so a long
 * group name ("ohne deutsche Staatsangehörigkeit") does not run out of the chart.
 */
export function wrapLabel(label: string, max = 20): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
