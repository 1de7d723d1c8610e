// Reading the small CSV tables of the analysis commands (segregation, sozialindex).
import { readFileSync } from "node:fs";
import type { ParseArgsConfig } from "node:util";
import Papa from "papaparse";
import { parseOptions, UsageError } from "./args.ts";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * The options of an analysis command, or its exit code when it is done already: 2 after wrong usage (message
 * and usage on stderr), 0 after `--help`.
 */
export function optionsOrExit<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  spec: T,
  usage: string,
  io: CliIo,
): ReturnType<typeof parseOptions<T>> | number {
  try {
    const options = parseOptions(args, spec);
    if ((options as { help?: boolean }).help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    return options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${usage}\n`);
    return 2;
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A file the command cannot use; `problems` are German and carry line numbers where they have one. */
export class InputFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

export interface CsvRow {
  /** Line number in the file (header = line 1). */
  line: number;
  cells: string[];
}

/**
 * Reads a UTF-8 CSV (BOM optional; delimiter `;`, tab or `,` taken from the header line) and locates the
 * required columns case-insensitively. `column[name]` is the cell index of each required column.
 */
export function readCsvFile(
  path: string,
  required: string[],
): { header: string[]; rows: CsvRow[]; column: Record<string, number> } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputFileError([`Datei nicht lesbar: ${(error as Error).message}`]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    throw new InputFileError(["Die Datei ist nicht UTF-8-kodiert (bitte als „CSV UTF-8“ speichern)."]);
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") ? ";" : firstLine.includes("\t") ? "\t" : ",";
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [header = [], ...data] = parsed.data;
  const names = header.map((h) => h.trim().toLowerCase());

  const problems = parsed.errors.map((e) => `Zeile ${(e.row ?? 0) + 1}: ${e.message}`);
  const column: Record<string, number> = {};
  for (const name of required) {
    const index = names.indexOf(name.toLowerCase());
    if (index < 0)
      problems.push(`Spalte „${name}“ fehlt (gefunden: ${header.map((h) => `„${h.trim()}“`).join(", ") || "keine"}).`);
    column[name] = index;
  }
  if (problems.length > 0) throw new InputFileError(problems);

  const rows = data
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  return { header: header.map((h) => h.trim()), rows, column };
}

/**
 * Parses a number written the German or the English way: "12,5", "12.5", and with `thousands` also
 * "1.234" or "1.234,5" (a dot followed by exactly three digits is then a thousands separator).
 * Returns undefined for anything else.
 */
export function parseNumber(text: string, { thousands }: { thousands: boolean }): number | undefined {
  const s = text.trim();
  if (thousands && /^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s))
    return Number(s.replace(/\./g, "").replace(",", "."));
  if (/^[+-]?\d+(,\d+)?$/.test(s)) return Number(s.replace(",", "."));
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number(s);
  return undefined;
}
