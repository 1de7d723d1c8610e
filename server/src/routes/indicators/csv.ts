import type { ValueRow, ValuesResponse } from "../../schemas/indicators.ts";

export type CsvLanguage = "de" | "nl" | "en";

/**
 * The table's words per language, and the symbol of a value kept secret: `.` in German official statistics,
 * `x` in the Dutch CBS convention (where `.` means "not available"); English keeps the German symbols.
 */
const wording: Record<
  CsvLanguage,
  {
    header: (unit: string) => string[];
    status: Record<ValueRow["status"], string>;
    confidential: string;
    secret: string;
  }
> = {
  de: {
    header: (unit) => [
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
    ],
    status: {
      ok: "",
      suppressed: "gesperrt",
      missing: "keine Daten",
      withheld: "Wert zurückgehalten",
      denominator_zero: "Nenner 0",
      band_split: "Altersgruppe nicht abgrenzbar",
    },
    confidential: "vertraulich",
    secret: ".",
  },
  nl: {
    header: (unit) => [
      "Jaar",
      "Gebiedscode",
      "Gebied",
      "Uitsplitsing",
      "Groep",
      "Teller",
      "Noemer",
      `Waarde (${unit})`,
      "Status",
      "Toelichting",
    ],
    status: {
      ok: "",
      suppressed: "geheim",
      missing: "geen gegevens",
      withheld: "waarde achtergehouden",
      denominator_zero: "noemer 0",
      band_split: "leeftijdsgroep niet af te bakenen",
    },
    confidential: "vertrouwelijk",
    secret: "x",
  },
  en: {
    header: (unit) => [
      "Year",
      "Area code",
      "Area",
      "Breakdown",
      "Group",
      "Numerator",
      "Denominator",
      `Value (${unit})`,
      "Status",
      "Note",
    ],
    status: {
      ok: "",
      suppressed: "suppressed",
      missing: "no data",
      withheld: "value withheld",
      denominator_zero: "denominator 0",
      band_split: "age group cannot be delimited",
    },
    confidential: "confidential",
    secret: ".",
  },
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
 * For people (Excel with German or Dutch settings; English ones with `lang=en`): `;` and decimal comma (`,`
 * and decimal point in English), values rounded to one decimal, headers in the language, BOM so Excel reads
 * UTF-8, secret numbers as the language's symbol and the footnotes below the table.
 */
export function csvForPeople(
  response: ValuesResponse,
  unit: string,
  breakdownLabels: Map<string, string>,
  language: CsvLanguage = "de",
): string {
  const words = wording[language];
  const separator = language === "en" ? "," : ";";
  const number = (n: number | null, digits: number | null, r: ValueRow) => {
    if (n === null) return r.status === "suppressed" ? words.secret : "";
    const text = digits === null ? String(n) : n.toFixed(digits);
    return language === "en" ? text : text.replace(".", ",");
  };
  const header = words.header(unit);
  const rows = response.rows.map((r) => [
    String(r.year),
    r.area,
    r.areaName,
    breakdownLabels.get(r.breakdown) ?? r.breakdown,
    r.groupLabel,
    number(r.numerator, null, r),
    number(r.denominator, null, r),
    number(r.value, 1, r),
    r.confidential ? words.confidential : words.status[r.status],
    r.statusDetail ?? "",
  ]);
  const footnotes = response.footnotes.map((f) => [f]);
  return `\uFEFF${lines([header, ...rows], separator)}\r\n${footnotes.length ? `\r\n${lines(footnotes, separator)}\r\n` : ""}`;
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
