import { describe, expect, it } from "vitest";
import { buildIndicatorReport, fieldsParam, pickYear, planReport, selectFields } from "./model.ts";
import { catalogue, overview, valueRow, values } from "./testdata.ts";

describe("the report's outline", () => {
  it("reads fields=GD,RI in catalogue order, ignores unknown ids and takes all fields when none is given", () => {
    expect(selectFields("RI,gd,XX", catalogue)).toEqual(["GD", "RI"]);
    expect(selectFields("", catalogue)).toEqual(["GD", "RI", "BS"]);
    expect(fieldsParam(["RI", "GD"], catalogue)).toBe("GD,RI");
    expect(fieldsParam(["BS", "RI", "GD"], catalogue)).toBe("");
  });

  it("takes the requested year when it has data, else the newest", () => {
    expect(pickYear("2023", overview)).toBe(2023);
    expect(pickYear("1999", overview)).toBe(2025);
    expect(pickYear("", overview)).toBe(2025);
  });

  it("asks each indicator for its comparison pair or its total, and lists indicators without values", () => {
    const plan = planReport(catalogue, overview, ["GD", "RI"]);
    expect(plan.map((field) => field.id)).toEqual(["GD", "RI"]);
    expect(plan[0].indicators.map((item) => [item.meta.id, item.breakdown])).toEqual([["anteil_mv", "gesamt"]]);
    expect(plan[0].unavailable.map((meta) => meta.id)).toEqual(["zuzuege"]);
    expect(plan[1].indicators.map((item) => [item.meta.id, item.breakdown])).toEqual([["sgb2", "migration"]]);
  });
});

describe("an indicator block", () => {
  const [sgb2] = planReport(catalogue, overview, ["RI"])[0].indicators;

  it("computes the gap from published values only, with the trend against the last year with a gap", () => {
    const report = buildIndicatorReport(sgb2, values.sgb2, 2025);
    expect(
      report.gaps.map((gap) => [gap.year, gap.gap === null ? null : Number(gap.gap.toFixed(1)), gap.trend]),
    ).toEqual([
      [2021, 18, null],
      [2022, 17.1, "narrowed"],
      [2023, 16, "narrowed"],
      [2024, null, null],
      [2025, 15.2, "narrowed"],
    ]);
    expect(report.gaps[3].gapKind).toBe("suppressed");
    expect(report.cell("gesamt", 2025)?.value).toBe(12.3);
  });

  it("cuts the series at the report year and keeps the last five years for the table", () => {
    const report = buildIndicatorReport(sgb2, values.sgb2, 2023);
    expect(report.years).toEqual([2021, 2022, 2023]);
    expect(report.tableYears).toEqual([2021, 2022, 2023]);
    expect(report.chart.at(-1)).toEqual({ year: 2023, gesamt: 13.1, mit: 22.5, ohne: 6.5 });
  });

  it("counts a change of at most 0.05 points as unchanged", () => {
    const rows = [
      valueRow(2024, "migration", "mit", 20),
      valueRow(2024, "migration", "ohne", 10),
      valueRow(2025, "migration", "mit", 20.04),
      valueRow(2025, "migration", "ohne", 10),
    ];
    const report = buildIndicatorReport(sgb2, { rows, footnotes: [] }, 2025);
    expect(report.gaps.at(-1)?.trend).toBe("unchanged");
  });

  it("shows an election's indicator only in its election years, without '…' notes for the years between", () => {
    const [block] = planReport(catalogue, overview, ["GD"])[0].indicators;
    const wahl = { ...block, breakdown: "gesamt", meta: { ...block.meta, surveyYearsOnly: true as const } };
    const rows = [2021, 2022, 2023, 2024, 2025].map((y) =>
      valueRow(
        y,
        "gesamt",
        "gesamt",
        y === 2021 ? 18.2 : y === 2025 ? 21 : null,
        y === 2021 || y === 2025 ? "ok" : "missing",
      ),
    );
    const report = buildIndicatorReport(wahl, { rows, footnotes: [] }, 2025);
    expect(report.years).toEqual([2021, 2025]);
    expect(report.footnotes.some((note) => note.includes("…"))).toBe(false);
    const plain = buildIndicatorReport({ ...block, breakdown: "gesamt" }, { rows, footnotes: [] }, 2025);
    expect(plain.years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});
