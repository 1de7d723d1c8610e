import { describe, expect, it } from "vitest";
import type { SozialIndexUnit } from "../../api/types.ts";
import { byNeed, crossTab, measureKeys, type SegregationPoint, shownMeasure } from "./model.ts";

type Unit = Parameters<typeof crossTab>[0]["units"][number];
const unit = (statusClass: string | null, dynamicsClass: string | null) => ({ statusClass, dynamicsClass }) as Unit;

it("lists every status and dynamics class in its natural order, empty classes included", () => {
  const tab = crossTab({ units: [unit("mittel", "negativ"), unit("sehr niedrig", "stabil"), unit("hoch", "stabil")] });
  expect(tab.dynamics).toEqual(["positiv", "stabil", "negativ"]);
  expect(tab.rows.map((r) => r.status)).toEqual(["hoch", "mittel", "niedrig", "sehr niedrig"]);
  expect(tab.rows.map((r) => r.counts)).toEqual([
    [0, 1, 0],
    [0, 0, 1],
    [0, 0, 0],
    [0, 1, 0],
  ]);
});

describe("the segregation measures", () => {
  const point = (patch: Partial<SegregationPoint>) =>
    ({ year: 2020, area: "stadt", measures: {}, multigroup: null, coverage: 1, ...patch }) as SegregationPoint;

  it("offers measures with a value or a withheld value in some year, from both the two-group and multigroup sets", () => {
    const points = [
      point({ measures: { dissimilarity: 0.2, gini: null, isolation: null }, suppressed: { isolation: "Fallzahl" } }),
      point({ year: 2022, measures: { dissimilarity: null }, multigroup: { entropy_multi: 0.1 } }),
    ];
    expect(measureKeys(points)).toEqual(["dissimilarity", "isolation", "entropy_multi"]);
  });

  it("shows the measure asked for, else D, else Theil's H, else the first offered", () => {
    expect(shownMeasure(["gini", "dissimilarity"], "gini")).toBe("gini");
    expect(shownMeasure(["gini", "dissimilarity"], "atkinson")).toBe("dissimilarity");
    expect(shownMeasure(["gini_multi", "entropy_multi"], "")).toBe("entropy_multi");
    expect(shownMeasure(["gini_multi"], "")).toBe("gini_multi");
  });
});

it("orders the Stadtteile by status index and, where Geheimhaltung blanks it, by the status class", () => {
  const ranked = (stadtteil: number, statusIndex: number | null, combinedClass: string) =>
    ({ stadtteil, statusIndex, combinedClass }) as SozialIndexUnit;
  const units = [ranked(1, null, "2 +"), ranked(2, null, "4 -"), ranked(3, null, "3 +/-")];
  expect(byNeed(units).map((u) => u.stadtteil)).toEqual([2, 3, 1]);
  expect(byNeed([ranked(1, -0.5, "3 +"), ranked(2, 1.2, "1 +")]).map((u) => u.stadtteil)).toEqual([2, 1]);
});
