import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { normalizeHeader } from "./normalize.ts";
import { type Problem, ProblemList, quote } from "./problems.ts";
import { decoderFor, detectDelimiter, detectEncoding, firstLine } from "./text.ts";

/**
 * A Stadtteil of the city: its key in every extract, its name and its Stadtbezirk.
 *
 * @example
 * const d: District = { number: 11, name: "Aegidii", bezirk: "Mitte" };
 */
export interface District {
  number: number;
  name: string;
  bezirk: string;
}

const columns = { nummer: "Nummer", name: "Name", stadtbezirk: "Stadtbezirk" } as const;

/**
 * Reads a district reference list (CSV `Nummer;Name;Stadtbezirk`, same leniency as the extracts: UTF-8 or
 * Windows-1252, `;` `,` or TAB, headers in any case and order). Returns all problems instead of throwing.
 *
 * @example
 * const { districts, problems } = parseDistrictList("Nummer;Name;Stadtbezirk\n11;Aegidii;Mitte\n");
 * // districts = [{ number: 11, name: "Aegidii", bezirk: "Mitte" }], problems = []
 */
export function parseDistrictList(input: string | Uint8Array): { districts: District[]; problems: Problem[] } {
  const text =
    typeof input === "string" ? input.replace(/^\uFEFF/, "") : decoderFor(detectEncoding(input)).decode(input);
  const problems = new ProblemList();
  const districts: District[] = [];
  if (text.trim() === "") {
    problems.add(
      null,
      null,
      null,
      "Die Stadtteilliste ist leer; erwartet die Kopfzeile Nummer;Name;Stadtbezirk und eine Zeile je Stadtteil.",
    );
    return { districts, problems: problems.result() };
  }
  const detected = detectDelimiter(firstLine(text));
  if ("message" in detected) {
    problems.add(1, null, firstLine(text), detected.message);
    return { districts, problems: problems.result() };
  }
  const rows = Papa.parse<string[]>(text, { delimiter: detected.delimiter }).data;

  const index: Partial<Record<keyof typeof columns, number>> = {};
  rows[0].forEach((header, i) => {
    const key = normalizeHeader(header) as keyof typeof columns;
    if (!(key in columns))
      problems.add(
        1,
        header,
        header,
        `Unbekannte Spalte ${quote(header)}; erwartet werden Nummer, Name und Stadtbezirk.`,
      );
    else if (index[key] !== undefined) problems.add(1, header, header, `Spalte ${quote(header)} kommt mehrfach vor.`);
    else index[key] = i;
  });
  for (const [key, header] of Object.entries(columns)) {
    if (index[key as keyof typeof columns] === undefined)
      problems.add(1, header, null, `Pflichtspalte „${header}“ fehlt.`);
  }
  if (problems.any) return { districts, problems: problems.result() };

  const firstLineOf = new Map<number, number>();
  rows.forEach((row, i) => {
    const line = i + 1;
    if (i === 0 || row.every((cell) => cell.trim() === "")) return;
    const cell = (key: keyof typeof columns) => (row[index[key] ?? -1] ?? "").trim();
    const [rawNumber, name, bezirk] = [cell("nummer"), cell("name"), cell("stadtbezirk")];
    let ok = true;
    if (!/^\d{1,9}$/.test(rawNumber)) {
      problems.add(
        line,
        "Nummer",
        rawNumber,
        `Ungültige Stadtteilnummer ${quote(rawNumber)}; erwartet eine ganze Zahl (z. B. 11).`,
      );
      ok = false;
    }
    if (name === "") problems.add(line, "Name", name, "Der Name des Stadtteils fehlt.");
    if (bezirk === "") problems.add(line, "Stadtbezirk", bezirk, "Der Stadtbezirk fehlt.");
    if (!ok || name === "" || bezirk === "") return;
    const number = Number(rawNumber);
    const earlier = firstLineOf.get(number);
    if (earlier !== undefined) {
      problems.add(
        line,
        "Nummer",
        rawNumber,
        `Stadtteilnummer ${number} kommt doppelt vor (Zeilen ${earlier} und ${line}).`,
      );
      return;
    }
    firstLineOf.set(number, line);
    districts.push({ number, name, bezirk });
  });
  if (districts.length === 0 && !problems.any)
    problems.add(null, null, null, "Die Stadtteilliste enthält keine Stadtteile.");
  return { districts, problems: problems.result() };
}

/**
 * Münster's 45 Stadtteile (`src/districts/muenster.csv`), the default district list.
 *
 * @example
 * muensterDistricts.find((d) => d.number === 11); // { number: 11, name: "Aegidii", bezirk: "Mitte" }
 */
export const muensterDistricts: District[] = (() => {
  const { districts, problems } = parseDistrictList(readFileSync(new URL("./districts/muenster.csv", import.meta.url)));
  if (problems.length) throw new Error(`muenster.csv: ${problems.map((p) => p.message).join(" ")}`);
  return districts;
})();

/**
 * Almelo's 71 CBS buurten 2021–2024 (`src/districts/almelo.csv`) with the wijk they lie in as "Stadtbezirk".
 * District numbers must be integers, so a buurt's number is the last four digits of its CBS code: wijk (2 digits)
 * and buurt (2 digits), e.g. BU01411000 → 1000 (Binnenstad Noord in wijk 10 Binnenstad), BU01411920 → 1920.
 *
 * @example
 * almeloDistricts.find((d) => d.number === 1000); // { number: 1000, name: "Binnenstad Noord", bezirk: "Binnenstad" }
 */
export const almeloDistricts: District[] = (() => {
  const { districts, problems } = parseDistrictList(readFileSync(new URL("./districts/almelo.csv", import.meta.url)));
  if (problems.length) throw new Error(`almelo.csv: ${problems.map((p) => p.message).join(" ")}`);
  return districts;
})();
