import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { capture } from "./capture.test-support.ts";
import { run } from "./segregation.ts";
import { parseNumber } from "./table-file.ts";

const testdata = (file: string) => fileURLToPath(new URL(`./testdata/${file}`, import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const monitor = (...args: string[]) => capture(run, args);

describe("monitor segregation", () => {
  // testdata/segregation-auslaender.csv: Altstadt 1.800/200, Hafen 1.200/800, Nord 3.000/1.000 (Deutsche/Ausländer).
  // x/X = 0.1, 0.4, 0.5 and y/Y = 0.3, 0.2, 0.5 → D = ½ (0.2 + 0.2 + 0) = 0.2; P = 2000/8000.
  it("prints one JSON object with the measures of a semicolon file with BOM and thousands separators", async () => {
    const { code, stdout, stderr } = await monitor(
      "--input",
      testdata("segregation-auslaender.csv"),
      "--focal",
      "Ausländer",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(["focal", "measures", "multigroup", "units"]));
    expect(result.focal).toBe("Ausländer");
    expect(result.P).toBeCloseTo(0.25, 12);
    expect(result.measures.dissimilarity).toBeCloseTo(0.2, 12);
    expect(result.multigroup.dissimilarity_multi).toBeCloseTo(0.2, 12);
    expect(result.units.map((u: { unit: string }) => u.unit)).toEqual(["Altstadt", "Hafen", "Nord"]);
    // Altstadt: 200/2000 Ausländer against 2000/8000 city-wide → LQ 0.4
    expect(result.units[0].location_quotients.Ausländer).toBeCloseTo(0.4, 12);
    expect(result.units[0].local_entropy).toBeGreaterThan(0);
  });

  it("reads the same table with comma delimiter, lower-case header and CRLF, taking the first group as focal", async () => {
    const semicolon = JSON.parse((await monitor("--input", testdata("segregation-auslaender.csv"))).stdout);
    const { code, stdout } = await monitor("--input", testdata("segregation-comma.csv"));
    expect(code).toBe(0);
    const comma = JSON.parse(stdout);
    expect(comma.focal).toBe("Deutsche");
    expect(comma).toEqual(semicolon);
  });

  it("rejects a bad file with exit code 1 and lists every problem with its line number", async () => {
    const { code, stdout, stderr } = await monitor("--input", testdata("segregation-bad.csv"));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Zeile 3: negative Anzahl (-5).");
    expect(stderr).toContain("Zeile 4: Anzahl „viele“ ist keine Zahl.");
    expect(stderr).toContain("Zeile 6: Einheit „Hafen“ und Gruppe „Ausländer“ stehen schon in Zeile 5.");
    expect(stderr).toContain("Einheit „Nord“: keine Zeile für „Ausländer“.");
  });

  it("names a missing column and an unknown focal group", async () => {
    const missing = await monitor("--input", testdata("segregation-missing-column.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Spalte „Anzahl“ fehlt (gefunden: „Einheit“, „Gruppe“, „Wert“).");
    const focal = await monitor("--input", testdata("segregation-auslaender.csv"), "--focal", "Türken");
    expect(focal.code).toBe(1);
    expect(focal.stderr).toContain("Gruppe „Türken“ kommt in der Datei nicht vor (Gruppen: Deutsche, Ausländer).");
  });

  it("reports an unreadable or non-UTF-8 file with exit code 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segregation-"));
    writeFileSync(join(dir, "latin1.csv"), Buffer.from("Einheit;Gruppe;Anzahl\nM\xfcnster;x;1\n", "latin1"));
    const latin1 = await monitor("--input", join(dir, "latin1.csv"));
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toContain("nicht UTF-8-kodiert");
    expect((await monitor("--input", join(dir, "fehlt.csv"))).code).toBe(1);
  });

  it("leaves the two-group measures null with a reason for three groups without --focal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segregation-"));
    const file = join(dir, "drei.csv");
    writeFileSync(file, "Einheit;Gruppe;Anzahl\na;x;1\na;y;2\na;z;3\nb;x;3\nb;y;2\nb;z;1\n");
    const result = JSON.parse((await monitor("--input", file)).stdout);
    expect(result.focal).toBeNull();
    expect(result.measures.dissimilarity).toBeNull();
    expect(result.undefinedReasons.dissimilarity).toMatch(/Keine Fokusgruppe/);
    expect(result.multigroup.entropy_multi).toBeGreaterThan(0);
  });

  it("answers wrong usage with exit code 2", async () => {
    expect((await monitor()).code).toBe(2);
    const unknown = await monitor("--inptu", "x.csv");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unbekannte oder unvollständige Option: --inptu");
    expect((await monitor("--input", "a.csv", "b.csv")).stderr).toContain("Unerwartetes Argument: b.csv");
  });

  it("runs through the monitor dispatcher as a separate process", () => {
    const child = spawnSync(
      "npx",
      [
        "tsx",
        "server/src/cli/main.ts",
        "segregation",
        "--input",
        testdata("segregation-auslaender.csv"),
        "--focal",
        "Ausländer",
      ],
      { cwd: repoRoot, encoding: "utf8" },
    );
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).measures.dissimilarity).toBeCloseTo(0.2, 12);
    const bad = spawnSync(
      "npx",
      ["tsx", "server/src/cli/main.ts", "segregation", "--input", testdata("segregation-bad.csv")],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(bad.status).toBe(1);
  });
});

describe("parseNumber", () => {
  it("reads German and English notation, and thousands separators only where allowed", () => {
    expect(parseNumber("1.234", { thousands: true })).toBe(1234);
    expect(parseNumber("1.234.567,5", { thousands: true })).toBe(1234567.5);
    expect(parseNumber("12,5", { thousands: true })).toBe(12.5);
    expect(parseNumber("12.5", { thousands: true })).toBe(12.5);
    expect(parseNumber("0.123", { thousands: true })).toBe(0.123);
    expect(parseNumber("1.234", { thousands: false })).toBe(1.234);
    expect(parseNumber("-0,25", { thousands: false })).toBe(-0.25);
    for (const text of ["", "viele", "<3", "1,2,3", "1e5"])
      expect(parseNumber(text, { thousands: true })).toBeUndefined();
  });
});
