import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  comparisonsResponseSchema,
  indexResponseSchema,
  segregationResponseSchema,
  seriesResponseSchema,
} from "../../schemas/sozialmonitoring.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
});
afterAll(() => city.close());

// The computations as analysts see them (true values); what the public sees is tested with the Geheimhaltung.
const get = (url: string) => city.app.inject({ url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

/** ½ Σ |x_i/X − y_i/Y| written out. */
function dissimilarity(x: number[], y: number[]): number {
  const X = x.reduce((a, b) => a + b);
  const Y = y.reduce((a, b) => a + b);
  return x.reduce((acc, xi, i) => acc + Math.abs(xi / X - y[i] / Y), 0) / 2;
}

describe("GET /api/sozialmonitoring/comparisons", () => {
  it("lists the configured comparisons with their kind", async () => {
    const body = comparisonsResponseSchema.parse((await get("/api/sozialmonitoring/comparisons")).json());
    expect(body.comparisons.map((c) => [c.id, c.kind])).toEqual([
      ["auslaender_deutsche", "two-group"],
      ["mv_ohne_mv", "two-group"],
      ["minderjaehrige_mv", "two-group"],
      ["sgb2_u65", "two-group"],
      ["staatsangehoerigkeit", "multigroup"],
    ]);
  });
});

describe("GET /api/sozialmonitoring/segregation", () => {
  it("gives the dissimilarity of Ausländer and Deutsche over the three Stadtteile of Bezirk Mitte", async () => {
    const response = await get(
      "/api/sozialmonitoring/segregation?year=2020&comparison=auslaender_deutsche&area=bezirk:Mitte",
    );
    const [result] = segregationResponseSchema.parse(response.json()).results;
    // Ausländer 150 / 250 / 70, Deutsche 850 / 750 / 430:
    // D = ½ (|150/470 − 850/2030| + |250/470 − 750/2030| + |70/470 − 430/2030|) = 0.162456765538…
    expect(dissimilarity([150, 250, 70], [850, 750, 430])).toBeCloseTo(0.1624567655382, 12);
    expect(result.measures.dissimilarity).toBeCloseTo(0.1624567655382, 12);
    expect(result.P).toBeCloseTo(470 / 2500, 12);
    expect(result.multigroup).toBeNull();
    expect(result.units.map((u) => [u.unit, u.name, u.population])).toEqual([
      ["11", "Altstadt", 1000],
      ["12", "Hafen", 1000],
      ["13", "Neustadt", 500],
    ]);
    // Hafen: 25 % Ausländer against 18.8 % in the Bezirk
    expect(result.units[1].location_quotients.auslaender).toBeCloseTo(0.25 / 0.188, 12);
    expect(result.coverage).toBe(1);
  });

  it("includes the small Stadtteil for the whole city", async () => {
    const response = await get("/api/sozialmonitoring/segregation?year=2020&comparison=auslaender_deutsche&area=stadt");
    const [result] = segregationResponseSchema.parse(response.json()).results;
    expect(result.measures.dissimilarity).toBeCloseTo(dissimilarity([150, 250, 70, 2], [850, 750, 430, 248]), 12);
  });

  it("reports SGB II recipients exceeding the population under 65 instead of clamping", async () => {
    const response = await get("/api/sozialmonitoring/segregation?year=2018&comparison=sgb2_u65&area=stadt");
    const [result] = segregationResponseSchema.parse(response.json()).results;
    expect(result.problems).toEqual([
      {
        stadtteil: "21",
        name: "Feld",
        message:
          "Unstimmige Daten: SGB-II-Leistungsberechtigte unter 65 (200) sind mehr als die Bezugsbevölkerung (192); das Gebiet wird für dieses Jahr ausgelassen.",
      },
    ]);
    expect(result.units.map((u) => u.unit)).toEqual(["11", "12", "13"]);
    // SGB II 2018 under 65: 80 / 215 / 44 of 820 / 890 / 425
    expect(result.measures.dissimilarity).toBeCloseTo(dissimilarity([80, 215, 44], [740, 675, 381]), 12);
    expect(result.coverage).toBeCloseTo(2135 / (2135 + 200), 12);
  });

  it("computes the multigroup measures over deutsch, EU, Drittstaat and ungeklärt", async () => {
    const response = await get(
      "/api/sozialmonitoring/segregation?year=2020&comparison=staatsangehoerigkeit&area=stadt",
    );
    const [result] = segregationResponseSchema.parse(response.json()).results;
    expect(result.kind).toBe("multigroup");
    expect(result.multigroup?.dissimilarity_multi).toBeGreaterThan(0);
    expect(result.units[0].location_quotients.ungeklaert).toBeNull();
    expect(result.undefinedReasons["location_quotients.ungeklaert"]).toBe(
      "Gruppe „ungeklaert“ kommt in der Stadt nicht vor.",
    );
  });

  it("returns every year and area of a comparison as a series", async () => {
    const response = await get("/api/sozialmonitoring/segregation/series?comparison=mv_ohne_mv");
    const body = seriesResponseSchema.parse(response.json());
    expect(body.series.map((s) => `${s.year} ${s.area}`)).toEqual([
      "2018 stadt",
      "2018 bezirk:Mitte",
      "2018 bezirk:Nord",
      "2020 stadt",
      "2020 bezirk:Mitte",
      "2020 bezirk:Nord",
    ]);
    // Bezirk Nord has one Stadtteil: no unevenness is possible.
    expect(body.series[2].measures.dissimilarity).toBe(0);
  });

  it("answers unknown comparisons, years and areas with 400 and what is allowed", async () => {
    const comparison = await get("/api/sozialmonitoring/segregation?comparison=religion");
    expect(comparison.statusCode).toBe(400);
    expect(comparison.json().error).toBe(
      "Unbekannter Vergleich „religion“. Erlaubt sind: auslaender_deutsche, mv_ohne_mv, minderjaehrige_mv, sgb2_u65, staatsangehoerigkeit.",
    );
    const year = await get("/api/sozialmonitoring/segregation?year=2019");
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toBe("Für 2019 gibt es keine Segregationswerte. Verfügbare Jahre: 2018, 2020.");
    const area = await get("/api/sozialmonitoring/segregation/series?comparison=mv_ohne_mv&area=12");
    expect(area.statusCode).toBe(400);
    expect(area.json().error).toBe("Unbekanntes Gebiet „12“. Erlaubt sind: stadt, bezirk:Mitte, bezirk:Nord.");
    const missing = await get("/api/sozialmonitoring/segregation/series");
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toContain("Bitte einen Vergleich angeben");
  });
});

describe("GET /api/sozialmonitoring/index", () => {
  it("leaves out the Stadtteil below 300 inhabitants and ranks the others", async () => {
    const body = indexResponseSchema.parse((await get("/api/sozialmonitoring/index")).json());
    expect(body.year).toBe(2020);
    expect(body.previousYear).toBe(2018);
    expect(body.excluded).toEqual([{ stadtteil: 21, name: "Feld", reason: "weniger als 300 Einwohner (250)" }]);
    expect(body.units.map((u) => u.stadtteil)).toEqual([11, 12, 13]);
    const hafen = body.units[1];
    expect(hafen.values.sgb2_15_64_st).toBeCloseTo((140 / 720) * 100, 10);
    expect(hafen.values.kinder_sgb2_u15).toBeCloseTo((40 / 170) * 100, 10);
    expect(hafen.values.anteil_mv_u18).toBeCloseTo((110 / 210) * 100, 10);
    // 2018: 160 of 720 aged 15–64 → change −2.78 percentage points
    expect(hafen.values.d_sgb2_15_64_st).toBeCloseTo((140 / 720 - 160 / 720) * 100, 10);
    // z of the SGB II share over the three included Stadtteile (mean and SD with divisor n)
    const shares = [55 / 700, 140 / 720, 30 / 355].map((s) => s * 100);
    const mean = shares.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(shares.reduce((a, s) => a + (s - mean) ** 2, 0) / 3);
    expect(hafen.z.sgb2_15_64_st).toBeCloseTo((shares[1] - mean) / sd, 10);
    const indices = body.units.map((u) => u.statusIndex ?? Number.NaN);
    expect(indices.reduce((a, b) => a + b)).toBeCloseTo(0, 10);
    expect(Math.max(...indices)).toBe(hafen.statusIndex);
    expect(hafen.dynamicsClass).not.toBeNull();
  });

  it("answers a year without an index with 400 and the available years", async () => {
    const response = await get("/api/sozialmonitoring/index?year=2017");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("Für 2017 gibt es keinen Sozialindex. Verfügbare Jahre: 2018, 2020.");
    expect(
      indexResponseSchema.parse((await get("/api/sozialmonitoring/index?year=2018")).json()).previousYear,
    ).toBeNull();
  });
});
