// Helpers for the tests of catalogue, engine and disclosure: tiny hand-made cities and observation tables.
import { readFileSync } from "node:fs";
import type { District, IndicatorRow, Observation } from "./types.ts";

/** Three Stadtteile in two Stadtbezirke. */
export const districts: District[] = [
  { number: 11, name: "Aegidii", bezirk: "Mitte" },
  { number: 12, name: "Überwasser", bezirk: "Mitte" },
  { number: 61, name: "Coerde", bezirk: "Nord" },
];

/**
 * Observations from a compact table: each row is `[district, ...dimension codes, ...measure values]`.
 *
 * @example
 * table("einwohner", 2020, ["geschlecht", "alter"], ["einwohner"], [[11, "w", "0-2", 10]]);
 */
export function table(
  profile: string,
  year: number,
  dims: readonly string[],
  measures: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Observation[] {
  return rows.flatMap((row) => {
    const district = row[0] as number | null;
    const codes = row.slice(1, 1 + dims.length);
    const encoded = dims.map((d, i) => `${d}=${codes[i]}`).join("|");
    return measures.map((measure, m) => ({
      profile,
      year,
      district,
      dims: encoded,
      measure,
      value: row[1 + dims.length + m] as number | null,
    }));
  });
}

/** The one row of an indicator cell; throws when there is none or more than one. */
export function cell(
  rows: readonly IndicatorRow[],
  indicator: string,
  where: { year?: number; area?: string; breakdown?: string; group?: string } = {},
): IndicatorRow {
  const { year = 2020, area = "stadt", breakdown = "gesamt", group = "gesamt" } = where;
  const found = rows.filter(
    (r) =>
      r.indicator === indicator && r.year === year && r.area === area && r.breakdown === breakdown && r.group === group,
  );
  if (found.length !== 1) {
    throw new Error(`${found.length} Zeilen für ${indicator} ${year} ${area} ${breakdown}/${group}`);
  }
  return found[0];
}

/** The default catalogue file, parsed (tests only; the library itself does no I/O). */
export function readDefaultCatalogue(): unknown {
  return JSON.parse(readFileSync(new URL("../../catalogue/catalogue.json", import.meta.url), "utf8"));
}
