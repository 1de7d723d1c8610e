import type { ExtractProfile } from "./profiles/index.ts";

/**
 * A delivered age band: `from`…`to` inclusive; `to` is `null` for an open band like `90+`.
 *
 * @example
 * const band: AgeBand = { from: 90, to: null, code: "90+" };
 */
export interface AgeBand {
  from: number;
  to: number | null;
  /** Canonical code as stored in observations: `7-7`, `15-17` or `90+`. */
  code: string;
}

/** Highest age accepted in a single year or band bound; anything above is a typing error. */
export const MAX_AGE = 130;

const agePattern = /^\s*(\d{1,3})\s*(?:([-–])\s*(\d{1,3})|(\+))?\s*$/;

/**
 * Reads an age cell: a single year, an inclusive band or an open band. Returns `null` for anything else
 * (also for a band whose end lies before its start, or ages above {@link MAX_AGE}).
 *
 * @example
 * parseAgeBand("7");     // { from: 7, to: 7, code: "7-7" }
 * parseAgeBand("15-17"); // { from: 15, to: 17, code: "15-17" }
 * parseAgeBand("90+");   // { from: 90, to: null, code: "90+" }
 * parseAgeBand("abc");   // null
 */
export function parseAgeBand(text: string): AgeBand | null {
  const m = agePattern.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  if (from > MAX_AGE) return null;
  if (m[4]) return { from, to: null, code: `${from}+` };
  const to = m[3] === undefined ? from : Number(m[3]);
  if (to < from || to > MAX_AGE) return null;
  return { from, to, code: `${from}-${to}` };
}

/**
 * Writes an observation's dimension values as `name=code` pairs joined by `|` (architecture §1; `decodeDims`
 * of `@im/indicators` reads them back). With a profile, the pairs come in the profile's column order and every
 * dimension of the profile must be given; without one, in the object's key order.
 *
 * @example
 * encodeDims({ geschlecht: "w", alter: "0-2" }); // "geschlecht=w|alter=0-2"
 * encodeDims({ migrationshintergrund: "ja", alter: "3+" }, kita); // "alter=3+|migrationshintergrund=ja"
 */
export function encodeDims(dims: Readonly<Record<string, string>>, profile?: ExtractProfile): string {
  let names = Object.keys(dims);
  if (profile) {
    const order = profile.columns.flatMap((c) => (c.kind === "code" || c.kind === "age" ? [c.dimension] : []));
    const unknown = names.filter((n) => !order.includes(n));
    const missing = order.filter((n) => !(n in dims));
    if (unknown.length || missing.length) {
      throw new Error(
        `encodeDims: Dimensionen passen nicht zum Profil ${profile.id} (unbekannt: ${unknown.join(", ") || "–"}; fehlend: ${missing.join(", ") || "–"})`,
      );
    }
    names = order;
  }
  return names
    .map((name) => {
      const code = dims[name];
      if (/[|=]/.test(name) || /[|=]/.test(code))
        throw new Error(`encodeDims: „|“ und „=“ sind in ${name}=${code} nicht erlaubt`);
      return `${name}=${code}`;
    })
    .join("|");
}
