import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overviewResponseSchema } from "../../schemas/indicators.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
});
afterAll(() => city.close());

const overview = async (area: string, token?: string) => {
  const response = await city.app.inject({
    url: `/api/overview?area=${encodeURIComponent(area)}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.statusCode).toBe(200);
  return overviewResponseSchema.parse(response.json());
};

describe("GET /api/overview: an area against the city and its Bezirk", () => {
  it("compares the latest value with the city's by the 95 % Wilson interval", async () => {
    // sgb2_quote 2020, city 302 / 2327 = 12.98 %.
    // Hafen (12): 180 / 890 = 20.22 %, Wilson 17.7 … 23.0 %: the city lies below → higher (polarity neutral).
    // Altstadt (11): 70 / 820 = 8.54 %, Wilson 6.8 … 10.6 %: the city lies above → lower.
    const hafen = (await overview("12", ADMIN_TOKEN)).cards.find((c) => c.id === "sgb2_quote");
    const againstCity = hafen?.benchmarks?.find((b) => b.against === "stadt");
    expect(againstCity).toMatchObject({ againstName: "Gesamtstadt", year: 2020, category: "higher" });
    expect(againstCity?.value).toBeCloseTo((302 / 2327) * 100, 10);
    expect(hafen?.benchmarks?.map((b) => b.against)).toEqual(["stadt", "bezirk:Mitte"]);

    const altstadt = (await overview("11", ADMIN_TOKEN)).cards.find((c) => c.id === "sgb2_quote");
    expect(altstadt?.benchmarks?.find((b) => b.against === "stadt")?.category).toBe("lower");
  });

  it("states the method, and leaves the city without benchmarks", async () => {
    const body = await overview("bezirk:Mitte");
    expect(body.benchmarkMethod).toMatch(/Wilson/);
    expect(body.cards[0].benchmarks?.map((b) => b.against)).toEqual(["stadt"]);
    const cityBody = await overview("stadt");
    expect(cityBody.benchmarkMethod).toBeUndefined();
    expect(cityBody.cards.every((c) => c.benchmarks === undefined)).toBe(true);
  });

  it("never compares a withheld value in public", async () => {
    const feld = await overview("21");
    for (const card of feld.cards) {
      if (card.latest?.status === "suppressed")
        expect(card.benchmarks?.every((b) => b.category === "not_compared")).toBe(true);
    }
    expect(feld.cards.some((c) => c.latest?.status === "suppressed")).toBe(true);
  });
});
