// A made-up city whose boundary file lives in the repository, so that the map and the GeoJSON route are tested
// with real polygons on every machine. Seven Stadtteile in three Stadtbezirke on a 0.01° grid near Münster,
// rings counter-clockwise (RFC 7946), neighbours sharing their vertices exactly:
//
//   Nord   21 Nordheide       | 22 Wiesental
//   Mitte  12 Hafen | 11 Altstadt | 13 Bahnhofsviertel
//   Süd    31 Auenhof         | 32 Südpark
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SYNTHETIC_CITY_PATH = join(dirname(fileURLToPath(import.meta.url)), "synthetic-city.geojson");

/** The parsed FeatureCollection; the caller names its GeoJSON type. */
export function readSyntheticCity<T>(): T {
  return JSON.parse(readFileSync(SYNTHETIC_CITY_PATH, "utf8")) as T;
}
