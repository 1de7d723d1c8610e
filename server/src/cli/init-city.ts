import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { translationsPathOf } from "@im/indicators";
import { type CityFile, LANGUAGES, type Language, SHIPPED_CITIES_DIR } from "../cities.ts";
import { DEFAULT_CATALOGUE_PATH, userPath } from "../config.ts";
import { checkCityFile, translationNotesOfCityFile } from "../services/city-check.ts";
import { parseOptions, UsageError } from "./args.ts";

const usage = `Aufruf: npm run monitor -- init-city --name NAME --districts GEBIETE.csv [Optionen]
       npm run monitor -- init-city --check STADT.json

Legt die Konfiguration einer neuen Stadt an und prüft sie (Gebietsliste, Katalog gegen die Lieferprofile,
Codes der Grenzdatei gegen die Gebietsliste); alle Probleme auf einmal.

  --name         Name der Stadt, z. B. „Almelo“
  --districts    Gebietsliste (CSV Nummer;Name;Stadtbezirk: die kleinen Gebiete und die, in denen sie liegen)
  --language     Sprache des Dashboards: de, nl oder en (Vorgabe de)
  --slug         Kurzname in Adressen (Vorgabe: aus dem Namen)
  --catalogue    eigener Indikatorenkatalog (Vorgabe: eine Kopie des Standardkatalogs zum Anpassen)
  --boundaries   GeoJSON mit den Grenzen der Gebiete (properties.code = Nummer der Gebietsliste)
  --out          Ordner für die Konfiguration (Vorgabe: staedte/<slug>)
  --check        nur eine vorhandene Stadtdatei prüfen`;

/** The usual names of the two area levels in each language, for the city to change where it says otherwise. */
const LEVEL_NAMES: CityFile["levels"] = {
  district: { de: ["Stadtteil", "Stadtteile"], nl: ["buurt", "buurten"], en: ["district", "districts"] },
  parent: { de: ["Stadtbezirk", "Stadtbezirke"], nl: ["wijk", "wijken"], en: ["borough", "boroughs"] },
};

/** "Münster-Hiltrup" → "muenster-hiltrup". */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function report(path: string, problems: string[]): number {
  const gaps = translationNotesOfCityFile(path);
  if (gaps.length > 0) {
    console.log(`${path}: ${gaps.length} Übersetzungslücken im Katalog (das Dashboard zeigt dort den deutschen Text):`);
    for (const gap of gaps) console.log(`  - ${gap}`);
  }
  if (problems.length === 0) {
    const city = dirname(path) === SHIPPED_CITIES_DIR ? basename(path, ".json") : path;
    console.log(`${path}: keine Probleme. Starten mit: MONITOR_CITY=${city} npm start`);
    return 0;
  }
  console.error(`${path}: ${problems.length} Problem${problems.length === 1 ? "" : "e"}:`);
  for (const p of problems) console.error(`  - ${p}`);
  return 1;
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseOptions(args, {
      name: { type: "string" },
      districts: { type: "string" },
      language: { type: "string" },
      slug: { type: "string" },
      catalogue: { type: "string" },
      boundaries: { type: "string" },
      out: { type: "string" },
      check: { type: "string" },
    });
    if (values.check === undefined && (!values.name || !values.districts)) {
      throw new UsageError("--name und --districts sind nötig (oder --check mit einer Stadtdatei).");
    }
    if (values.language !== undefined && !LANGUAGES.includes(values.language as Language)) {
      throw new UsageError(`Unbekannte Sprache „${values.language}“; erlaubt sind ${LANGUAGES.join(", ")}.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (values.check !== undefined) {
    const path = userPath(values.check);
    return report(path, checkCityFile(path));
  }
  const name = values.name as string;
  const slug = values.slug ?? slugOf(name);
  const out = userPath(values.out ?? join("staedte", slug));
  const file = join(out, `${slug}.json`);
  if (existsSync(file)) {
    console.error(`${file} gibt es schon; prüfen mit: npm run monitor -- init-city --check ${file}`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  let catalogue = values.catalogue && userPath(values.catalogue);
  if (!catalogue) {
    catalogue = join(out, "katalog.json");
    copyFileSync(DEFAULT_CATALOGUE_PATH, catalogue);
    const translations = translationsPathOf(DEFAULT_CATALOGUE_PATH);
    if (existsSync(translations)) copyFileSync(translations, translationsPathOf(catalogue));
  }
  const city: CityFile = {
    slug,
    name,
    language: (values.language as Language | undefined) ?? "de",
    levels: LEVEL_NAMES,
    districts: relative(out, userPath(values.districts as string)),
    catalogue: relative(out, catalogue),
    boundaries: values.boundaries ? relative(out, userPath(values.boundaries)) : null,
    demo: null,
  };
  writeFileSync(file, `${JSON.stringify(city, null, 2)}\n`);
  console.log(`Angelegt: ${file}${values.catalogue ? "" : ` und ${catalogue} (Kopie des Standardkatalogs)`}`);
  return report(file, checkCityFile(file));
}
