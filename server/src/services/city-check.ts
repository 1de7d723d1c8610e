import { CatalogueError, TRANSLATED_LANGUAGES, translationGaps } from "@im/indicators";
import { type City, readCityFile } from "../cities.ts";
import { loadGeojson } from "../routes/geo/index.ts";
import { readCatalogue } from "./catalogue-loading.ts";
import { readDistrictFile } from "./districts.ts";

/**
 * Everything that would stop a city from starting or from drawing its map, at once and in German: the city
 * file, its district list, its catalogue against the extract profiles, and its boundary file's codes against
 * the district numbers.
 */
export function checkCityFile(path: string): string[] {
  const reading = readCityFile(path);
  return reading.city === null ? reading.problems : checkCity(reading.city);
}

export function checkCity(city: City): string[] {
  const problems: string[] = [];
  const districtLevel = city.levels.district.de;
  let numbers = new Set<number>();
  let parents = new Set<string>();
  if (city.districtsPath) {
    const read = readDistrictFile(city.districtsPath);
    for (const p of read.problems) {
      const where = [p.line && `Zeile ${p.line}`, p.column && `Spalte ${p.column}`].filter(Boolean).join(", ");
      problems.push(`Gebietsliste ${city.districtsPath}${where ? ` (${where})` : ""}: ${p.message}`);
    }
    numbers = new Set(read.districts.map((d) => d.number));
    parents = new Set(read.districts.map((d) => d.bezirk));
  }
  try {
    readCatalogue(city.cataloguePath);
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    for (const p of error.problems) problems.push(`Katalog ${city.cataloguePath}: ${p.path || "Datei"}: ${p.message}`);
  }
  if (city.geojsonPath) {
    try {
      const features = loadGeojson(city.geojsonPath).features;
      const codes = features.map((f) => String(f.properties?.code ?? ""));
      const unknown = codes.filter((c) => !numbers.has(Number(c)) || c.trim() === "");
      if (numbers.size > 0 && unknown.length > 0) {
        const names = features.map((f) => String(f.properties?.name ?? ""));
        const parentLevel = names.length > 0 && names.every((n) => parents.has(n));
        problems.push(
          `Grenzdatei ${city.geojsonPath}: ${unknown.length} von ${codes.length} Flächen haben keinen Code aus der Gebietsliste (${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? " …" : ""}).${
            parentLevel
              ? ` Ihre Namen sind die der übergeordneten Ebene (${city.levels.parent.de[1]}); die Karte braucht die Flächen der ${districtLevel[1]}.`
              : ""
          }`,
        );
      }
      const covered = new Set(codes.map(Number));
      const missing = [...numbers].filter((n) => !covered.has(n));
      if (numbers.size > 0 && unknown.length < codes.length && missing.length > 0) {
        problems.push(
          `Grenzdatei ${city.geojsonPath}: ${missing.length} ${districtLevel[1]} ohne Fläche (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " …" : ""}).`,
        );
      }
    } catch (error) {
      problems.push((error as Error).message.replace(/^MONITOR_GEOJSON: /, "Grenzdatei: "));
    }
  }
  return problems;
}

/**
 * What the city's catalogue lacks in Dutch and English, one line per text: the dashboard shows the German text
 * there, so these are notes for the translators, not problems that stop the city.
 */
export function translationNotesOfCityFile(path: string): string[] {
  const { city } = readCityFile(path);
  if (!city) return [];
  try {
    const { catalogue } = readCatalogue(city.cataloguePath);
    return TRANSLATED_LANGUAGES.flatMap((language) => translationGaps(catalogue, language));
  } catch {
    return []; // a broken catalogue is one of checkCity's problems
  }
}
