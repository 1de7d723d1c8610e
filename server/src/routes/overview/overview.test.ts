import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overviewResponseSchema } from "../../schemas/indicators.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
});
afterAll(() => city.close());

const overview = async (query: string, token?: string) => {
  const response = await city.app.inject({
    url: `/api/overview${query}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.statusCode).toBe(200);
  return overviewResponseSchema.parse(response.json());
};

describe("GET /api/overview", () => {
  it("shows one card per indicator with the latest year, the series and the comparison for the city", async () => {
    // The computation as analysts see it; what the public sees of withheld groups is the next test's.
    const body = await overview("", ADMIN_TOKEN);
    expect(body.year).toBe(2020);
    expect(body.cards.map((c) => c.id)).toEqual([
      "auslaenderanteil",
      "sgb2_quote",
      "sgb2_15_64_st",
      "kinder_sgb2_u15",
      "anteil_mv_u18",
    ]);
    const sgb2 = body.cards[1];
    // 2020: 302 SGB-II-Berechtigte unter 65 of 2327 Einwohner unter 65
    expect(sgb2.latest?.year).toBe(2020);
    expect(sgb2.latest?.value).toBeCloseTo((302 / 2327) * 100, 10);
    expect(sgb2.series.map((p) => p.year)).toEqual([2018, 2020]);
    expect(sgb2.comparison?.groups.map((g) => g.id)).toEqual(["auslaendisch", "deutsch"]);
    expect(sgb2.comparison?.groups[0].value).toBeCloseTo((134 / 462) * 100, 10);
    expect(sgb2.comparison?.gap).toBeCloseTo((134 / 462 - 168 / 1865) * 100, 10);
    expect(sgb2.comparison?.trend).toBe("widened");
    expect(body.cards[0].comparison).toBeNull();
  });

  it("shows a withheld comparison group to the public as suppressed ('.'), to analysts marked confidential", async () => {
    // Bezirk Mitte: its SGB II shares by nationality are withheld (the partners of Nord's, which is Feld's).
    const publicGroups = (await overview("?area=bezirk:Mitte")).cards.flatMap((c) => c.comparison?.groups ?? []);
    const analystGroups = (await overview("?area=bezirk:Mitte", ADMIN_TOKEN)).cards.flatMap(
      (c) => c.comparison?.groups ?? [],
    );
    expect(publicGroups.some((g) => g.status === "suppressed")).toBe(true);
    publicGroups.forEach((g, i) => {
      expect(g.value === null).toBe(g.status !== "ok" && g.status !== "denominator_zero");
      expect(g.confidential).toBeUndefined();
      expect(analystGroups[i].confidential === true).toBe(g.status === "suppressed");
      if (g.status === "suppressed") expect(analystGroups[i].value).not.toBeNull();
    });
  });

  it("hides a suppressed latest value from the public but not from an analyst", async () => {
    const card = (await overview("?area=21")).cards.find((c) => c.id === "auslaenderanteil");
    expect(card?.latest).toEqual({ year: 2020, value: null, status: "suppressed" });
    const analyst = (await overview("?area=21", ADMIN_TOKEN)).cards.find((c) => c.id === "auslaenderanteil");
    expect(analyst?.latest).toEqual({ year: 2020, value: 0.8, status: "suppressed", confidential: true });
  });

  it("rejects an unknown area with the list of allowed areas", async () => {
    const response = await city.app.inject("/api/overview?area=Mitte");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe(
      "Unbekanntes Gebiet „Mitte“. Erlaubt sind: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
  });
});
