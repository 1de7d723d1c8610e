import { describe, expect, it } from "vitest";
import { random } from "../../tests/support/random.ts";
import { LimitScanner } from "./limits.ts";

const limits = { lineChars: 20, fieldChars: 5, columns: 10 };

/** Feeds the text in pieces of `size` and returns where the scanner stopped (or null) and the violation. */
function scan(text: string, size = text.length) {
  const scanner = new LimitScanner(";", limits);
  for (let at = 0; at < text.length; at += size) {
    const piece = text.slice(at, at + size);
    const within = scanner.scan(piece);
    if (within < piece.length) return { stoppedAt: at + within, violation: scanner.violation };
  }
  return { stoppedAt: null, violation: scanner.violation };
}

describe("LimitScanner", () => {
  it("lets lines and fields within the limits pass, in one piece or character by character", () => {
    const text = 'ab;cde;"f;g"\n12345;"a"""\n"x\ny";z\n';
    expect(scan(text)).toEqual({ stoppedAt: null, violation: null });
    expect(scan(text, 1)).toEqual({ stoppedAt: null, violation: null });
  });

  it("stops at the first character of a field over the limit, with its line and field", () => {
    expect(scan("a;b\nc;123456;d\n")).toEqual({ stoppedAt: 11, violation: { kind: "field", line: 2, field: 1 } });
    expect(scan("a;b\nc;123456;d\n", 3)).toEqual({ stoppedAt: 11, violation: { kind: "field", line: 2, field: 1 } });
  });

  it("counts a quoted field across line breaks and names the line the record starts on", () => {
    expect(scan('a\n"1\n2\n3";b\n')).toEqual({ stoppedAt: 7, violation: { kind: "field", line: 2, field: 0 } });
  });

  it("treats doubled quotes inside quotes as text, also when a piece ends between them", () => {
    const quotes = `"${'"'.repeat(100)}`;
    for (const size of [1, 2, 7, quotes.length]) {
      expect(scan(quotes, size)).toEqual({ stoppedAt: 5, violation: { kind: "field", line: 1, field: 0 } });
    }
  });

  it("stops a line over the limit even when every field is short", () => {
    expect(scan("1;2;3;4;5;6;7;8;9;10;11\n")).toEqual({
      stoppedAt: 20,
      violation: { kind: "line", line: 1, field: 9 },
    });
    expect(scan("1;2;3;4;5;6;7;8;9;10;11\n", 4).violation).toEqual({ kind: "line", line: 1, field: 9 });
  });
});

describe("LimitScanner on random text", () => {
  it("finds the same place however the text is cut into pieces", () => {
    const next = random(11);
    const alphabet = ["a", "a", "a", "b", ";", ";", '"', "\n", "\r"];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * 9)]).join("");
      const whole = scan(text);
      for (const size of [1, 2, 3, 5, 8]) expect(scan(text, size), JSON.stringify({ text, size })).toEqual(whole);
    }
  });
});
