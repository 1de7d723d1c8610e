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
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProjectedStadtteil[];
  /** Path data for the lines between different Stadtbezirke ("" when the topology does not allow it). */
  bezirkBorders: string;
}

/**
 * Projects WGS84 lon/lat Stadtteile with a Mercator projection fitted to `width` (conformal, so shapes and
 * angles look right at city scale; an unprojected lon/lat plot would be stretched east–west by 1 / cos(latitude)).
 * The height follows from the city's shape. Features without a numeric `code` are left out.
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

  const shapes: ProjectedStadtteil[] = features.map((f) => {
    const stadtteil = featureStadtteil(f) as number;
    const [cx, cy] = path.centroid(f);
    return {
      stadtteil,
      name: String(f.properties.name ?? stadtteil),
      bezirk: String(f.properties.bezirk ?? ""),
      d: path(f) ?? "",
      centroid: [cx, cy],
    };
  });

  const borders = bezirkBorderLines(features);
  return {
    width,
    height,
    shapes,
    bezirkBorders: borders.coordinates.length > 0 ? (path(borders) ?? "") : "",
  };
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
