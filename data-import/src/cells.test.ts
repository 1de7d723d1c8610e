import { describe, expect, it } from "vitest";
import { parseCount, parseStichtag } from "./cells.ts";

describe("parseCount", () => {
  it("reads plain numbers, thousands separators and the symbols", () => {
    expect(["0", "17", "1.234", "12.345.678", " 42 ", "-", ".", "x", "X"].map(parseCount)).toEqual([
      0, 17, 1234, 12345678, 42, 0, -1, -1, -1,
    ]);
  });

  it("rejects decimals, negatives, misplaced separators and text", () => {
    for (const raw of ["12,5", "-3", "1.23", "1234.567", "1.2345", ".5", "abc", "", "1 234", "99999999999999999"]) {
      expect(parseCount(raw), raw).toBe(-2);
    }
  });
});

describe("parseStichtag", () => {
  it("reads German and ISO dates", () => {
    expect(parseStichtag("31.12.2024")).toBe("2024-12-31");
    expect(parseStichtag("1.3.2024")).toBe("2024-03-01");
    expect(parseStichtag(" 2024-02-29 ")).toBe("2024-02-29");
  });

  it("rejects dates that do not exist and other formats", () => {
    for (const raw of ["29.02.2023", "31.13.2024", "00.01.2024", "2024-2-1", "12/31/2024", "31.12.24", ""]) {
      expect(parseStichtag(raw), raw).toBeNull();
    }
  });
});
