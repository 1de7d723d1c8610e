// Segregation: (a) the CLI path on a large generated file, (b) the pure computation a demo city needs per recomputation.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CountTable, segregationProfile } from "@im/indicators";
import { run } from "../../server/src/cli/segregation.ts";
import { random } from "../support/random.ts";
import type { BenchRow } from "./run.ts";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** Long-format CSV with 10,000 units × 20 groups, counts with German thousands separators. */
export function writeLargeFile(path: string): void {
  const next = random(2026);
  const lines = ["Einheit;Gruppe;Anzahl"];
  for (let i = 0; i < 10_000; i++) {
    for (let k = 0; k < 20; k++) {
      const count = Math.floor(next() * next() * 3000);
      lines.push(`Gebiet ${i};Gruppe ${k};${count.toLocaleString("de-DE")}`);
    }
  }
  writeFileSync(path, `\uFEFF${lines.join("\n")}\n`);
}

async function cliPath(): Promise<BenchRow> {
  const file = join(tmpdir(), `segregation-bench-${process.pid}.csv`);
  writeLargeFile(file);
  const times: number[] = [];
  let bytes = 0;
  try {
    for (let repeat = 0; repeat < 3; repeat++) {
      let output = "";
      const started = performance.now();
      const code = await run(["--input", file, "--focal", "Gruppe 0"], {
        stdout: (text) => {
          output = text;
        },
        stderr: (text) => void process.stderr.write(text),
      });
      times.push(performance.now() - started);
      if (code !== 0) throw new Error(`segregation CLI endete mit Code ${code}`);
      bytes = output.length;
    }
  } finally {
    rmSync(file, { force: true });
  }
  const value = median(times);
  return {
    area: "Segregation",
    measure: `CLI 10.000 Gebiete × 20 Gruppen: Parsen + Rechnen + JSON (${(bytes / 1e6).toFixed(1)} MB), Median aus 3`,
    value: formatMs(value),
    target: "< 1 s",
    ok: value < 1000,
  };
}

const GROUPS = ["Deutsche ohne MV", "Deutsche mit MV", "EU", "Nicht-EU"];

/** A synthetic city-year: 45 Stadtteile in 6 Stadtbezirke, four origin groups plus SGB-II counts. */
function syntheticYear(year: number) {
  const next = random(year);
  return Array.from({ length: 45 }, (_, i) => {
    const residents = 1000 + Math.floor(next() * 20_000);
    const shares = GROUPS.map(() => 0.2 + next());
    const total = shares.reduce((a, b) => a + b, 0);
    const counts = Object.fromEntries(GROUPS.map((g, k) => [g, Math.round((residents * shares[k]) / total)]));
    return { unit: `Stadtteil ${i + 1}`, bezirk: i % 6, counts, sgb2: Math.floor(residents * next() * 0.2) };
  });
}

type Stadtteil = ReturnType<typeof syntheticYear>[number];

function table(units: Stadtteil[], groups: string[], counts: (u: Stadtteil) => number[]): CountTable {
  return {
    groups,
    units: units.map((u) => ({ unit: u.unit, counts: Object.fromEntries(groups.map((g, k) => [g, counts(u)[k]])) })),
  };
}

/** Four two-group comparisons and one multigroup table, every measure, for one area. */
function allComparisons(units: Stadtteil[]): number {
  const c = (u: Stadtteil, g: string) => u.counts[g];
  const residents = (u: Stadtteil) => GROUPS.reduce((acc, g) => acc + c(u, g), 0);
  const profiles = [
    segregationProfile(
      table(units, ["Ausländer", "Deutsche"], (u) => [
        c(u, "EU") + c(u, "Nicht-EU"),
        c(u, "Deutsche ohne MV") + c(u, "Deutsche mit MV"),
      ]),
      { focal: "Ausländer" },
    ),
    segregationProfile(
      table(units, ["mit MV", "ohne MV"], (u) => [residents(u) - c(u, "Deutsche ohne MV"), c(u, "Deutsche ohne MV")]),
      { focal: "mit MV" },
    ),
    segregationProfile(
      table(units, ["SGB II", "übrige"], (u) => [u.sgb2, residents(u) - u.sgb2]),
      { focal: "SGB II" },
    ),
    segregationProfile(
      table(units, GROUPS, (u) => GROUPS.map((g) => c(u, g))),
      { focal: "Nicht-EU", other: "Deutsche ohne MV" },
    ),
    segregationProfile(table(units, GROUPS, (u) => GROUPS.map((g) => c(u, g)))),
  ];
  return profiles.length;
}

function demoCityComputation(): BenchRow {
  const years = Array.from({ length: 13 }, (_, i) => syntheticYear(2012 + i));
  const started = performance.now();
  let profiles = 0;
  for (const units of years) {
    profiles += allComparisons(units);
    for (let bezirk = 0; bezirk < 6; bezirk++) profiles += allComparisons(units.filter((u) => u.bezirk === bezirk));
  }
  const value = performance.now() - started;
  return {
    area: "Segregation",
    measure: `alle Maße, 4 Zwei-Gruppen-Vergleiche + 1 Mehrgruppen × 13 Jahre × (Stadt + 6 Bezirke), 45 Stadtteile (${profiles} Profile)`,
    value: formatMs(value),
    target: "< 1 s",
    ok: value < 1000,
  };
}

export default async function (): Promise<BenchRow[]> {
  return [await cliPath(), demoCityComputation()];
}
