import type { CatalogueInput } from "@im/indicators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IndicatorValueRow, replaceIndicatorValues } from "../../repositories/indicator-values.ts";
import { goalProgressSchema, goalsResponseSchema } from "../../schemas/goals.ts";
import { ADMIN_TOKEN, catalogue, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

// The small city's catalogue with two goals on sgb2_quote, and hand-made stored values 2015–2020 (written as a
// recomputation would leave them), so that every assessment below is worked out by hand.
const withGoals: CatalogueInput = {
  ...catalogue,
  goals: [
    {
      id: "weniger_sgb2",
      field: "KJS",
      title: "Weniger Menschen brauchen SGB II",
      description: "Der Anteil sinkt.",
      translations: { nl: { title: "Minder mensen hebben SGB II nodig", description: "Het aandeel daalt." } },
      example: true,
      measures: [
        { indicator: "sgb2_quote", direction: "fall", baseYear: 2015 },
        { indicator: "sgb2_quote", direction: "close_gap", baseYear: 2015, target: { value: 12, year: 2030 } },
      ],
    },
  ],
};

const years = [2015, 2016, 2017, 2018, 2019, 2020];
const row = (year: number, area: string, breakdown: string, grp: string, value: number, status = "ok") =>
  ({
    indicator: "sgb2_quote",
    year,
    area,
    breakdown,
    grp,
    numerator: value,
    denominator: 100,
    value,
    status,
    status_detail: null,
    suppression: status === "suppressed" ? "primary" : null,
  }) satisfies IndicatorValueRow;

const stored: IndicatorValueRow[] = years.flatMap((year, i) => [
  // City: total 10 → 9 (−0.2 a year); Ausländer 30 → 25, Deutsche 6 throughout: gap 24 → 19.
  row(year, "stadt", "gesamt", "gesamt", 10 - 0.2 * i),
  row(year, "stadt", "nationalitaet", "auslaendisch", 30 - i),
  row(year, "stadt", "nationalitaet", "deutsch", 6),
  // Altstadt: the same total, but 2020 withheld by Geheimhaltung.
  row(year, "11", "gesamt", "gesamt", 10 - 0.2 * i, year === 2020 ? "suppressed" : "ok"),
]);

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity({ catalogue: withGoals });
  replaceIndicatorValues(city.database.sqlite, stored);
  city.context.readCache.invalidate();
});
afterAll(() => city.close());

const get = (url: string, token?: string) =>
  city.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("GET /api/goals", () => {
  it("assesses every goal for the city by the method it states", async () => {
    const response = await get("/api/goals");
    expect(response.statusCode).toBe(200);
    const body = goalsResponseSchema.parse(response.json());
    expect(body.method).toContain("Eurostat");
    const [goal] = body.goals;
    expect(goal).toMatchObject({ id: "weniger_sgb2", fieldTitle: "Soziale Leistungen", example: true });
    const [fall, gap] = goal.measures;
    // 10 → 9 over 2015–2020: 0.9^(1/5) − 1 = −2.085 % a year, falling as wished: ≥ 1 % → significant progress.
    expect(fall.long).toMatchObject({ status: "assessed", category: "significant_progress" });
    expect(fall.long.status === "assessed" && fall.long.actualRate).toBeCloseTo(-0.020852, 5);
    expect(fall.short.period).toEqual({ from: 2015, to: 2020, afterBreak: null });
    // Gap 24 → 19: (19/24)^(1/5) − 1 = −4.565 %; halving 24 to 12 by 2030 needs 0.5^(1/15) − 1 = −4.516 %.
    // Ratio 1.0108 → significant progress.
    expect(gap.long).toMatchObject({
      status: "assessed",
      category: "significant_progress",
      label: "deutlicher Fortschritt",
    });
    expect(gap.long.status === "assessed" && gap.long.ratio).toBeCloseTo(1.0108, 4);
    expect(gap.directionText).toBe("Abstand zwischen Ausländer/-innen und Deutsche verringern");
    expect(gap.series.map((p) => p.value)).toEqual([24, 23, 22, 21, 20, 19]);
  });

  it("never assesses on a withheld value in public, and marks an analyst's assessment that does", async () => {
    const publicBody = goalProgressSchema.parse((await get("/api/goals/weniger_sgb2/progress?area=11")).json());
    expect(publicBody.measures[0].long).toMatchObject({ status: "not_assessable", reason: "suppressed" });
    expect(publicBody.measures[0].confidential).toBeUndefined();
    expect(publicBody.measures[0].series.at(-1)).toEqual({ year: 2020, value: null });
    expect(JSON.stringify(publicBody)).not.toContain('"endValue"');

    const analyst = goalProgressSchema.parse(
      (await get("/api/goals/weniger_sgb2/progress?area=11", ADMIN_TOKEN)).json(),
    );
    expect(analyst.measures[0].long).toMatchObject({ status: "assessed", endValue: 9 });
    expect(analyst.measures[0].confidential).toBe(true);
  });

  it("assesses the city, and says so, where an indicator has no values for the area", async () => {
    const body = goalProgressSchema.parse((await get("/api/goals/weniger_sgb2/progress?area=21")).json());
    expect(body.measures[0]).toMatchObject({ area: "stadt", areaName: "Gesamtstadt", cityOnly: true });
  });

  it("names a goal in the reader's language where the catalogue translates it, else in German", async () => {
    const dutch = goalsResponseSchema.parse((await get("/api/goals?lang=nl")).json()).goals[0];
    expect([dutch.title, dutch.description]).toEqual(["Minder mensen hebben SGB II nodig", "Het aandeel daalt."]);
    const english = goalsResponseSchema.parse((await get("/api/goals?lang=en")).json()).goals[0];
    expect([english.title, english.description]).toEqual(["Weniger Menschen brauchen SGB II", "Der Anteil sinkt."]);
  });

  it("answers an unknown goal with 404 and an unknown area with 400, in German", async () => {
    const unknown = await get("/api/goals/gibt_es_nicht/progress");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe(
      "Das Ziel „gibt_es_nicht“ gibt es nicht. Vorhandene Ziele: weniger_sgb2 (Liste unter /api/goals).",
    );
    const badArea = await get("/api/goals?area=99");
    expect(badArea.statusCode).toBe(400);
    expect(badArea.json().error).toMatch(/^Unbekanntes Gebiet „99“/);
  });
});
