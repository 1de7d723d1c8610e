// `npm run monitor -- segregation --input FILE [--focal GROUP] [--other GROUP]`
// Reads a long table Einheit;Gruppe;Anzahl and prints every segregation measure as one JSON object.
import { type CountTable, CountTableError, segregationProfile } from "@im/indicators";
import { type CliIo, InputFileError, optionsOrExit, parseNumber, processIo, readCsvFile } from "./table-file.ts";

const usage = `Aufruf: npm run monitor -- segregation --input DATEI [--focal GRUPPE] [--other GRUPPE]

DATEI: CSV (UTF-8, mit oder ohne BOM; Trennzeichen ; oder ,) im Langformat mit den Spalten
  Einheit;Gruppe;Anzahl      eine Zeile je Gebiet und Gruppe, z. B. "02 Nordstadt;Ausländer;4.100"
Jede Einheit braucht eine Zeile für jede Gruppe; geheim gehaltene Werte ("–", "<3") nicht durch 0
ersetzen, sondern das Gebiet weglassen. Anzahlen dürfen Tausenderpunkte (1.234) und Dezimalkomma haben.

--focal GRUPPE  Fokusgruppe der Zwei-Gruppen-Maße (IS gegen alle übrigen). Ohne --focal: bei genau zwei
                Gruppen die zuerst genannte, sonst bleiben die Zwei-Gruppen-Maße leer (null mit Grund).
--other GRUPPE  Vergleich nur mit dieser Gruppe (ID) statt mit allen übrigen.

Ausgabe: ein JSON-Objekt { focal, other, P, atkinsonB, measures, multigroup, units, undefinedReasons }.
Exit-Code 0 ok, 1 fehlerhafte Datei, 2 falscher Aufruf.`;

export async function run(args: string[], io: CliIo = processIo): Promise<number> {
  const options = optionsOrExit(
    args,
    {
      input: { type: "string" },
      focal: { type: "string" },
      other: { type: "string" },
      help: { type: "boolean" },
    },
    usage,
    io,
  );
  if (typeof options === "number") return options;
  if (!options.input) {
    io.stderr(`--input DATEI fehlt.\n\n${usage}\n`);
    return 2;
  }

  try {
    const table = readCountTable(options.input);
    const unknown = [options.focal, options.other].filter((g) => g !== undefined && !table.groups.includes(g));
    if (unknown.length > 0) {
      throw new InputFileError(
        unknown.map((g) => `Gruppe „${g}“ kommt in der Datei nicht vor (Gruppen: ${table.groups.join(", ")}).`),
      );
    }
    const profile = segregationProfile(table, { focal: options.focal, other: options.other });
    io.stdout(`${JSON.stringify(profile, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputFileError || error instanceof CountTableError)) throw error;
    const problems = error.problems;
    io.stderr(
      `Die Datei ${options.input} kann nicht ausgewertet werden:\n${problems.map((p) => `- ${p}`).join("\n")}\n`,
    );
    return 1;
  }
}

/** Reads and checks a long-format count table; throws InputFileError listing every problem. */
export function readCountTable(path: string): CountTable {
  const { rows, column } = readCsvFile(path, ["Einheit", "Gruppe", "Anzahl"]);
  const problems: string[] = [];
  const groups: string[] = [];
  const counts = new Map<string, Record<string, number>>();
  const lineOf = new Map<string, Map<string, number>>(); // unit → group → line, also for rejected counts

  for (const { line, cells } of rows) {
    const unit = cells[column.Einheit]?.trim() ?? "";
    const group = cells[column.Gruppe]?.trim() ?? "";
    const raw = cells[column.Anzahl]?.trim() ?? "";
    if (!unit) problems.push(`Zeile ${line}: Einheit fehlt.`);
    if (!group) problems.push(`Zeile ${line}: Gruppe fehlt.`);
    const count = parseNumber(raw, { thousands: true });
    if (raw === "") problems.push(`Zeile ${line}: Anzahl fehlt.`);
    else if (count === undefined) problems.push(`Zeile ${line}: Anzahl „${raw}“ ist keine Zahl.`);
    else if (count < 0) problems.push(`Zeile ${line}: negative Anzahl (${raw}).`);
    if (!unit || !group) continue;

    const lines = lineOf.get(unit) ?? new Map<string, number>();
    lineOf.set(unit, lines);
    const earlier = lines.get(group);
    if (earlier !== undefined) {
      problems.push(`Zeile ${line}: Einheit „${unit}“ und Gruppe „${group}“ stehen schon in Zeile ${earlier}.`);
      continue;
    }
    lines.set(group, line);
    if (!groups.includes(group)) groups.push(group);
    const unitCounts = counts.get(unit) ?? {};
    counts.set(unit, unitCounts);
    if (count !== undefined && count >= 0) unitCounts[group] = count;
  }
  for (const [unit, lines] of lineOf) {
    const missing = groups.filter((g) => !lines.has(g));
    if (missing.length > 0)
      problems.push(`Einheit „${unit}“: keine Zeile für ${missing.map((g) => `„${g}“`).join(", ")}.`);
  }
  if (rows.length === 0) problems.push("Die Datei enthält keine Datenzeilen.");
  if (problems.length > 0) throw new InputFileError(problems);
  return { groups, units: [...counts].map(([unit, unitCounts]) => ({ unit, counts: unitCounts })) };
}
