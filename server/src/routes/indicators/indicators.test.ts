import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  indicatorDetailResponseSchema,
  indicatorListResponseSchema,
  type ValueRow,
  valuesResponseSchema,
} from "../../schemas/indicators.ts";
import { auditStoredPublication } from "../../services/disclosure-audit.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
});
afterAll(() => city.close());

const get = (url: string, token?: string) =>
  city.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

const rowsOf = async (url: string, token?: string): Promise<ValueRow[]> => {
  const response = await get(url, token);
  expect(response.statusCode).toBe(200);
  return valuesResponseSchema.parse(response.json()).rows;
};

describe("GET /api/indicators", () => {
  it("lists the catalogue's fields and indicators with the version the values were computed with", async () => {
    const body = indicatorListResponseSchema.parse((await get("/api/indicators")).json());
    expect(body.version).toBe("test-2026.1");
    expect(body.fields.map((f) => f.id)).toEqual(["GD", "KJS"]);
    expect(body.indicators.map((i) => i.id)).toEqual([
      "auslaenderanteil",
      "sgb2_quote",
      "sgb2_15_64_st",
      "kinder_sgb2_u15",
      "anteil_mv_u18",
    ]);
  });

  it("describes one indicator with its years, areas and breakdown groups", async () => {
    const body = indicatorDetailResponseSchema.parse((await get("/api/indicators/sgb2_quote")).json());
    expect(body.indicator.comparison?.id).toBe("nationalitaet");
    expect(body.years).toEqual([2018, 2020]);
    expect(body.areas).toEqual(["stadt", "bezirk:Mitte", "bezirk:Nord", "11", "12", "13", "21"]);
    expect(body.breakdowns.map((b) => [b.id, b.groups.map((g) => g.id)])).toEqual([
      ["gesamt", ["gesamt"]],
      ["nationalitaet", ["auslaendisch", "deutsch"]],
    ]);
  });

  it("answers an unknown indicator with 404 and a German message", async () => {
    const response = await get("/api/indicators/gibt_es_nicht");
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe(
      "Den Indikator „gibt_es_nicht“ gibt es nicht. Die Liste der Indikatoren steht unter /api/indicators.",
    );
    expect((await get("/api/indicators/gibt_es_nicht/values")).statusCode).toBe(404);
  });
});

