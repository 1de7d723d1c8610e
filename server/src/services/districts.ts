import { readFileSync } from "node:fs";
import { type District, type Problem, parseDistrictList } from "@im/data-import";

/** Reads a city's district list (CSV Nummer;Name;Stadtbezirk); an unreadable file is one problem. */
export function readDistrictFile(path: string): { districts: District[]; problems: Problem[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return {
      districts: [],
      problems: [
        {
          line: null,
          column: null,
          value: path,
          message: `Die Datei kann nicht gelesen werden: ${(error as Error).message}`,
        },
      ],
    };
  }
  return parseDistrictList(bytes);
}
