// One spelling rule for headers and codes, so `Staatsangehörigkeit`, `STAATSANGEHOERIGKEIT` and
// ` staatsangehoerigkeit ` are the same column and `Männlich` is the same code as `maennlich`.

const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** Trimmed, lower case, NFC, `ä/ö/ü/ß` → `ae/oe/ue/ss`, inner whitespace collapsed to one space. */
export function normalizeCode(text: string): string {
  return text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c])
    .replace(/\s+/g, " ");
}

/** Like {@link normalizeCode}, and `_`, `-` and spaces are equal (`Kita_2_Jahre` = `Kita 2 Jahre`). */
export function normalizeHeader(text: string): string {
  return normalizeCode(text).replace(/[\s_-]+/g, "_");
}
