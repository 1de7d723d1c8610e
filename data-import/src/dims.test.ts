import { decodeDims } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { encodeDims, parseAgeBand } from "./dims.ts";
import { findProfile } from "./profiles/index.ts";

describe("parseAgeBand", () => {
  it("turns a single year into a one-year band", () => {
    expect(parseAgeBand("7")).toEqual({ from: 7, to: 7, code: "7-7" });
    expect(parseAgeBand("0")).toEqual({ from: 0, to: 0, code: "0-0" });
  });

  it("keeps inclusive and open bands, also with spaces or an en dash", () => {
    expect(parseAgeBand("15-17")).toEqual({ from: 15, to: 17, code: "15-17" });
    expect(parseAgeBand(" 15 – 17 ")).toEqual({ from: 15, to: 17, code: "15-17" });
    expect(parseAgeBand("90+")).toEqual({ from: 90, to: null, code: "90+" });
    expect(parseAgeBand("7-7")).toEqual({ from: 7, to: 7, code: "7-7" });
  });

  it("rejects text, reversed bands, negative and implausible ages", () => {
    for (const text of ["", "abc", "17-15", "-3", "unter 3", "3,5", "131", "90-200", "15-", "+90", "18 bis 64"]) {
      expect(parseAgeBand(text), text).toBeNull();
    }
  });
});

describe("encodeDims and decodeDims", () => {
  it("write name=code pairs joined by | and read them back", () => {
    const dims = { geschlecht: "w", alter: "0-2", staatsangehoerigkeit: "deutsch", migrationsvorgeschichte: "ohne" };
    const encoded = encodeDims(dims);
    expect(encoded).toBe("geschlecht=w|alter=0-2|staatsangehoerigkeit=deutsch|migrationsvorgeschichte=ohne");
    expect(decodeDims(encoded)).toEqual(dims);
    expect(Object.keys(decodeDims(encoded))).toEqual(Object.keys(dims));
  });

  it("put the dimensions in the profile's column order when given a profile", () => {
    const kita = findProfile("kita");
    if (!kita) throw new Error("Profil kita fehlt");
    expect(encodeDims({ migrationshintergrund: "ja", alter: "3+" }, kita)).toBe("alter=3+|migrationshintergrund=ja");
    expect(() => encodeDims({ alter: "3+" }, kita)).toThrow(/fehlend: migrationshintergrund/);
    expect(() => encodeDims({ alter: "3+", migrationshintergrund: "ja", geschlecht: "w" }, kita)).toThrow(
      /unbekannt: geschlecht/,
    );
  });

  it("refuse codes that would break the format", () => {
    expect(() => encodeDims({ a: "x|y" })).toThrow();
    expect(() => encodeDims({ "a=b": "x" })).toThrow();
    expect(() => decodeDims("geschlecht")).toThrow();
  });

  it("encode no dimensions as the empty string", () => {
    expect(encodeDims({})).toBe("");
    expect(decodeDims("")).toEqual({});
  });
});
