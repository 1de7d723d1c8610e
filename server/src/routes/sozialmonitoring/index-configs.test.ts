// The Berlin method on S1–S4 (config=berlin-mss-s1-s4) and the Geheimhaltung of Sozialmonitoring outputs, on the
// small city with unemployment and Sozialamt counts (small-city.fixture.ts, `mss`). Feld (21, 250
// inhabitants) is below the 300 threshold, so the index standardises over Altstadt (11), Hafen (12), Neustadt (13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  indexResponseSchema,
  segregationResponseSchema,
  seriesResponseSchema,
} from "../../schemas/sozialmonitoring.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity({ mss: true });
});
afterAll(() => city.close());

const get = (url: string, token?: string) =>
  city.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });
const index = async (query: string, token?: string) => {
  const response = await get(`/api/sozialmonitoring/index${query}`, token);
  expect(response.statusCode).toBe(200);
  return indexResponseSchema.parse(response.json());
};

/** z with unweighted mean and SD divisor n, written out. */
function z(values: number[]): number[] {
  const mean = values.reduce((a, b) => a + b) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return values.map((v) => (v - mean) / sd);
}

/*
 * Status 2020 in % (11, 12, 13), from the fixture's counts:
 *   S1 Arbeitslose / EW 15–64:         35/700 = 5,      72/720 = 10,     25/355 = 7.0423
 *   S2 Langzeitarbeitslose / EW 15–64: 14/700 = 2,      36/720 = 5,       2/355 = 0.5634
 *   S3 (SGB II − Arbeitslose SGB II + HLU + GS) / EW:
 *        (70−20+3+7)/1000 = 6,  (180−50+5+15)/1000 = 15,  (42−12+1+4)/500 = 7
 *   S4 SGB II unter 15 / EW unter 15:  15/120 = 12.5,   40/170 = 23.5294, 12/70 = 17.1429
 * z (divisor n):  S1 −1.1436  1.2923 −0.1487 · S2 −0.2819  1.3411 −1.0592
 *                 S3 −0.8276  1.4069 −0.5793 · S4 −1.1554  1.2839 −0.1285
 * Σ z = −3.4086, 5.3243, −1.9157 → standardised: −0.8937, 1.3960, −0.5023 → mittel, niedrig (1 < 1.396 ≤ 1.5), mittel
 * Dynamics = 2020 − 2018 in percentage points (2018: S1 6, 10, 30/355; S2 3, 5, 5/355; S3 6.5, 18, 7; S4 15, 55/170, 12/70):
 *   D1 −1, 0, −1.4085 · D2 −1, 0, −0.8451 · D3 −0.5, −3, 0 · D4 −2.5, −8.8235, 0
 *   Σ z = −0.3581, −0.0004, 0.3584 → standardised −1.2241, −0.0013, 1.2254 → positiv, stabil, negativ
 */
const status2020 = {
  arbeitslosenanteil_st: [5, 10, (25 / 355) * 100],
  mss_s2_langzeitarbeitslosigkeit: [2, 5, (2 / 355) * 100],
  mss_s3_transferbezug: [6, 15, 7],
  kinder_sgb2_u15: [12.5, (40 / 170) * 100, (12 / 70) * 100],
};

