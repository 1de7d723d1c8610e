import type { ValueStatus } from "./api/types.ts";
import { SYMBOLS, symbolKind } from "./format.ts";
import { language } from "./i18n/index.ts";

/**
 * `de`: for people, in the reader's language (BOM so Excel opens it as UTF-8; `;` and a decimal comma in German and
 * Dutch, `,` and a decimal point in English, as the server's `?lang=` CSV); `en`: for machines (`,`, full precision).
 */
export type CsvFlavour = "de" | "en";
export type CsvCell = string | number | null | undefined;

export interface CsvColumn<R> {
  header: string;
  value: (row: R, flavour: CsvFlavour) => CsvCell;
}

/** What a spreadsheet would run as a formula (OWASP „CSV injection“): =, +, -, @, and a tab or CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number such as -1,5, -1.234,5 or -1.5e-7: Excel reads it as a number, and a number cannot call anything. */
const PLAIN_NUMBER = /^[+-]?\d[\d.,]*(?:[eE][+-]?\d+)?$/;

/**
 * A text that could start a formula gets a leading `'`, so Excel and LibreOffice show it as text; plain
 * negative numbers stay numbers. District names, file names and the values of a Prüfbericht come from
 * outside, so every cell is checked (the server's CSV does the same, routes/indicators/csv.ts).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell, decimalComma: boolean, separator: string): string {
  if (value === null || value === undefined) return "";
  const raw = typeof value === "number" ? (decimalComma ? String(value).replace(".", ",") : String(value)) : value;
  const text = neutraliseFormula(raw);
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: CsvColumn<R>[], rows: R[], flavour: CsvFlavour): string {
  const decimalComma = flavour === "de" && language() !== "en";
  const separator = decimalComma ? ";" : ",";
  const lines = [columns.map((column) => cell(column.header, decimalComma, separator)).join(separator)];
  for (const row of rows) {
    lines.push(columns.map((column) => cell(column.value(row, flavour), decimalComma, separator)).join(separator));
  }
  return `${flavour === "de" ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/**
 * A value cell: for people rounded to one decimal, with the status symbol where there is no number
 * (`.` for suppressed, never 0); for machines the full-precision number or empty (a status column says why).
 */
export function csvValue(
  value: number | null,
  status: ValueStatus,
  flavour: CsvFlavour,
  confidential = false,
): CsvCell {
  const visible = status === "ok" || (confidential && value !== null);
  if (flavour === "en") return visible ? value : null;
  const kind = symbolKind(value, status, confidential);
  if (kind && kind !== "zero") return SYMBOLS[kind];
  return value === null ? null : Math.round(value * 10) / 10;
}
