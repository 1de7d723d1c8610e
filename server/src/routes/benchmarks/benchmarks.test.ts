import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarksResponseSchema } from "../../schemas/benchmarks.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
});
afterAll(() => city.close());

const get = (url: string, token?: string) =>
  city.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("GET /api/benchmarks", () => {
  it("puts every Bezirk and Stadtteil against the city for a Handlungsfeld's indicators", async () => {
    const response = await get("/api/benchmarks?field=KJS", ADMIN_TOKEN);
    expect(response.statusCode).toBe(200);
    const body = benchmarksResponseSchema.parse(response.json());
    expect(body.field).toEqual({ id: "KJS", title: "Soziale Leistungen" });
    const k = body.indicators.findIndex((i) => i.id === "sgb2_quote");
    expect(body.indicators[k]).toMatchObject({ year: 2020, unit: "%", polarity: "neutral" });
    expect(body.indicators[k].city).toBeCloseTo((302 / 2327) * 100, 10);
    expect(body.areas.map((a) => a.area)).toEqual(["bezirk:Mitte", "bezirk:Nord", "11", "12", "13", "21"]);
    const cell = (area: string) => body.areas.find((a) => a.area === area)?.cells[k];
    // Hafen 180 / 890 = 20.2 % (Wilson 17.7 … 23.0 %) against 13.0 %: higher; Altstadt 70 / 820 = 8.5 %: lower.
    expect(cell("12")).toMatchObject({ category: "higher", status: "ok" });
    expect(cell("12")?.value).toBeCloseTo((180 / 890) * 100, 10);
    expect(cell("11")?.category).toBe("lower");
  });

  it("shows withheld values to the public only as suppressed, never compared", async () => {
    const body = benchmarksResponseSchema.parse((await get("/api/benchmarks?field=GD")).json());
    const hidden = body.areas.flatMap((a) => a.cells).filter((c) => c.status === "suppressed");
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) expect(c).toEqual({ value: null, status: "suppressed", category: "not_compared" });
  });

  it("answers an unknown Handlungsfeld or a missing one with 400 in German", async () => {
    const unknown = await get("/api/benchmarks?field=XX");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe("Unbekanntes Handlungsfeld „XX“. Erlaubt sind: GD, KJS.");
    expect((await get("/api/benchmarks")).statusCode).toBe(400);
  });
});
