// The reference folder beside the repository: the published segregation and Sozialindex cases and Münster's
// real Stadtteil boundaries. It is not part of the repository and a user's machine does not
// have it, so the tests that read it are skipped without it; CI (.ci/run) refuses to run without it.
// Imported by relative path from the test files of every workspace; it imports nothing but node and vitest.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

// Not `new URL(…, import.meta.url)`: under jsdom that URL class is not node's and fileURLToPath rejects it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** As given: `MONITOR_SHARED_DIR` if set (relative to the repository root), else its usual place. */
const referenceDirName = process.env.MONITOR_SHARED_DIR ?? "../shared";
export const referenceDir = resolve(repoRoot, referenceDirName);

/** Münster's real Stadtteil boundaries (45 Stadtteile, with the city's licence notice) in the reference folder. */
export const MUENSTER_STADTTEILE_FILE = "domain/muenster-stadtteile.geojson";

export interface ReferenceFolder {
  present: boolean;
  /** Absolute path of a file in the reference folder, e.g. `path(MUENSTER_STADTTEILE_FILE)`. */
  path(file: string): string;
  readJson<T>(file: string): T;
  /** `describe` / `it` that are skipped when the folder is absent. */
  describe: typeof describe;
  it: typeof it;
}

/**
 * The reference folder for one test file. When it is absent, prints one line naming the folder and what is
 * skipped, e.g. `<Ordner> fehlt: Referenzfälle der Segregationsmaße übersprungen`.
 */
export function referenceFolder(whatNeedsIt: string): ReferenceFolder {
  const present = existsSync(referenceDir);
  if (!present) console.warn(`${referenceDirName} fehlt: ${whatNeedsIt} übersprungen`);
  const path = (file: string) => join(referenceDir, file);
  return {
    present,
    path,
    readJson: <T>(file: string) => JSON.parse(readFileSync(path(file), "utf8")) as T,
    describe: describe.skipIf(!present) as typeof describe,
    it: it.skipIf(!present) as typeof it,
  };
}
