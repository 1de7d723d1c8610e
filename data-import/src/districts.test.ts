import { describe, expect, it } from "vitest";
import { muensterDistricts, parseDistrictList } from "./districts.ts";

describe("parseDistrictList", () => {
  it("reads Nummer;Name;Stadtbezirk in any column order and header spelling", () => {
    const { districts, problems } = parseDistrictList(
      " stadtbezirk ;NUMMER;Name\nMitte;011;Aegidii\nMitte;12;Überwasser\n\n",
    );
    expect(problems).toEqual([]);
    expect(districts).toEqual([
      { number: 11, name: "Aegidii", bezirk: "Mitte" },
      { number: 12, name: "Überwasser", bezirk: "Mitte" },
    ]);
  });

  it("decodes Windows-1252 bytes and a comma delimiter", () => {
    const bytes = Buffer.from("Nummer,Name,Stadtbezirk\n12,Überwasser,Mitte\n", "latin1");
    expect(parseDistrictList(bytes).districts).toEqual([{ number: 12, name: "Überwasser", bezirk: "Mitte" }]);
  });

  it("reports duplicate numbers naming both lines, bad numbers and empty names", () => {
    const { districts, problems } = parseDistrictList(
      "Nummer;Name;Stadtbezirk\n11;Aegidii;Mitte\n1a;Dom;Mitte\n11;Dom;Mitte\n13;;Mitte\n",
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, "Nummer"],
      [4, "Nummer"],
      [5, "Name"],
    ]);
    expect(problems[1].message).toContain("(Zeilen 2 und 4)");
    expect(districts).toHaveLength(1);
  });

  it("reports a missing column and an empty list", () => {
    expect(parseDistrictList("Nummer;Name\n11;Aegidii\n").problems.map((p) => [p.line, p.column])).toEqual([
      [1, "Stadtbezirk"],
    ]);
    expect(parseDistrictList("").problems.map((p) => p.line)).toEqual([null]);
    expect(parseDistrictList("Nummer;Name;Stadtbezirk\n").problems[0].message).toContain("keine Stadtteile");
  });
});

describe("muensterDistricts", () => {
  it("holds Münster's 45 Stadtteile from 11 Aegidii to 98", () => {
    expect(muensterDistricts).toHaveLength(45);
    expect(muensterDistricts[0]).toEqual({ number: 11, name: "Aegidii", bezirk: "Mitte" });
    expect(muensterDistricts.at(-1)?.number).toBe(98);
    expect(new Set(muensterDistricts.map((d) => d.bezirk)).size).toBe(6);
  });
});
