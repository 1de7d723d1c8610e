import { describe, expect, it } from "vitest";
import type { IndicatorDetailResponse, ValueRow } from "../../api/types.ts";
import { indicatorFootnotes, indicatorSeries, valueCsvColumns } from "./model.ts";

function row(year: number, breakdown: string, group: string, groupLabel: string, value: number | null): ValueRow {
  return {
    year,
    area: "stadt",
    areaName: "Gesamtstadt",
    breakdown,
    group,
    groupLabel,
    numerator: null,
    denominator: null,
    value,
    status: value === null ? "missing" : "ok",
    statusDetail: null,
  };
}

const detail = {
  indicator: { unit: "%", comparison: null },
  years: [2024, 2025],
  areas: [],
  breakdowns: [{ id: "geschlecht", label: "Geschlecht", groups: [{ id: "w", label: "weiblich" }] }],
} as unknown as IndicatorDetailResponse;

describe("the Indikator view's series", () => {
  it("takes the groups of a breakdown the detail does not list from the rows, in order of appearance", () => {
    const groups = { rows: [row(2025, "alter", "u18", "unter 18", 12), row(2025, "alter", "18+", "18 und älter", 30)] };
    const model = indicatorSeries(
      detail,
      "alter",
      { rows: [row(2025, "gesamt", "gesamt", "", 25)], footnotes: [] },
      {
        ...groups,
        footnotes: [],
      },
    );
    expect(model.series.map((s) => s.label)).toEqual(["Insgesamt", "unter 18", "18 und älter"]);
    // 2024 is a year of the indicator without any value: it stays as an empty line.
    expect(model.data).toEqual([
      { year: 2024, gesamt: null, u18: null, "18+": null },
      { year: 2025, gesamt: 25, u18: 12, "18+": 30 },
    ]);
  });

  it("writes the breakdown's label for people and its id for programs in the long CSV", () => {
    const breakdown = valueCsvColumns(detail.breakdowns)[2];
    const value = row(2025, "geschlecht", "w", "weiblich", 50);
    expect([breakdown.value(value, "de"), breakdown.value(value, "en")]).toEqual(["Geschlecht", "geschlecht"]);
    expect(breakdown.value(row(2025, "gesamt", "gesamt", "", 50), "de")).toBe("Insgesamt");
  });

  it("shows an election's indicator only in election years: no empty years, no '…' notes, points without a line", () => {
    const wahl = {
      ...detail,
      indicator: { unit: "%", comparison: null, surveyYearsOnly: true },
      years: [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020],
    } as unknown as IndicatorDetailResponse;
    const total = {
      rows: [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020].map((year) =>
        row(year, "gesamt", "gesamt", "", year === 2014 ? 18.2 : year === 2020 ? 14.9 : null),
      ),
      footnotes: [],
    };
    const model = indicatorSeries(wahl, "gesamt", total, undefined);
    expect(model.data.map((d) => d.year)).toEqual([2014, 2020]);
    expect(model.pointsOnly).toBe(true);
    expect(indicatorFootnotes(model, total, undefined).some((note) => note.includes("…"))).toBe(false);
    // Any other indicator keeps a year without a value as a missing value.
    const other = indicatorSeries(detail, "gesamt", total, undefined);
    expect(other.pointsOnly).toBe(false);
    expect(indicatorFootnotes(other, total, undefined).some((note) => note.includes("…"))).toBe(true);
  });
});
