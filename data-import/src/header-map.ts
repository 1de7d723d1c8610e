import { type CompiledProfile, compileProfile } from "./compile.ts";
import { normalizeHeader } from "./normalize.ts";
import { type ProblemList, quote } from "./problems.ts";

/** Where the profile's columns are in the file. */
export interface HeaderMap {
  width: number;
  /** Per profile column: its index in the file. */
  index: number[];
  /** Per profile column: its header as written in the file (trimmed). */
  written: string[];
  /** File columns without a header: tolerated (Excel adds them) as long as they stay empty. */
  blank: number[];
}

/** Finds the profile's columns in the header line; `null` (with problems) when the file cannot be read by it. */
export async function mapHeader(cells: string[], c: CompiledProfile, problems: ProblemList): Promise<HeaderMap | null> {
  const columns = c.profile.columns;
  const expected = columns.map((col) => col.header).join(", ");
  const map: HeaderMap = {
    width: cells.length,
    index: columns.map(() => -1),
    written: columns.map((col) => col.header),
    blank: [],
  };
  // A file sent under the wrong profile: name the one it belongs to instead of listing every column as unknown.
  // The other profiles are loaded only then: the worker that reads a file (read-worker.ts) starts without them and
  // the zod they are declared with, about 0.15 s of its start.
  const belongs = fits(cells, c)
    ? null
    : (await import("./profiles/index.ts")).profiles.map(compileProfile).find((other) => fits(cells, other));
  if (belongs) {
    problems.add(
      1,
      null,
      cells.join(" | "),
      `Die Kopfzeile gehört zum Profil „${belongs.profile.title}“ (${belongs.profile.id}), nicht zu „${c.profile.title}“ (${c.profile.id}). Bitte die Datei mit dem Profil „${belongs.profile.title}“ hochladen.`,
    );
    return null;
  }
  if (!cells.some((cell) => c.headers.has(normalizeHeader(cell)))) {
    problems.add(
      1,
      null,
      cells.join(" | "),
      `Die erste Zeile ist keine Kopfzeile des Profils „${c.profile.title}“ (${c.profile.id}); erwartet werden die Spalten ${expected}. Ist es die richtige Datei und beginnt sie mit der Kopfzeile?`,
    );
    return null;
  }
  let usable = true;
  cells.forEach((cell, i) => {
    const written = cell.trim();
    const key = normalizeHeader(cell);
    const column = c.headers.get(key);
    if (key === "") map.blank.push(i);
    else if (column === undefined) {
      if (!c.ignorable.has(key)) {
        const extra = c.profile.ignorable?.length ? ` (zusätzlich erlaubt: ${c.profile.ignorable.join(", ")})` : "";
        problems.add(
          1,
          written,
          written,
          `Unbekannte Spalte ${quote(written)}; erwartet werden nur die Spalten ${expected}${extra}.`,
        );
      }
    } else if (map.index[column] !== -1) {
      problems.add(
        1,
        written,
        written,
        `Die Spalte ${quote(written)} kommt mehrfach vor (Spalten ${map.index[column] + 1} und ${i + 1}); jede Spalte darf nur einmal vorkommen.`,
      );
      usable = false;
    } else {
      map.index[column] = i;
      map.written[column] = written;
    }
  });
  columns.forEach((col, k) => {
    if (map.index[k] === -1) {
      problems.add(
        1,
        col.header,
        null,
        `Die Pflichtspalte „${col.header}“ fehlt; erwartet werden die Spalten ${expected}.`,
      );
      usable = false;
    }
  });
  return usable ? map : null;
}

/** Every column of the profile is there, and every other non-empty header is one it may skip. */
function fits(cells: readonly string[], c: CompiledProfile): boolean {
  const keys = cells.map(normalizeHeader).filter((key) => key !== "");
  const present = new Set(keys);
  return (
    keys.every((key) => c.headers.has(key) || c.ignorable.has(key)) &&
    [...c.headers.keys()].every((key) => present.has(key))
  );
}
