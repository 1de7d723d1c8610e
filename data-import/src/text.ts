import { TextDecoder } from "node:util";
import Papa from "papaparse";

/** The encodings an extract may come in; `summary.encoding` says which one was detected. */
export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252";

/** How much of a file decides its encoding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-8 (with or without BOM) when the first bytes are valid UTF-8, else Windows-1252 — what Excel on a
 * German office PC writes. `stream: true` lets a multi-byte sequence cut at the end of `head` pass.
 */
export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** A decoder for the detected encoding; the UTF-8 one throws on invalid bytes and drops the BOM. */
export function decoderFor(encoding: Encoding): TextDecoder {
  return encoding === "windows-1252" ? new TextDecoder("windows-1252") : new TextDecoder("utf-8", { fatal: true });
}

export const delimiterNames: Record<string, string> = { ";": "Semikolon „;“", ",": "Komma „,“", "\t": "Tabulator" };

/** The first line of a text, without its line break. */
export function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, "");
}

export function splitLine(line: string, delimiter: string): string[] {
  return Papa.parse<string[]>(line, { delimiter }).data[0] ?? [];
}

/**
 * The delimiter of a file: the only one of `;`, `,`, TAB that occurs in its header line outside quotes.
 * None or several is a problem — guessing could silently split the columns wrongly.
 */
export function detectDelimiter(headerLine: string): { delimiter: string } | { message: string } {
  const unquoted = headerLine.replace(/"[^"]*"/g, "");
  const present = [";", ",", "\t"].filter((d) => unquoted.includes(d));
  if (present.length === 1) return { delimiter: present[0] };
  if (present.length === 0) {
    return {
      message:
        "In der Kopfzeile ist kein Trennzeichen zu finden; erwartet werden Spaltenüberschriften, getrennt durch Semikolon „;“, Komma „,“ oder Tabulator.",
    };
  }
  return {
    message: `Das Trennzeichen ist nicht eindeutig: die Kopfzeile enthält ${present.map((d) => delimiterNames[d]).join(" und ")}; erwartet wird genau eines davon (bevorzugt Semikolon „;“).`,
  };
}