describe("GET /api/sozialmonitoring/index?config=berlin-mss-s1-s4", () => {
  it("computes the index from S1–S4 and names the configuration and its indicators", async () => {
    const body = await index("?config=berlin-mss-s1-s4", ADMIN_TOKEN);
    expect(body.year).toBe(2020);
    expect(body.previousYear).toBe(2018);
    expect(body.config.id).toBe("berlin-mss-s1-s4");
    expect(body.config.name).toBe("Berliner Verfahren auf S1–S4");
    expect(body.config.indicators).toEqual([
      { id: "arbeitslosenanteil_st", title: "Arbeitslosenanteil an der Bevölkerung im erwerbsfähigen Alter" },
      {
        id: "mss_s2_langzeitarbeitslosigkeit",
        title: "Langzeitarbeitslose an der Bevölkerung im erwerbsfähigen Alter",
      },
      { id: "mss_s3_transferbezug", title: "Transferbezug ohne Arbeitslose" },
      { id: "kinder_sgb2_u15", title: "Kinderarmut" },
    ]);
    expect(body.config.status.map((s) => s.label)).toEqual([
      "S1 Arbeitslosigkeit (%)",
      "S2 Langzeitarbeitslosigkeit (%)",
      "S3 Transferbezug (%)",
      "S4 Kinderarmut (%)",
    ]);
    expect(body.excluded).toEqual([{ stadtteil: 21, name: "Feld", reason: "weniger als 300 Einwohner (250)" }]);
    expect(body.units.map((u) => u.stadtteil)).toEqual([11, 12, 13]);
    for (const [id, shares] of Object.entries(status2020)) {
      const zs = z(shares);
      body.units.forEach((u, i) => {
        expect(u.values[id], `${id} ${u.stadtteil}`).toBeCloseTo(shares[i], 10);
        expect(u.z[id], `z ${id} ${u.stadtteil}`).toBeCloseTo(zs[i], 10);
      });
    }
    expect(body.units[1].z.mss_s3_transferbezug).toBeCloseTo(1.4069, 4);
    expect(body.units.map((u) => u.statusIndex)).toEqual([
      expect.closeTo(-0.8937, 4),
      expect.closeTo(1.396, 4),
      expect.closeTo(-0.5023, 4),
    ]);
    expect(body.units.map((u) => u.statusClass)).toEqual(["mittel", "niedrig", "mittel"]);
    expect(body.units[2].values.d_arbeitslosenanteil_st).toBeCloseTo(((25 - 30) / 355) * 100, 10);
    expect(body.units.map((u) => u.dynamicsIndex)).toEqual([
      expect.closeTo(-1.2241, 4),
      expect.closeTo(-0.0013, 4),
      expect.closeTo(1.2254, 4),
    ]);
    expect(body.units.map((u) => u.dynamicsClass)).toEqual(["positiv", "stabil", "negativ"]);
    expect(body.units.map((u) => u.combinedClass)).toEqual(["2 +", "3 +/-", "2 -"]);
  });

  it("keeps Münster's core indicators as the default configuration", async () => {
    const byDefault = await index("");
    expect(byDefault.config.id).toBe("muenster");
    expect(byDefault.config.indicators.map((i) => i.id)).toEqual(["sgb2_15_64_st", "kinder_sgb2_u15", "anteil_mv_u18"]);
    expect(await index("?config=muenster")).toEqual(byDefault);
    // Both configurations are stored for both years.
    expect((await index("?config=berlin-mss-s1-s4&year=2018")).previousYear).toBeNull();
  });

  it("answers an unknown configuration with 400 and the allowed ones", async () => {
    const response = await get("/api/sozialmonitoring/index?config=hamburg");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("Unbekannte Konfiguration „hamburg“. Erlaubt sind: muenster, berlin-mss-s1-s4.");
  });
});

