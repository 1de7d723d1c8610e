// The read side of the observation encoding of docs/architecture.md §1 (`name=code|name=code`). It lives here
// because indicators imports nothing of the other workspaces; data-import writes the format and reads it
// through these functions.

import type { AgeRange } from "../catalogue/schema.ts";

/**
 * `geschlecht=w|alter=0-2` → `{ geschlecht: "w", alter: "0-2" }` (keys in stored order); the empty string →
 * `{}`. Throws on a pair without a name: stored dims are written by data-import and never malformed.
 *
 * @example
 * decodeDims("geschlecht=w|alter=90+"); // { geschlecht: "w", alter: "90+" }
 */
export function decodeDims(dims: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (dims === "") return out;
  for (const pair of dims.split("|")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`decodeDims: „${pair}“ ist kein name=code-Paar`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * Canonical age code → inclusive range: `7-7` → 7..7, `15-17` → 15..17, `90+` → 90..∞ (`to: null`); a bare
 * `7` is accepted as 7..7. Anything else → null.
 *
 * @example
 * parseAgeCode("90+"); // { from: 90, to: null }
 */
export function parseAgeCode(code: string): AgeRange | null {
  const open = /^(\d+)\+$/.exec(code);
  if (open) return { from: Number(open[1]), to: null };
  const band = /^(\d+)(?:-(\d+))?$/.exec(code);
  if (!band) return null;
  const from = Number(band[1]);
  const to = band[2] === undefined ? from : Number(band[2]);
  return to >= from ? { from, to } : null;
}

/** Where an age band lies relative to a range: fully inside, outside, or split by the range's edge. */
export function bandPosition(band: AgeRange, range: AgeRange): "inside" | "outside" | "split" {
  const bandTo = band.to ?? Number.POSITIVE_INFINITY;
  const rangeTo = range.to ?? Number.POSITIVE_INFINITY;
  if (bandTo < range.from || band.from > rangeTo) return "outside";
  if (band.from >= range.from && bandTo <= rangeTo) return "inside";
  return "split";
}

/** `0–2 Jahre`, `ab 65 Jahren`, as used in status texts. */
export function rangeText(range: AgeRange): string {
  return range.to === null ? `ab ${range.from} Jahren` : `${range.from}–${range.to} Jahre`;
}
