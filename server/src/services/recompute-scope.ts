import { createHash } from "node:crypto";
import type { District } from "@im/indicators";

/**
 * What the stored results were computed from: the current extract of every profile and year (an extract's lines
 * never change after its import) and the districts. Kept in `meta` with the results, so that the next
 * recomputation can tell which extracts an upload changed.
 */
export interface ResultInputs {
  /** `profile|year` → id of the current extract. */
  extracts: Record<string, number>;
  /** Hash of the districts (number, name, Bezirk). */
  districts: string;
}

export const RESULT_INPUTS_KEY = "result_inputs";

export interface ExtractChange {
  profile: string;
  year: number;
}

export function resultInputs(
  extracts: readonly { id: number; profile: string; year: number }[],
  districts: readonly District[],
): ResultInputs {
  const hash = createHash("sha256");
  for (const d of districts) hash.update(`${d.number}\t${d.name}\t${d.bezirk}\n`);
  return {
    extracts: Object.fromEntries(
      [...extracts].sort((a, b) => a.id - b.id).map((e) => [`${e.profile}|${e.year}`, e.id]),
    ),
    districts: hash.digest("hex"),
  };
}

/**
 * The profiles and years whose current extract differs between the stored results' inputs and now, or null when
 * the two cannot be compared (no inputs stored, other districts): then only a full recomputation is right.
 */
export function changedExtracts(stored: string | null, now: ResultInputs): ExtractChange[] | null {
  if (!stored) return null;
  const before = JSON.parse(stored) as ResultInputs;
  if (before.districts !== now.districts) return null;
  const keys = new Set([...Object.keys(before.extracts), ...Object.keys(now.extracts)]);
  return [...keys]
    .filter((key) => before.extracts[key] !== now.extracts[key])
    .map((key) => {
      const [profile, year] = key.split("|");
      return { profile, year: Number(year) };
    });
}
