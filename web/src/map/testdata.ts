import { MUENSTER_STADTTEILE_FILE, type ReferenceFolder } from "../../../tests/support/reference-folder.ts";
import { readSyntheticCity } from "../../../tests/support/synthetic-city.ts";
import type { StadtteilFeatureCollection, StadtteilValue } from "./types.ts";

/** Münster's real Stadtteil boundaries from the reference folder; only for tests declared with `reference.it`. */
export function readMuensterGeojson(reference: ReferenceFolder): StadtteilFeatureCollection {
  return reference.readJson<StadtteilFeatureCollection>(MUENSTER_STADTTEILE_FILE);
}

/** The made-up city of seven Stadtteile in Nord, Mitte and Süd (see tests/support/synthetic-city.ts). */
export const SYNTHETIC_CITY = readSyntheticCity<StadtteilFeatureCollection>();

const square = (west: number, south: number, size = 0.02) => [
  [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ],
];

/** Three adjacent squares near Münster, counter-clockwise as RFC 7946 has them: 11 | 12 (Mitte) | 51 (West). */
export const THREE_FEATURES: StadtteilFeatureCollection = {
  type: "FeatureCollection",
  attribution: "Testgeometrie, frei erfunden",
  features: [
    {
      type: "Feature",
      properties: { code: "11", name: "Aegidii", bezirk: "Mitte" },
      geometry: { type: "Polygon", coordinates: square(7.6, 51.95) },
    },
    {
      type: "Feature",
      properties: { code: "12", name: "Überwasser", bezirk: "Mitte" },
      geometry: { type: "Polygon", coordinates: square(7.62, 51.95) },
    },
    {
      type: "Feature",
      properties: { code: "51", name: "Gievenbeck", bezirk: "West" },
      geometry: { type: "Polygon", coordinates: square(7.64, 51.95) },
    },
  ],
};

/** Four squares in a 2 × 2 grid whose numbers do not follow reading order: 61 | 12 on top, 11 | 51 below. */
export const GRID_FEATURES: StadtteilFeatureCollection = {
  type: "FeatureCollection",
  features: [
    { code: "11", name: "Aegidii", bezirk: "Mitte", west: 7.6, south: 51.95 },
    { code: "12", name: "Überwasser", bezirk: "Mitte", west: 7.62, south: 51.97 },
    { code: "51", name: "Gievenbeck", bezirk: "West", west: 7.62, south: 51.95 },
    { code: "61", name: "Coerde", bezirk: "Nord", west: 7.6, south: 51.97 },
  ].map(({ west, south, ...properties }) => ({
    type: "Feature" as const,
    properties,
    geometry: { type: "Polygon" as const, coordinates: square(west, south) },
  })),
};

export function value(
  stadtteil: number,
  name: string,
  bezirk: string,
  v: number | null,
  display: string,
): StadtteilValue {
  return { stadtteil, name, bezirk, value: v, display };
}

/** All numbers of an SVG path as [x, y] pairs (d3 writes only absolute M/L/Z commands). */
export function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i], numbers[i + 1]]);
  return points;
}
