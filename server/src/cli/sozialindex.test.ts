import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import { capture } from "./capture.test-support.ts";
import { run } from "./sozialindex.ts";

const testdata = (file: string) => fileURLToPath(new URL(`./testdata/${file}`, import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const reference = referenceFolder("veröffentlichte Berliner MSS-2021-Klassen");

const monitor = (...args: string[]) => capture(run, args);

interface UnitJson {
  unit: string;
  status: { index: number; class: string; z: Record<string, number> } | null;
  dynamics: { index: number; class: string } | null;
  combinedClass: string | null;
  exclusions: string[];
}

describe("monitor sozialindex", () => {
  // testdata/sozialindex-muenster.csv is the hand-worked example of indicators/src/sozialindex/sozialindex.test.ts,
  // written with German decimal commas, thousands separators and "–" for missing earlier values.
  it("computes the Münster status and dynamics index per Stadtteil, with the earlier year's columns", async () => {
    const { code, stdout, stderr } = await monitor("--input", testdata("sozialindex-muenster.csv"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { config: string; units: UnitJson[] };
    expect(result.config).toBe("muenster");
    const units = Object.fromEntries(result.units.map((u) => [u.unit, u]));
    expect(units.A.status?.z.sgb2_15_64_st).toBeCloseTo(-4 / 3, 12);
    expect(units.E.status?.index).toBeCloseTo(27 / 16, 12);
    expect(result.units.map((u) => u.combinedClass)).toEqual(["1 +", "2 +/-", "2 +/-", "2 +/-", "4 -", null]);
    expect(units.Gewerbepark.exclusions).toEqual(["weniger als 300 Einwohner (250)"]);
  });

  reference.it("reproduces the published Berlin MSS 2021 classes from a file of published z-values", async () => {
    const berlin = reference.readJson<{
      units: { unit: string; population: number; values: Record<string, number>; published: Record<string, string> }[];
    }>("domain/segregation/berlin_mss2021_plr.json");
    const columns = ["S1", "S3", "S4", "D1", "D3", "D4"];
    const lines = berlin.units.map((u) =>
      [u.unit, u.population, ...columns.map((c) => String(u.values[`z${c}`]).replace(".", ","))].join(";"),
    );
    const file = join(mkdtempSync(join(tmpdir(), "sozialindex-")), "mss2021.csv");
    writeFileSync(file, [`Einheit;Einwohner;${columns.join(";")}`, ...lines].join("\n"));

    const { code, stdout } = await monitor("--input", file, "--config", "berlin-mss", "--z");
    expect(code).toBe(0);
    const units = (JSON.parse(stdout) as { units: UnitJson[] }).units;
    expect(units.map((u) => u.status?.class)).toEqual(berlin.units.map((u) => u.published.status_class));
    expect(units.map((u) => u.dynamics?.class)).toEqual(berlin.units.map((u) => u.published.dynamic_class));
  });

  it("computes only the status index when the file has no dynamics columns", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sozialindex-")), "status.csv");
    writeFileSync(file, "Einheit,S1,S3,S4\na,1,2,3\nb,2,3,5\nc,4,4,4\n");
    const { code, stdout, stderr } = await monitor("--input", file, "--config", "berlin-mss");
    expect(code).toBe(0);
    expect(stderr).toContain("nur der Statusindex");
    const units = (JSON.parse(stdout) as { units: UnitJson[] }).units;
    expect(units.every((u) => u.status !== null && u.dynamics === null && u.combinedClass === null)).toBe(true);
  });

  it("rejects a bad file with exit code 1 and names line and column of every problem", async () => {
    const { code, stdout, stderr } = await monitor("--input", testdata("sozialindex-bad.csv"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Zeile 3: Einheit „A“ steht schon in Zeile 2.");
    expect(stderr).toContain("Zeile 3, Spalte „kinder_sgb2_u15“: „viel“ ist keine Zahl.");
    expect(stderr).toContain("Zeile 4: Einwohner „-5“ ist keine gültige Zahl.");
  });

  it("names missing indicator columns", async () => {
    const { code, stderr } = await monitor("--input", testdata("sozialindex-muenster.csv"), "--config", "berlin-mss");
    expect(code).toBe(1);
    expect(stderr).toContain("Spalte „S1“ fehlt");
  });

  it("answers an unknown configuration or a missing --input with exit code 2", async () => {
    expect((await monitor("--input", testdata("sozialindex-muenster.csv"), "--config", "hamburg")).code).toBe(2);
    expect((await monitor("--input", testdata("sozialindex-muenster.csv"), "--config", "toString")).code).toBe(2);
    expect((await monitor("--config", "muenster")).code).toBe(2);
  });

  it("runs through the monitor dispatcher as a separate process", () => {
    const child = spawnSync(
      "npx",
      ["tsx", "server/src/cli/main.ts", "sozialindex", "--input", testdata("sozialindex-muenster.csv")],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).units[4].status.class).toBe("sehr niedrig");
  });
});
