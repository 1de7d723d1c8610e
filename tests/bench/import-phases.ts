// What the import benches (SQLite and PostgreSQL) share: the phases the CLI reports on stderr, reading alone for
// comparison, and German number formatting.
import { findProfile, readExtract } from "@im/data-import";
import type { syntheticDistricts } from "../../server/src/testing/einwohner-file.ts";
import type { BenchRow } from "./run.ts";

/**
 * When the importer's phases ended, in ms since its process started, and its time in INSERTs or building COPY
 * data (`inserting`), as services/importer.ts reports them on stderr (`import-phases {...}`).
 */
export interface Phases {
  started: number;
  checked: number;
  read: number;
  /** PostgreSQL only: the COPY stream is written. */
  written?: number;
  stored: number;
  committed: number;
  inserting: number;
}

export function phasesOf(stderr: string): Phases {
  const line = /^import-phases (.*)$/m.exec(stderr);
  if (!line) throw new Error(`Der Import hat seine Phasen nicht gemeldet:\n${stderr}`);
  return JSON.parse(line[1]) as Phases;
}

/** Reading and checking alone, in this process and thread (warm, best of `rounds`): what the worker has to do. */
export async function readingAlone(
  csv: string,
  districts: ReturnType<typeof syntheticDistricts>,
  rounds: number,
): Promise<number> {
  const profile = findProfile("einwohner");
  if (!profile) throw new Error("Profil einwohner fehlt");
  let best = Number.POSITIVE_INFINITY;
  for (let round = 1; round <= rounds; round++) {
    const started = performance.now();
    await readExtract({ path: csv }, profile, districts, () => {});
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

export const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A row of seconds without a target, for the breakdown of an import. */
export const secondsRow =
  (area: string) =>
  (measure: string, seconds: number): BenchRow => ({
    area,
    measure,
    value: `${de(seconds, 2)} s`,
    target: "",
    ok: null,
  });
