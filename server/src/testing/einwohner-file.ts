import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { District } from "../repositories/districts.ts";

const header = "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl";
const sexes = ["m", "w", "d", "o"];
const origins = [
  ["deutsch", "ohne"],
  ["deutsch", "persoenlich"],
  ["deutsch", "vererbt"],
  ["EU", "auslaendisch"],
  ["Drittstaat", "auslaendisch"],
  ["ungeklaert", "auslaendisch"],
];
/** Single years 0…109 and the open band 110+, so every cell covers 0…∞ as the einwohner format demands. */
const ages = [...Array.from({ length: 110 }, (_, i) => String(i)), "110+"];
export const linesPerDistrict = sexes.length * origins.length * ages.length;

/** `count` synthetic Stadtteile numbered from 100, for files larger than Münster's 45 districts allow. */
export function syntheticDistricts(count: number): District[] {
  return Array.from({ length: count }, (_, i) => ({
    number: 100 + i,
    name: `Stadtteil ${100 + i}`,
    bezirk: `Bezirk ${1 + (i % 9)}`,
  }));
}

export function districtCsv(districts: readonly District[]): string {
  return `Nummer;Name;Stadtbezirk\n${districts.map((d) => `${d.number};${d.name};${d.bezirk}`).join("\n")}\n`;
}

/**
 * Writes a valid `einwohner` extract with single-year ages: `linesPerDistrict` lines per Stadtteil.
 * Returns the line count (without header) and the sum of `Anzahl`, for checks against the database.
 */
export async function writeEinwohnerFile(
  path: string,
  { districts, year, seed = 0 }: { districts: readonly number[]; year: number; seed?: number },
): Promise<{ lines: number; total: number }> {
  const out = createWriteStream(path);
  let chunk = `${header}\n`;
  let lines = 0;
  let total = 0;
  for (const district of districts) {
    for (const sex of sexes) {
      for (const [nationality, origin] of origins) {
        for (let a = 0; a < ages.length; a++) {
          const count = (district * 7 + a * 3 + lines + seed) % 41;
          total += count;
          lines++;
          chunk += `31.12.${year};${district};${sex};${ages[a]};${nationality};${origin};${count}\n`;
          if (chunk.length > 1 << 20) {
            if (!out.write(chunk)) await once(out, "drain");
            chunk = "";
          }
        }
      }
    }
  }
  out.end(chunk);
  await once(out, "finish");
  return { lines, total };
}
