import { describe, expect, it } from "vitest";
import { compileProfile, restCodes } from "./compile.ts";
import { type ExtractProfile, findProfile } from "./profiles/index.ts";

const base: ExtractProfile = {
  id: "probe",
  title: "Probe",
  office: "Test",
  description: "Testprofil",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: { m: ["männlich"], w: ["weiblich"] } },
    { kind: "count", header: "Anzahl", measure: "anzahl", label: "Anzahl" },
  ],
  groupings: {},
  rules: [],
};

describe("compileProfile", () => {
  it("maps every normalized spelling to the index of its canonical code", () => {
    const [column] = compileProfile(base).codeColumns;
    expect(column.lookup.get("maennlich")).toBe(0);
    expect(column.lookup.get("w")).toBe(1);
    expect(column.pairs).toEqual(["geschlecht=m", "geschlecht=w"]);
  });

  it("numbers code combinations so that restCodes gives the codes back", () => {
    const einwohner = compileProfile(findProfile("einwohner") as ExtractProfile);
    expect(einwohner.restCount).toBe(4 * 4 * 4);
    const [g, s, m] = einwohner.codeColumns;
    expect(restCodes(einwohner, 2 * g.stride + 1 * s.stride + 3 * m.stride)).toEqual([2, 1, 3]);
  });

  it("refuses a spelling that belongs to two codes", () => {
    const columns = base.columns.map((c) =>
      c.kind === "code" ? { ...c, codes: { m: ["männlich"], w: ["weiblich", "Maennlich"] } } : c,
    );
    expect(() => compileProfile({ ...base, columns })).toThrow(/passt zu m und w/);
  });

  it("refuses rules and groupings that name unknown codes, dimensions or measures", () => {
    const forbid = {
      kind: "forbid" as const,
      when: { geschlecht: ["x"] },
      forbid: { geschlecht: ["m"] },
      message: "…",
    };
    expect(() => compileProfile({ ...base, rules: [forbid] })).toThrow(/unbekannten Code geschlecht=x/);
    expect(() => compileProfile({ ...base, rules: [{ kind: "part-of", part: "anzahl", whole: "gesamt" }] })).toThrow(
      /unbekannte Messgröße gesamt/,
    );
    expect(() => compileProfile({ ...base, groupings: { migration: { mit: { herkunft: ["ja"] } } } })).toThrow(
      /unbekannte Code-Dimension herkunft/,
    );
  });

  it("refuses a Stadtteil column in a profile for the whole city", () => {
    const columns = [...base.columns, { kind: "stadtteil" as const, header: "Stadtteil" as const }];
    expect(() => compileProfile({ ...base, columns })).toThrow(/Stadtteil-Spalte passt nicht zu area/);
  });
});
