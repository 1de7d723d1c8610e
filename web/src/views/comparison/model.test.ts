import { describe, expect, it } from "vitest";
import type { ValueRow } from "../../api/types.ts";
import { multiples, ranking } from "./model.ts";

function row(area: string, year: number, value: number | null, status: ValueRow["status"] = "ok"): ValueRow {
  return {
    year,
    area,
    areaName: area,
    breakdown: "gesamt",
    group: "gesamt",
    groupLabel: "Insgesamt",
    numerator: null,
    denominator: null,
    value,
    status,
    statusDetail: null,
  };
}

const districts = [
  { number: 11, name: "Aegidii", bezirk: "Mitte" },
  { number: 61, name: "Gievenbeck", bezirk: "West" },
  { number: 91, name: "Coerde", bezirk: "Nord" },
  { number: 44, name: "Berg Fidel", bezirk: "Süd" },
];

describe("the Stadtteilvergleich", () => {
  it("ranks by value, puts Stadtteile without one last by name and counts those above the city", () => {
    const rows = [row("11", 2025, 9), row("91", 2025, 21.2), row("44", 2025, 12)];
    const rank = ranking(districts, rows, 2025, 11.5, "%");
    expect(rank.ranked.map((r) => r.district.name)).toEqual(["Coerde", "Berg Fidel", "Aegidii", "Gievenbeck"]);
    expect(rank.withValue).toHaveLength(3);
    // Gievenbeck has no row: it counts as missing in the year's symbols.
    expect(rank.yearRows.map((r) => r.status)).toEqual(["ok", "ok", "ok", "missing"]);
    expect(rank.description).toMatch(/^2025 lag der Wert in 3 Stadtteilen .* 2 Stadtteile liegen über/);
  });

  it("draws every small multiple on one axis from zero to the largest shown value of the Stadtteile and the city", () => {
    const rows = [row("11", 2024, 9), row("11", 2025, 40, "suppressed"), row("91", 2025, 21.2)];
    const panels = multiples(districts, rows, [row("stadt", 2024, 25), row("stadt", 2025, 11.5)]);
    expect(panels.domain).toEqual([0, 25]);
    expect(panels.years).toEqual([2024, 2025]);
    expect(panels.districts.map((d) => d.name)).toEqual(["Aegidii", "Berg Fidel", "Coerde", "Gievenbeck"]);
    expect(panels.trendOf(districts[0]).map((p) => p.value)).toEqual([9, null]);
  });
});
