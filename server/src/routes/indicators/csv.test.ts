import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ValueRow, ValuesResponse } from "../../schemas/indicators.ts";
import { csvForMachines, csvForPeople, neutraliseFormula } from "./csv.ts";

const hostile = ['=HYPERLINK("http://x","klick")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];

/** Every text of a row from outside: district names come from the city's own MONITOR_DISTRICTS file. */
function row(text: string, value: number | null): ValueRow {
  return {
    year: 2024,
    area: text,
    areaName: text,
    breakdown: text,
    group: text,
    groupLabel: text,
    numerator: value,
    denominator: 10,
    value,
    status: "ok",
    statusDetail: text,
  };
}

/** The data rows of a CSV text, read as a spreadsheet would (quotes undone), without header and empty lines. */
function cells(csv: string, separator: string): string[][] {
  const { data } = Papa.parse<string[]>(csv.replace("\uFEFF", ""), { delimiter: separator, skipEmptyLines: true });
  return data.slice(1);
}

describe("CSV downloads against formula injection", () => {
  const response: ValuesResponse = { rows: hostile.map((text) => row(text, -1.5)), footnotes: ["=1+1"] };

  it("prefixes every text cell that starts a formula, in the German file", () => {
    const table = cells(csvForPeople(response, "%", new Map()), ";");
    const rows = table.slice(0, hostile.length);
    for (const [i, cellsOfRow] of rows.entries()) {
      for (const column of [1, 2, 3, 4, 9]) expect(cellsOfRow[column], `${i}/${column}`).toBe(`'${hostile[i]}`);
      expect(cellsOfRow[7]).toBe("-1,5");
    }
    expect(table.at(-1)).toEqual(["'=1+1"]);
  });

  it("prefixes every text cell that starts a formula, in the machine file, and keeps negative numbers", () => {
    const rows = cells(csvForMachines(response), ",");
    for (const [i, cellsOfRow] of rows.entries()) {
      for (const column of [1, 2, 3, 4, 5, 10]) expect(cellsOfRow[column], `${i}/${column}`).toBe(`'${hostile[i]}`);
      expect(cellsOfRow[6]).toBe("-1.5");
    }
  });

  it("keeps plain numbers, also negative ones in German or machine spelling", () => {
    for (const number of ["-1,5", "-1.234,5", "-1.5e-7", "+3", "0"]) expect(neutraliseFormula(number)).toBe(number);
    for (const formula of ["-1+2", "=1", "-A1", "@A1"]) expect(neutraliseFormula(formula)).toBe(`'${formula}`);
  });
});

describe("CSV for people in three languages", () => {
  const plain = (value: number | null, status: ValueRow["status"]): ValueRow => ({
    ...row("Binnenstad", value),
    area: "1000",
    breakdown: "gesamt",
    group: "gesamt",
    groupLabel: "Insgesamt",
    status,
    statusDetail: null,
  });
  const response: ValuesResponse = { rows: [plain(1234.56, "ok"), plain(null, "suppressed")], footnotes: [] };
  const table = (language: "de" | "nl" | "en", separator: string) =>
    Papa.parse<string[]>(csvForPeople(response, "%", new Map(), language).replace("\uFEFF", ""), {
      delimiter: separator,
      skipEmptyLines: true,
    }).data;

  it("writes German with `;`, decimal comma and `.` for a secret value", () => {
    const [header, ok, secret] = table("de", ";");
    expect(header.slice(0, 2)).toEqual(["Jahr", "Gebietsschlüssel"]);
    expect(header[7]).toBe("Wert (%)");
    expect([ok[7], secret[7], secret[8]]).toEqual(["1234,6", ".", "gesperrt"]);
  });

  it("writes Dutch with `;`, decimal comma and the CBS `x` for a secret value", () => {
    const [header, ok, secret] = table("nl", ";");
    expect(header).toEqual([
      "Jaar",
      "Gebiedscode",
      "Gebied",
      "Uitsplitsing",
      "Groep",
      "Teller",
      "Noemer",
      "Waarde (%)",
      "Status",
      "Toelichting",
    ]);
    expect([ok[7], secret[7], secret[8]]).toEqual(["1234,6", "x", "geheim"]);
  });

  it("writes English with `,` and a decimal point", () => {
    const [header, ok, secret] = table("en", ",");
    expect(header[7]).toBe("Value (%)");
    expect([ok[7], secret[7], secret[8]]).toEqual(["1234.6", ".", "suppressed"]);
  });
});
