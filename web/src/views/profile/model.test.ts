import { describe, expect, it } from "vitest";
import type { OverviewCard, OverviewResponse } from "../../api/types.ts";
import { commonYear, groupGapRows, pairRows } from "./model.ts";

const point = (year: number, value: number | null, status: "ok" | "suppressed" | "missing" = "ok") => ({
  year,
  value,
  status,
});

function card(id: string, series: ReturnType<typeof point>[], comparison: OverviewCard["comparison"] = null) {
  const latest = [...series].reverse().find((p) => p.value !== null) ?? null;
  return { id, title: id, shortTitle: id, field: "f", unit: "%", latest, series, comparison } as OverviewCard;
}

const overview = (cards: OverviewCard[]) => ({ year: 2025, cards }) as OverviewResponse;

describe("commonYear", () => {
  it("takes the year most cards show, the later one on a tie", () => {
    expect(commonYear([2025, 2025, 2024, null])).toBe(2025);
    expect(commonYear([2023, 2024])).toBe(2024);
    expect(commonYear([null])).toBeNull();
  });
});

describe("groupGapRows", () => {
  it("derives the gap from the shown (rounded) values: 56,24 − 16,04 is shown as 56,2 − 16,0 = 40,2", () => {
    const rows = groupGapRows([
      card("a", [point(2025, 30)], {
        year: 2025,
        groups: [
          { id: "mit", label: "mit", value: 56.24, status: "ok" },
          { id: "ohne", label: "ohne", value: 16.04, status: "ok" },
        ],
        gap: 40.2,
        trend: "unchanged",
      } as OverviewCard["comparison"]),
      card("b", [point(2025, 1)]),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].gap).toBeCloseTo(40.2, 10);
  });

  it("has no gap where a group's value is withheld, and no row where no group has a value", () => {
    const withheld = {
      year: 2025,
      groups: [
        { id: "mit", label: "mit", value: null, status: "suppressed" },
        { id: "ohne", label: "ohne", value: 10, status: "ok" },
      ],
      gap: null,
      trend: "unchanged",
    } as OverviewCard["comparison"];
    const empty = {
      year: 2025,
      groups: [
        { id: "mit", label: "mit", value: null, status: "missing" },
        { id: "ohne", label: "ohne", value: null, status: "missing" },
      ],
      gap: null,
      trend: "unchanged",
    } as OverviewCard["comparison"];
    const rows = groupGapRows([card("a", [point(2025, 1)], withheld), card("b", [point(2025, 1)], empty)]);
    expect(rows.map((r) => [r.card.id, r.gap])).toEqual([["a", null]]);
  });
});

describe("pairRows", () => {
  it("puts both Stadtteile in the later latest year, with the city of that year and their shown difference", () => {
    const a = overview([card("x", [point(2024, 12.04), point(2025, 12.26)]), card("y", [point(2024, 5)])]);
    const b = overview([card("x", [point(2024, 10), point(2025, 9.94)]), card("y", [point(2024, 7), point(2025, 8)])]);
    const city = overview([card("x", [point(2025, 11)]), card("y", [point(2025, 6)])]);
    const rows = pairRows(a, b, city);
    // x: 2025 for both; 12,3 − 9,9 = 2,4 (not 12,26 − 9,94 = 2,32).
    expect(rows[0]).toMatchObject({ id: "x", year: 2025, city: { value: 11 } });
    expect(rows[0].diff).toBeCloseTo(2.4, 10);
    // y: a's latest is 2024, b's 2025 → 2025, where a has no value: no difference.
    expect(rows[1]).toMatchObject({ id: "y", year: 2025, a: { value: null, status: "missing" }, b: { value: 8 } });
    expect(rows[1].diff).toBeNull();
  });
});
