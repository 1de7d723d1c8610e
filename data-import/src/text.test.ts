import { describe, expect, it } from "vitest";
import { normalizeCode, normalizeHeader } from "./normalize.ts";
import { detectDelimiter, detectEncoding } from "./text.ts";

describe("detectEncoding", () => {
  it("tells UTF-8 with BOM, UTF-8 and Windows-1252 apart", () => {
    expect(detectEncoding(Buffer.from("\uFEFFStichtag", "utf8"))).toBe("utf-8-bom");
    expect(detectEncoding(Buffer.from("männlich", "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("männlich", "latin1"))).toBe("windows-1252");
    expect(detectEncoding(Buffer.from("ascii only"))).toBe("utf-8");
  });

  it("accepts a UTF-8 sequence cut off at the end of the sniffed bytes", () => {
    expect(detectEncoding(Buffer.from("mä", "utf8").subarray(0, 2))).toBe("utf-8");
  });
});

describe("detectDelimiter", () => {
  it("takes the only delimiter in the header line", () => {
    expect(detectDelimiter("Stichtag;Stadtteil")).toEqual({ delimiter: ";" });
    expect(detectDelimiter("Stichtag,Stadtteil")).toEqual({ delimiter: "," });
    expect(detectDelimiter("Stichtag\tStadtteil")).toEqual({ delimiter: "\t" });
  });

  it("ignores delimiters inside quoted headers", () => {
    expect(detectDelimiter('"Stichtag, Tag";Stadtteil')).toEqual({ delimiter: ";" });
  });

  it("reports no delimiter and several delimiters as problems", () => {
    expect(detectDelimiter("Stichtag")).toHaveProperty("message");
    expect(detectDelimiter("Stichtag;Stadtteil,Alter")).toHaveProperty("message");
  });
});

describe("normalizeHeader and normalizeCode", () => {
  it("make case, umlaut spelling and surrounding space irrelevant", () => {
    expect(normalizeHeader(" STAATSANGEHÖRIGKEIT ")).toBe(normalizeHeader("Staatsangehoerigkeit"));
    expect(normalizeHeader("Straße")).toBe("strasse");
    expect(normalizeCode("Männlich")).toBe("maennlich");
    expect(normalizeCode("ohne  Angabe")).toBe("ohne angabe");
  });

  it("treat decomposed umlauts (as macOS writes them) like composed ones", () => {
    expect(normalizeCode("ma\u0308nnlich")).toBe("maennlich");
  });

  it("equate underscores and spaces in headers only", () => {
    expect(normalizeHeader("Kita 2 Jahre")).toBe(normalizeHeader("Kita_2_Jahre"));
    expect(normalizeCode("ohne Angabe")).not.toBe(normalizeCode("ohne_Angabe"));
  });
});