describe("Geheimhaltung of the index", () => {
  // Neustadt (13) has 2 Langzeitarbeitslose in 2020: S2 is withheld there (primary), and at least one more
  // Stadtteil of Bezirk Mitte, else Neustadt would be Mitte minus the others. The S2 z-values of the others
  // would give the withheld ones back (z sums to 0 over the Stadtteile), so the whole S2 column and the index
  // numbers go; the classes stay.
  it("blanks for the public the suppressed values, their z column and the index numbers, not the classes", async () => {
    const body = await index("?config=berlin-mss-s1-s4");
    const [altstadt, hafen, neustadt] = body.units;
    const s2 = "mss_s2_langzeitarbeitslosigkeit";
    expect(neustadt.values[s2]).toBeNull();
    expect([altstadt.values[s2], hafen.values[s2]]).toContain(null);
    expect(neustadt.values[`d_${s2}`]).toBeNull();
    expect(body.units.map((u) => u.z[s2])).toEqual([null, null, null]);
    expect(body.units.map((u) => [u.statusIndex, u.dynamicsIndex])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(body.units.map((u) => u.combinedClass)).toEqual(["2 +", "3 +/-", "2 -"]);
    expect(body.suppressed).toMatchObject({
      [`units.13.values.${s2}`]: expect.stringMatching(/^Geheimhaltung: /),
      [`z.${s2}`]: expect.stringContaining("summieren sich zu 0"),
      statusIndex: expect.stringContaining("nur als Klasse"),
      dynamicsIndex: expect.stringContaining("nur als Klasse"),
    });
    expect(body.confidential).toBeUndefined();
    expect(body.units.some((u) => u.confidential)).toBe(false);
  });

  it("shows analysts every value, marked confidential", async () => {
    const body = await index("?config=berlin-mss-s1-s4", ADMIN_TOKEN);
    expect(body.confidential).toBe(true);
    expect(body.units[2].values.mss_s2_langzeitarbeitslosigkeit).toBeCloseTo((2 / 355) * 100, 10);
    expect(body.units[2].confidential).toEqual(
      expect.arrayContaining(["mss_s2_langzeitarbeitslosigkeit", "d_mss_s2_langzeitarbeitslosigkeit"]),
    );
    expect(body.suppressed).toEqual((await index("?config=berlin-mss-s1-s4")).suppressed);
  });

  it("withholds exactly the z columns of indicators with a withheld Stadtteil value (Münster's index)", async () => {
    const body = await index("");
    const ids = body.config.indicators.map((i) => i.id);
    const units = new Set(body.units.map((u) => String(u.stadtteil)));
    for (const id of ids) {
      // The status part reads this year's values, the dynamics part the change since the previous year.
      const years = [body.year, body.previousYear].filter((y) => y !== null);
      let withheld = false;
      for (const year of years) {
        const values = await get(`/api/indicators/${id}/values?year=${year}&breakdown=gesamt`);
        const rows = values.json().rows as { area: string; status: string }[];
        withheld ||= rows.some((r) => units.has(r.area) && r.status === "suppressed");
      }
      expect(`z.${id}` in body.suppressed || `z.d_${id}` in body.suppressed, id).toBe(withheld);
    }
  });
});

describe("Geheimhaltung of location quotients and local entropy", () => {
  /*
   * Ausländer / Deutsche 2020: Altstadt 150/850, Hafen 250/750, Neustadt 70/430, Feld 2/248 (population 250).
   * Feld's 2 Ausländer are withheld (primary). Its Deutsche too: with Feld's population, 250 − 248 gives them
   * back. In the city, Feld's Ausländer = all Ausländer − the other Stadtteile's: at least one more Stadtteil's
   * Ausländer are withheld. Bezirk Nord is Feld alone: its share P (2 of 250) is withheld as well.
   */
  const url = "/api/sozialmonitoring/segregation?year=2020&comparison=auslaender_deutsche";

  it("withholds them from the public with the reason", async () => {
    const [result] = segregationResponseSchema.parse((await get(`${url}&area=stadt`)).json()).results;
    const units = Object.fromEntries(result.units.map((u) => [u.unit, u]));
    expect(units["21"].location_quotients).toEqual({ auslaender: null, deutsche: null });
    expect(units["21"].local_entropy).toBeNull();
    // The public reason says no more than the dot (the rule would tell that it is 1 or 2).
    expect(result.undefinedReasons["units.21.location_quotients.auslaender"]).toBe("Zahlenwert geheim zu halten");
    expect(result.undefinedReasons["units.21.location_quotients.deutsche"]).toBe("Zahlenwert geheim zu halten");
    expect(["11", "12", "13"].filter((u) => units[u].location_quotients.auslaender === null).length).toBeGreaterThan(0);
    for (const u of result.units) {
      if (u.location_quotients.auslaender === null) expect(u.local_entropy).toBeNull();
    }
    expect(result.confidential).toBeUndefined();

    const [nord] = segregationResponseSchema.parse((await get(`${url}&area=bezirk:Nord`)).json()).results;
    expect(nord.P).toBeNull();
    expect(nord.undefinedReasons.P).toBe("Zahlenwert geheim zu halten");
    expect(nord.measures.isolation).toBeNull();
    // Both of Feld's counts are withheld, so the protected inputs of Nord are empty: no measure at all.
    expect(nord.measures.dissimilarity).toBeNull();
  });

  it("shows analysts every value, marked confidential", async () => {
    const [result] = segregationResponseSchema.parse((await get(`${url}&area=stadt`, ADMIN_TOKEN)).json()).results;
    const units = Object.fromEntries(result.units.map((u) => [u.unit, u]));
    expect(result.confidential).toBe(true);
    expect(units["21"]).toMatchObject({ confidential: true });
    expect(units["21"].location_quotients.auslaender).toBeCloseTo(2 / 250 / (472 / 2750), 12);
    expect(result.undefinedReasons["units.21.location_quotients.auslaender"]).toBeUndefined();
    expect(result.suppressed["units.21.location_quotients.auslaender"]).toBe(
      "Geheimhaltung: Fallzahl unter 3 (Gruppe „auslaender“)",
    );
    // Analysts get the true city measures; the public ones are computed on protected inputs.
    expect(result.P).toBeCloseTo(472 / 2750, 12);

    const [nord] = segregationResponseSchema.parse((await get(`${url}&area=bezirk:Nord`, ADMIN_TOKEN)).json()).results;
    expect(nord.P).toBeCloseTo(2 / 250, 12);
  });

  it("computes the public's city measures without the withheld counts: Feld's Ausländer do not enter", async () => {
    // Protected inputs: each withheld count is replaced by its share of what its Stadtteil's published
    // population leaves; Feld's two groups are both withheld, so Feld is left out. If the city's own
    // Ausländer total is public, the public P is computed from the published Stadtteile only.
    const [result] = segregationResponseSchema.parse((await get(`${url}&area=stadt`)).json()).results;
    if (result.P !== null) expect(result.P).not.toBeCloseTo(472 / 2750, 12);
  });

  it("applies the same to the series", async () => {
    const series = "/api/sozialmonitoring/segregation/series?comparison=auslaender_deutsche&area=bezirk:Nord";
    const publicSeries = seriesResponseSchema.parse((await get(series)).json()).series;
    const analystSeries = seriesResponseSchema.parse((await get(series, ADMIN_TOKEN)).json()).series;
    const in2020 = (s: typeof publicSeries) => s.find((p) => p.year === 2020);
    expect(in2020(publicSeries)?.measures.isolation).toBeNull();
    expect(in2020(publicSeries)?.confidential).toBeUndefined();
    expect(in2020(analystSeries)?.measures.isolation).toBeCloseTo(2 / 250, 12);
    expect(in2020(analystSeries)?.confidential).toBe(true);
  });

  it("names the withheld measures of each series point with the reason of the single-year answer", async () => {
    const series = "/api/sozialmonitoring/segregation/series?comparison=auslaender_deutsche&area=bezirk:Nord";
    const [nord] = segregationResponseSchema.parse((await get(`${url}&area=bezirk:Nord`, ADMIN_TOKEN)).json()).results;
    const measureKeys = Object.keys(nord.suppressed).filter((k) => k !== "P" && !k.startsWith("units."));
    expect(measureKeys).toContain("isolation");
    const expected = Object.fromEntries(measureKeys.map((k) => [k, nord.suppressed[k]]));
    expect(expected.isolation).toBe("Geheimhaltung: Fallzahl unter 3");

    const publicPoint = seriesResponseSchema.parse((await get(series)).json()).series.find((p) => p.year === 2020);
    expect(publicPoint?.suppressed).toEqual(
      Object.fromEntries(measureKeys.map((k) => [k, "Zahlenwert geheim zu halten"])),
    );
    for (const key of measureKeys) expect(publicPoint?.measures[key], key).toBeNull();
    expect(publicPoint?.measures.dissimilarity).toBeNull();
    expect(publicPoint?.confidential).toBeUndefined();

    const analystPoint = seriesResponseSchema
      .parse((await get(series, ADMIN_TOKEN)).json())
      .series.find((p) => p.year === 2020);
    expect(analystPoint?.suppressed).toEqual(expected);
    expect(analystPoint?.confidential).toBe(true);
    for (const key of measureKeys) expect(analystPoint?.measures[key], key).not.toBeNull();

    // The city: whatever is withheld there is null for the public, with its reason.
    const city = seriesResponseSchema.parse(
      (await get("/api/sozialmonitoring/segregation/series?comparison=auslaender_deutsche&area=stadt")).json(),
    ).series;
    for (const point of city) {
      for (const key of Object.keys(point.suppressed)) expect(point.measures[key], key).toBeNull();
      expect(point.confidential).toBeUndefined();
    }
  });
});
