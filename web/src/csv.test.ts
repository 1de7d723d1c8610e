import { afterEach, describe, expect, it } from "vitest";
import { csvValue, neutraliseFormula, toCsv } from "./csv.ts";
import { chooseLanguage, resetLanguage } from "./i18n/index.ts";

interface Row {
  year: number;
  area: string;
  value: number | null;
  status: "ok" | "suppressed";
}

const rows: Row[] = [
  { year: 2024, area: "Mitte; Nord", value: 22.4567, status: "ok" },
  { year: 2025, area: "Gievenbeck", value: null, status: "suppressed" },
];
const columns = [
  { header: "Jahr", value: (row: Row) => row.year },
  { header: "Gebiet", value: (row: Row) => row.area },
  { header: "Wert", value: (row: Row, flavour: "de" | "en") => csvValue(row.value, row.status, flavour) },
  { header: "Status", value: (row: Row) => row.status },
];

describe("CSV downloads", () => {
  it("writes the German flavour with BOM, semicolons, decimal comma and the dot for suppressed values", () => {
    expect(toCsv(columns, rows, "de")).toBe(
      '\uFEFFJahr;Gebiet;Wert;Status\r\n2024;"Mitte; Nord";22,5;ok\r\n2025;Gievenbeck;.;suppressed\r\n',
    );
  });

  it("writes the machine flavour with commas, full precision and an empty cell for suppressed values", () => {
    expect(toCsv(columns, rows, "en")).toBe(
      "Jahr,Gebiet,Wert,Status\r\n2024,Mitte; Nord,22.4567,ok\r\n2025,Gievenbeck,,suppressed\r\n",
    );
  });
});

describe("CSV formula injection", () => {
  const hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "=-1"];
  const textRows = hostile.map((area) => ({ year: 2024, area, value: -1.5, status: "ok" as const }));

  it("prefixes every text cell that a spreadsheet would run as a formula, in both flavours", () => {
    for (const flavour of ["de", "en"] as const) {
      const lines = toCsv(columns, textRows, flavour).replace("\uFEFF", "").split("\r\n");
      const areas = lines.slice(1, -1).map((line) => line.split(flavour === "de" ? ";" : ",")[1]);
      expect(
        areas.map((a) => a.replace(/^"|"$/g, "").startsWith("'")),
        flavour,
      ).toEqual(hostile.map(() => true));
    }
  });

  it("leaves plain negative numbers as numbers", () => {
    expect(neutraliseFormula("-1,5")).toBe("-1,5");
    expect(neutraliseFormula("-1.234,5")).toBe("-1.234,5");
    expect(neutraliseFormula("-1.5e-7")).toBe("-1.5e-7");
    const [, first] = toCsv(columns, textRows, "de").split("\r\n");
    expect(first.split(";")[2]).toBe("-1,5");
    expect(toCsv(columns, textRows, "en").split("\r\n")[1].split(",")[2]).toBe("-1.5");
  });

  it("neutralises the Prüfbericht's values copied from an upload", () => {
    const report = [{ header: "Wert", value: (p: { value: string }) => p.value }];
    expect(toCsv(report, [{ value: "=cmd|' /C calc'!A0" }], "de")).toBe("\uFEFFWert\r\n'=cmd|' /C calc'!A0\r\n");
  });
});

describe("the people's CSV in the reader's language", () => {
  afterEach(() => resetLanguage());

  it("keeps semicolons and the decimal comma in Dutch, with CBS's x for a secret value", () => {
    chooseLanguage("nl");
    expect(toCsv(columns, rows, "de")).toBe(
      '\uFEFFJahr;Gebiet;Wert;Status\r\n2024;"Mitte; Nord";22,5;ok\r\n2025;Gievenbeck;x;suppressed\r\n',
    );
  });

  it("uses commas and the decimal point in English, and leaves the machine flavour alone", () => {
    chooseLanguage("en");
    expect(toCsv(columns, rows, "de")).toBe(
      "\uFEFFJahr,Gebiet,Wert,Status\r\n2024,Mitte; Nord,22.5,ok\r\n2025,Gievenbeck,.,suppressed\r\n",
    );
    expect(toCsv(columns, rows, "en")).toBe(
      "Jahr,Gebiet,Wert,Status\r\n2024,Mitte; Nord,22.4567,ok\r\n2025,Gievenbeck,,suppressed\r\n",
    );
  });
});
