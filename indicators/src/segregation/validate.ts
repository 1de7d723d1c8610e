import type { CountTable } from "./types.ts";

/** Thrown by the segregation functions for invalid input; `problems` lists every problem in German. */
export class CountTableError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "CountTableError";
  }
}

/**
 * Checks a count table: unique non-empty group and unit names, and for every unit and
 * listed group a finite, non-negative count (non-integer counts are fine). Returns all problems, empty if valid.
 *
 * @example
 * validateCountTable({ groups: ["x", "y"], units: [{ unit: "a", counts: { x: -1, y: 10 } }] });
 * // → ["Gebiet „a“, Gruppe „x“: negative Anzahl (-1)"]
 */
export function validateCountTable(table: CountTable): string[] {
  const problems: string[] = [];
  if (table.groups.length === 0) problems.push("Die Tabelle nennt keine Gruppe.");
  for (const name of duplicates(table.groups)) problems.push(`Gruppe „${name}“ ist mehrfach aufgeführt.`);
  if (table.groups.some((g) => g.trim() === "")) problems.push("Eine Gruppe hat keinen Namen.");
  for (const name of duplicates(table.units.map((u) => u.unit)))
    problems.push(`Gebiet „${name}“ ist mehrfach aufgeführt.`);

  for (const { unit, counts } of table.units) {
    for (const group of table.groups) {
      const value: unknown = counts[group];
      const where = `Gebiet „${unit}“, Gruppe „${group}“`;
      if (value === undefined || value === null) problems.push(`${where}: Anzahl fehlt`);
      else if (typeof value !== "number" || !Number.isFinite(value))
        problems.push(`${where}: keine gültige Zahl (${String(value)})`);
      else if (value < 0) problems.push(`${where}: negative Anzahl (${value})`);
    }
  }
  return problems;
}

function duplicates(names: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return [...twice];
}