describe("GET /api/indicators/:id/values", () => {
  it("computes the Ausländeranteil of a Stadtteil from the current extract only (250 of 1000 in Hafen)", async () => {
    // The computation, as analysts see it (the public may see a dot, see the Geheimhaltung tests below).
    const [{ confidential: _, ...row }] = await rowsOf(
      "/api/indicators/auslaenderanteil/values?year=2020&area=12",
      ADMIN_TOKEN,
    );
    expect({ ...row, status: "ok", statusDetail: null }).toEqual({
      year: 2020,
      area: "12",
      areaName: "Hafen",
      breakdown: "gesamt",
      group: "gesamt",
      groupLabel: "Insgesamt",
      numerator: 250,
      denominator: 1000,
      value: 25,
      status: "ok",
      statusDetail: null,
    });
  });

  it("sums the Stadtteile for the whole city (472 Ausländer of 2750)", async () => {
    const [row] = await rowsOf("/api/indicators/auslaenderanteil/values?year=2020&area=stadt");
    expect(row.numerator).toBe(472);
    expect(row.denominator).toBe(2750);
    expect(row.value).toBeCloseTo((472 / 2750) * 100, 12);
  });

  it("blanks a suppressed cell for the public and shows it to an analyst marked confidential", async () => {
    const [publicRow] = await rowsOf("/api/indicators/auslaenderanteil/values?year=2020&area=21");
    expect(publicRow).toMatchObject({ numerator: null, denominator: null, value: null, status: "suppressed" });
    // The public reason says no more than the dot: "Fallzahl unter 3" would tell an attacker it is 1 or 2.
    expect(publicRow.statusDetail).toBe("Zahlenwert geheim zu halten");
    expect(publicRow.confidential).toBeUndefined();

    const analyst = await get("/api/indicators/auslaenderanteil/values?year=2020&area=21", ADMIN_TOKEN);
    const [row] = valuesResponseSchema.parse(analyst.json()).rows;
    expect(row).toMatchObject({ numerator: 2, denominator: 250, value: 0.8, status: "suppressed", confidential: true });
    expect(row.statusDetail).toBe("Geheimhaltung: Fallzahl unter 3");
    expect(analyst.json().footnotes[0]).toMatch(/^Vertraulich/);

    const wrongToken = await get("/api/indicators/auslaenderanteil/values?year=2020&area=21", "falsch");
    expect(wrongToken.statusCode).toBe(401);
    expect(wrongToken.body).not.toContain("Fallzahl unter 3");
  });

  it("also suppresses the cells from which the small one could be recomputed, with a footnote", async () => {
    const response = await get("/api/indicators/auslaenderanteil/values?year=2020");
    const body = valuesResponseSchema.parse(response.json());
    const hidden = (area: string) => body.rows.find((r) => r.area === area)?.status === "suppressed";
    // Feld has 2 Ausländer; Nord is Feld alone, the same 2 people.
    expect(hidden("21") && hidden("bezirk:Nord")).toBe(true);
    // Feld = city − Mitte = city − (Neustadt + Hafen + Altstadt): each sum needs a hidden member besides Feld.
    expect(hidden("stadt") || hidden("bezirk:Mitte")).toBe(true);
    expect(hidden("stadt") || hidden("11") || hidden("12") || hidden("13")).toBe(true);
    // And nothing else narrows it: an attacker with every published number and relation gets nothing too narrow.
    expect((await auditStoredPublication(city.context)).findings).toEqual([]);
    expect(body.footnotes[0]).toMatch(/^\.: Zahlenwert geheim zu halten\./);
  });

  it("filters by breakdown and lists the allowed values for an unknown area, year or breakdown", async () => {
    const rows = await rowsOf(
      "/api/indicators/sgb2_quote/values?year=2020&area=12&breakdown=nationalitaet",
      ADMIN_TOKEN,
    );
    expect(rows.map((r) => [r.group, r.groupLabel, r.numerator, r.denominator])).toEqual([
      ["auslaendisch", "Ausländer/-innen", 100, 240],
      ["deutsch", "Deutsche", 80, 650],
    ]);

    const area = await get("/api/indicators/auslaenderanteil/values?area=99");
    expect(area.statusCode).toBe(400);
    expect(area.json().error).toBe(
      "Unbekanntes Gebiet „99“. Erlaubt sind: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
    const year = await get("/api/indicators/auslaenderanteil/values?year=2019");
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toBe(
      "Für „auslaenderanteil“ gibt es keine Werte für 2019. Verfügbare Jahre: 2018, 2020.",
    );
    const breakdown = await get("/api/indicators/sgb2_quote/values?breakdown=alter");
    expect(breakdown.statusCode).toBe(400);
    expect(breakdown.json().error).toBe(
      "Unbekannte Aufschlüsselung „alter“ für „sgb2_quote“. Erlaubt sind: gesamt, nationalitaet.",
    );
    const format = await get("/api/indicators/auslaenderanteil/values?format=xlsx");
    expect(format.statusCode).toBe(400);
    expect(format.json().error).toContain("erlaubt sind „json“ und „csv“");
    const notAYear = await get("/api/indicators/auslaenderanteil/values?year=zwanzig");
    expect(notAYear.statusCode).toBe(400);
    expect(notAYear.json().error).toContain("muss eine Jahreszahl sein");
  });

  it("writes CSV for people with BOM, semicolons, decimal comma and German headers", async () => {
    const response = await get("/api/indicators/sgb2_quote/values?year=2020&area=12&breakdown=gesamt&format=csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      "attachment; filename=\"sgb2_quote_12_2020_gesamt.csv\"; filename*=UTF-8''sgb2_quote_12_2020_gesamt.csv",
    );
    // 180 SGB-II-Berechtigte unter 65 of 890 Einwohner unter 65 = 20.22 %
    expect(response.rawPayload).toEqual(
      Buffer.from(
        "\uFEFFJahr;Gebietsschlüssel;Gebiet;Aufschlüsselung;Gruppe;Zähler;Nenner;Wert (%);Status;Erläuterung\r\n" +
          "2020;12;Hafen;Insgesamt;Insgesamt;180;890;20,2;;\r\n",
        "utf8",
      ),
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes CSV for programs with commas, decimal point, full precision and snake_case headers", async () => {
    const response = await get(
      "/api/indicators/sgb2_quote/values?year=2020&area=12&breakdown=gesamt&format=csv&flavour=en",
    );
    const [header, line, end] = response.body.split("\r\n");
    expect(header).toBe(
      "year,area,area_name,breakdown,group,group_label,numerator,denominator,value,status,status_detail,confidential",
    );
    const fields = line.split(",");
    expect(fields.slice(0, 8)).toEqual(["2020", "12", "Hafen", "gesamt", "gesamt", "Insgesamt", "180", "890"]);
    expect(Number(fields[8])).toBeCloseTo((180 / 890) * 100, 12);
    expect(fields[8].length).toBeGreaterThan(12);
    expect(fields.slice(9)).toEqual(["ok", "", "false"]);
    expect(end).toBe("");
    expect(response.rawPayload[0]).toBe("y".charCodeAt(0)); // no BOM for programs
  });

  it("marks suppressed cells in the people's CSV with a dot and ends with the footnote", async () => {
    const response = await get("/api/indicators/auslaenderanteil/values?year=2020&area=21&format=csv");
    expect(response.body).toBe(
      "\uFEFFJahr;Gebietsschlüssel;Gebiet;Aufschlüsselung;Gruppe;Zähler;Nenner;Wert (%);Status;Erläuterung\r\n" +
        "2020;21;Feld;Insgesamt;Insgesamt;.;.;.;gesperrt;Zahlenwert geheim zu halten\r\n" +
        "\r\n" +
        ".: Zahlenwert geheim zu halten. Werte mit sehr kleinen Fallzahlen und Werte, aus denen sie sich errechnen ließen, werden zum Schutz der Betroffenen nicht veröffentlicht.\r\n",
    );
    const machines = await get("/api/indicators/auslaenderanteil/values?year=2020&area=21&format=csv&flavour=en");
    expect(machines.body.split("\r\n")[1]).toBe(
      "2020,21,Feld,gesamt,gesamt,Insgesamt,,,,suppressed,Zahlenwert geheim zu halten,false",
    );
  });
});

describe("compressed answers", () => {
  it("sends the same values brotli- or gzip-compressed to clients that accept it, and plain to the others", async () => {
    const url = "/api/indicators/sgb2_quote/values";
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Language, Accept-Encoding");
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const accepting = (encoding: string) => city.app.inject({ url, headers: { "accept-encoding": encoding } });
    const br = await accepting("gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    // From the cached answer: the same bytes again.
    expect((await accepting("br")).rawPayload.equals(br.rawPayload)).toBe(true);

    const gz = await accepting("gzip;q=1, br;q=0");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect((await accepting("identity")).rawPayload.equals(plain.rawPayload)).toBe(true);
  });

  it("leaves answers under 1 KB uncompressed", async () => {
    const small = await city.app.inject({
      url: "/api/indicators/auslaenderanteil/values?year=2020&area=21",
      headers: { "accept-encoding": "br" },
    });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("GET /api/indicators/:id/gaps", () => {
  it("gives the gap between Ausländer and Deutsche per year and whether it widened", async () => {
    const response = await get("/api/indicators/sgb2_quote/gaps?area=stadt", ADMIN_TOKEN);
    expect(response.statusCode).toBe(200);
    const { comparison, rows } = response.json();
    expect(comparison.id).toBe("nationalitaet");
    // 2020: Ausländer 134 of 462 under 65, Deutsche 168 of 1865
    const [y2018, y2020] = rows;
    expect(y2020.year).toBe(2020);
    expect(y2020.groups.auslaendisch).toBeCloseTo((134 / 462) * 100, 10);
    expect(y2020.groups.deutsch).toBeCloseTo((168 / 1865) * 100, 10);
    expect(y2020.gap).toBeCloseTo((134 / 462 - 168 / 1865) * 100, 10);
    expect(y2020.gapChangeVsPrevious).toBeCloseTo(y2020.gap - y2018.gap, 10);
    expect(y2020.trend).toBe("widened");
  });

  it("answers an indicator without a comparison with no rows, and an unknown area with 400", async () => {
    expect((await get("/api/indicators/auslaenderanteil/gaps")).json()).toEqual({ comparison: null, rows: [] });
    const response = await get("/api/indicators/sgb2_quote/gaps?area=bezirk:Sued");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/^Unbekanntes Gebiet „bezirk:Sued“/);
  });
});
