import type { ValueRow, ValuesResponse } from "../../schemas/indicators.ts";

const statusLabels: Record<ValueRow["status"], string> = {
  ok: "",
  suppressed: "gesperrt",
  missing: "keine Daten",
  withheld: "Wert zurückgehalten",
  denominator_zero: "Nenner 0",
  band_split: "Altersgruppe nicht abgrenzbar",
};

/** What a spreadsheet would run as a formula (OWASP „CSV injection“): =, +, -, @, and a tab or CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number such as -1,5, -1.234,5 or -1.5e-7: Excel reads it as a number, and a number cannot call anything. */
const PLAIN_NUMBER = /^[+-]?\d[\d.,]*(?:[eE][+-]?\d+)?$/;

/**
 * A cell that could start a formula gets a leading `'`, so Excel and LibreOffice show it as text; plain
 * negative numbers stay numbers. Names come from the city's own district list and the catalogue, not only
 * from us, so every cell is checked.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function field(cell: string, separator: string): string {
  const text = neutraliseFormula(cell);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const lines = (cells: string[][], separator: string) =>
  cells.map((row) => row.map((c) => field(c, separator)).join(separator)).join("\r\n");

/**
 * For people (Excel with German settings): `;`, decimal comma, values rounded to one decimal, German headers,
 * BOM so Excel reads UTF-8, suppressed numbers as `.` and the footnotes below the table.
 */
export function csvForPeople(response: ValuesResponse, unit: string, breakdownLabels: Map<string, string>): string {
  const number = (n: number | null, digits: number | null, r: ValueRow) => {
    if (n === null) return r.status === "suppressed" ? "." : "";
    const text = digits === null ? String(n) : n.toFixed(digits);
    return text.replace(".", ",");
  };
  const header = [
    "Jahr",
    "Gebietsschlüssel",
    "Gebiet",
    "Aufschlüsselung",
    "Gruppe",
    "Zähler",
    "Nenner",
    `Wert (${unit})`,
    "Status",
    "Erläuterung",
  ];
  const rows = response.rows.map((r) => [
    String(r.year),
    r.area,
    r.areaName,
    breakdownLabels.get(r.breakdown) ?? r.breakdown,
    r.groupLabel,
    number(r.numerator, null, r),
    number(r.denominator, null, r),
    number(r.value, 1, r),
    r.confidential ? "vertraulich" : statusLabels[r.status],
    r.statusDetail ?? "",
  ]);
  const footnotes = response.footnotes.map((f) => [f]);
  return `\uFEFF${lines([header, ...rows], ";")}\r\n${footnotes.length ? `\r\n${lines(footnotes, ";")}\r\n` : ""}`;
}

/** For programs: `,`, decimal point, full precision, snake_case headers, empty cells for null, no footnotes. */
export function csvForMachines(response: ValuesResponse): string {
  const number = (n: number | null) => (n === null ? "" : String(n));
  const header = [
    "year",
    "area",
    "area_name",
    "breakdown",
    "group",
    "group_label",
    "numerator",
    "denominator",
    "value",
    "status",
    "status_detail",
    "confidential",
  ];
  const rows = response.rows.map((r) => [
    String(r.year),
    r.area,
    r.areaName,
    r.breakdown,
    r.group,
    r.groupLabel,
    number(r.numerator),
    number(r.denominator),
    number(r.value),
    r.status,
    r.statusDetail ?? "",
    String(r.confidential ?? false),
  ]);
  return `${lines([header, ...rows], ",")}\r\n`;
}

/** `attachment` with an ASCII name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
