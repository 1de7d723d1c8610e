import { geoArea, geoMercator, geoPath } from "d3-geo";
import type { MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import type { StadtteilFeature, StadtteilFeatureCollection } from "./types.ts";

/**
 * d3-geo works on the sphere and wants exterior rings clockwise; RFC 7946 GeoJSON (as served by
 * `/api/geo/stadtteile`) has them counter-clockwise, which d3 reads as "the whole globe minus the Stadtteil".
 * This returns a copy in which every polygon whose exterior ring encloses more than a hemisphere has all its
 * rings reversed (holes then follow the opposite orientation, as d3 expects). Input in d3's order is unchanged.
 */
export function rewindForD3(fc: StadtteilFeatureCollection): StadtteilFeatureCollection {
  return { ...fc, features: fc.features.map(rewindFeature) };
}

function rewindFeature(feature: StadtteilFeature): StadtteilFeature {
  const g = feature.geometry;
  if (!g) return feature;
  if (g.type === "Polygon") return { ...feature, geometry: { ...g, coordinates: rewindPolygon(g.coordinates) } };
  return { ...feature, geometry: { ...g, coordinates: g.coordinates.map(rewindPolygon) } };
}

function rewindPolygon(rings: Position[][]): Position[][] {
  if (rings.length === 0) return rings;
  const area = geoArea({ type: "Polygon", coordinates: [rings[0]] });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/** The Stadtteil number of a feature (`properties.code`, "61" or 61); null if it is not a number. */
export function featureStadtteil(feature: StadtteilFeature): number | null {
  const n = Number(feature.properties?.code);
  return Number.isFinite(n) ? n : null;
}

export interface ProjectedStadtteil {
  stadtteil: number;
  name: string;
  bezirk: string;
  /** SVG path data. */
  d: string;
  /** Projected centroid [x, y]. */
  centroid: [number, number];
  /** Projected bounding box [[x0, y0], [x1, y1]]. */
  bounds: [[number, number], [number, number]];
}

export interface ProjectedMap {
  width: number;
  height: number;
  /** In reading order (see `readingOrder`), the order in which they are drawn and reached with Tab. */
  shapes: ProjectedStadtteil[];
  /** Path data for the lines between different Stadtbezirke ("" when the topology does not allow it). */
  bezirkBorders: string;
}

/**
 * Projects WGS84 lon/lat Stadtteile with a Mercator projection fitted to `width` (conformal, so shapes and
 * angles look right at city scale; an unprojected lon/lat plot would be stretched east–west by 1 / cos(latitude)).
 * The height follows from the city's shape. Features without a numeric `code` are left out. The shapes come in
 * reading order of their centroids — rows from north to south, west to east within a row — so that the keyboard
 * walks the map the way the eye reads it rather than by Stadtteil number.
 */
export function projectStadtteile(fc: StadtteilFeatureCollection, width = 600, padding = 8): ProjectedMap {
  const features = rewindForD3(fc).features.filter((f) => f.geometry && featureStadtteil(f) !== null);
  const collection = { type: "FeatureCollection" as const, features };
  const projection = geoMercator().fitWidth(width - 2 * padding, collection);
  const [tx, ty] = projection.translate();
  projection.translate([tx + padding, ty + padding]);
  const path = geoPath(projection);
  const [, [, maxY]] = path.bounds(collection);
  const height = Math.ceil((Number.isFinite(maxY) ? maxY : width) + padding);

  const projected: ProjectedStadtteil[] = features.map((f) => {
    const stadtteil = featureStadtteil(f) as number;
    const [cx, cy] = path.centroid(f);
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    return {
      stadtteil,
      name: String(f.properties.name ?? stadtteil),
      bezirk: String(f.properties.bezirk ?? ""),
      d: path(f) ?? "",
      centroid: [cx, cy],
      bounds: [
        [x0, y0],
        [x1, y1],
      ],
    };
  });
  // A row is about half a typical Stadtteil high: neighbours side by side share a row, the next one down does not.
  const heights = projected.map((s) => s.bounds[1][1] - s.bounds[0][1]).filter(Number.isFinite);
  const shapes = readingOrder(projected, (s) => s.centroid, median(heights) / 2);

  const borders = bezirkBorderLines(features);
  return {
    width,
    height,
    shapes,
    bezirkBorders: borders.coordinates.length > 0 ? (path(borders) ?? "") : "",
  };
}

/**
 * Items in reading order: top to bottom, left to right. Rows are formed from the top: a row starts at the topmost
 * item not yet placed and takes every item whose point lies less than `rowHeight` below it; each row is then read
 * from left to right. (A plain sort by y would zigzag across the map between shapes of almost the same height.)
 * Ties keep their input order.
 */
export function readingOrder<T>(
  items: readonly T[],
  point: (item: T) => readonly [number, number],
  rowHeight: number,
): T[] {
  const byY = items
    .map((item, index) => ({ item, index, at: point(item) }))
    .sort((a, b) => a.at[1] - b.at[1] || a.index - b.index);
  const ordered: T[] = [];
  for (let start = 0; start < byY.length; ) {
    let end = start + 1;
    while (end < byY.length && byY[end].at[1] - byY[start].at[1] < rowHeight) end++;
    const row = byY.slice(start, end).sort((a, b) => a.at[0] - b.at[0] || a.index - b.index);
    for (const entry of row) ordered.push(entry.item);
    start = end;
  }
  return ordered;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Edges shared by two Stadtteile of different Stadtbezirke, found by matching identical vertex pairs (the
 * city file is topologically clean: neighbours share their vertices exactly). Data without shared vertices
 * simply yields no lines.
 */
export function bezirkBorderLines(features: readonly StadtteilFeature[]): MultiLineString {
  const owners = new Map<string, { bezirk: string; a: Position; b: Position; border: boolean }>();
  for (const f of features) {
    const bezirk = f.properties?.bezirk;
    if (!bezirk || !f.geometry) continue;
    for (const polygon of polygonsOf(f.geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i];
          const b = ring[i + 1];
          const ka = `${a[0]},${a[1]}`;
          const kb = `${b[0]},${b[1]}`;
          if (ka === kb) continue;
          const key = ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
          const seen = owners.get(key);
          if (!seen) owners.set(key, { bezirk: String(bezirk), a, b, border: false });
          else if (seen.bezirk !== String(bezirk)) seen.border = true;
        }
      }
    }
  }
  const coordinates: Position[][] = [];
  for (const s of owners.values()) if (s.border) coordinates.push([s.a, s.b]);
  return { type: "MultiLineString", coordinates };
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}
