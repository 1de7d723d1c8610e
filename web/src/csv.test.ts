import { describe, expect, it } from "vitest";
import { csvValue, toCsv } from "./csv.ts";

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
