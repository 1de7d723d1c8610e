import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The cities that come with the project (`server/cities/<slug>.json`). */
export const SHIPPED_CITIES_DIR = fileURLToPath(new URL("../cities", import.meta.url));

export const LANGUAGES = ["de", "nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A level's name in one language, singular and plural: `["Stadtteil", "Stadtteile"]`. */
const levelName = z.tuple([z.string().min(1), z.string().min(1)]);
/** In German also the article, where it is not "der" like Stadtteil's: `["Buurt", "Buurten", "die"]`. */
const germanLevelName = z.tuple([z.string().min(1), z.string().min(1), z.enum(["der", "die", "das"]).optional()]);
const levelNames = z.object({ de: germanLevelName, nl: levelName, en: levelName });

/**
 * A city as configuration: one JSON file, paths relative to it. Everything else a city differs in (extract
 * profiles, indicators, disclosure, goals) follows from its catalogue and its district list.
 */
export const cityFileSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}$/, "nur Kleinbuchstaben, Ziffern und „-“, 2 bis 31 Zeichen, vorn ein Buchstabe"),
    name: z.string().min(1),
    language: z.enum(LANGUAGES),
    /** The small areas (Münster: Stadtteile; Almelo: buurten) and the areas they lie in (Stadtbezirke; wijken). */
    levels: z.object({ district: levelNames, parent: levelNames }),
    /** The district list (CSV `Nummer;Name;Stadtbezirk`); `null` means Münster's built-in list. */
    districts: z.string().min(1).nullable(),
    catalogue: z.string().min(1),
    /** A GeoJSON file with the districts' boundaries, or `null` for the tile map only. */
    boundaries: z.string().min(1).nullable().default(null),
    /** Demo extracts loaded into an empty database (a folder with manifest.json), or `null`. */
    demo: z
      .object({ folder: z.string().min(1), populationProfile: z.string().min(1) })
      .nullable()
      .default(null),
  })
  .strict();

export type CityFile = z.infer<typeof cityFileSchema>;

/** A city with its paths resolved; `basePath` is where an instance serving several cities mounts it. */
export interface City {
  slug: string;
  name: string;
  language: Language;
  levels: CityFile["levels"];
  districtsPath: string | null;
  cataloguePath: string;
  geojsonPath: string | null;
  demo: { folder: string; populationProfile: string } | null;
  basePath: string;
}

export type CityReading = { city: City; problems: [] } | { city: null; problems: string[] };

/** Reads and checks a city file; every problem at once, in German. */
export function readCityFile(path: string): CityReading {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "Datei nicht gefunden" : (error as Error).message;
    return { city: null, problems: [`${path}: ${why}`] };
  }
  const parsed = cityFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      city: null,
      problems: parsed.error.issues.map((i) => `${path}: ${i.path.join(".") || "Datei"}: ${i.message}`),
    };
  }
  const file = parsed.data;
  const here = (relative: string) => resolve(dirname(path), relative);
  const city: City = {
    slug: file.slug,
    name: file.name,
    language: file.language,
    levels: file.levels,
    districtsPath: file.districts === null ? null : here(file.districts),
    cataloguePath: here(file.catalogue),
    geojsonPath: file.boundaries === null ? null : here(file.boundaries),
    demo: file.demo && { folder: here(file.demo.folder), populationProfile: file.demo.populationProfile },
    basePath: "",
  };
  const problems = [
    ...(city.districtsPath && !existsSync(city.districtsPath) ? [`districts: ${city.districtsPath} fehlt`] : []),
    ...(!existsSync(city.cataloguePath) ? [`catalogue: ${city.cataloguePath} fehlt`] : []),
    ...(city.geojsonPath && !existsSync(city.geojsonPath) ? [`boundaries: ${city.geojsonPath} fehlt`] : []),
    ...(city.demo && !existsSync(join(city.demo.folder, "manifest.json"))
      ? [`demo: ${join(city.demo.folder, "manifest.json")} fehlt`]
      : []),
  ].map((p) => `${path}: ${p}`);
  return problems.length > 0 ? { city: null, problems } : { city, problems: [] };
}

/** The slugs of the shipped cities, for messages. */
export function shippedCitySlugs(): string[] {
  return readdirSync(SHIPPED_CITIES_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/**
 * A city named by a shipped slug (`almelo`) or by a path to a city file. Throws the German problem list
 * (start-up stops with it).
 */
export function resolveCity(nameOrPath: string, cwd: string): City {
  const shipped = join(SHIPPED_CITIES_DIR, `${nameOrPath}.json`);
  const path = /^[a-z][a-z0-9-]*$/.test(nameOrPath) ? shipped : resolve(cwd, nameOrPath);
  if (path === shipped && !existsSync(shipped)) {
    throw new Error(
      `Unbekannte Stadt „${nameOrPath}“. Mitgeliefert sind: ${shippedCitySlugs().join(", ")}; sonst den Pfad einer Stadtdatei angeben.`,
    );
  }
  const reading = readCityFile(path);
  if (reading.city === null) throw new Error(`Stadtdatei nicht verwendbar:\n  ${reading.problems.join("\n  ")}`);
  return reading.city;
}
