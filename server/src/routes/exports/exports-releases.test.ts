import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDataChanged } from "../../repositories/generations.ts";
import { bringResultsUpToDate } from "../../services/results.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

// The small city as a city that publishes: the public reads releases only (testing/small-city.ts).
// Ausländeranteil Gesamtstadt 2020: (150 + 250 + 70 + 2) / (1000 + 1000 + 500 + 250) = 472 / 2750 = 17.1636… %.
const PUBLISHED = (472 / 2750) * 100;
// After the release, Altstadt's EU citizens 18–64 become 130 instead of 100: 502 / 2780 = 18.0575… %.
const DRAFT = (502 / 2780) * 100;

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity({ publicDraft: false });
});
afterAll(() => city.close());

const analyst = { authorization: `Bearer ${ADMIN_TOKEN}` };
const get = (url: string, headers: Record<string, string> = {}) => city.app.inject({ url, headers });

/** The city's 2020 Ausländeranteil and the „Stand der Werte“ line of a downloaded workbook. */
async function cityShare(url: string, headers: Record<string, string> = {}) {
  const response = await get(url, headers);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  let value: unknown = null;
  book.getWorksheet("Grunddaten")?.eachRow((row) => {
    const v = (c: number) => row.getCell(c).value;
    if (v(1) === "auslaenderanteil" && v(4) === 2020 && v(5) === "stadt" && v(8) === "Insgesamt") value = v(11);
  });
  let stand: unknown = null;
  book.getWorksheet("Metadaten")?.eachRow((row) => {
    if (row.getCell(1).value === "Stand der Werte") stand = row.getCell(2).value;
  });
  return { value: value as number, stand };
}

describe("exports of releases", () => {
  it("give the public nothing before the first release", async () => {
    const response = await get("/api/export.xlsx");
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toContain("noch nichts veröffentlicht");
    expect((await get("/api/export.zip")).statusCode).toBe(404);
  });

  it("keep the published values while the draft changes", async () => {
    const published = await city.app.inject({
      method: "POST",
      url: "/api/releases",
      headers: analyst,
      payload: { title: "Integrationsmonitoring 2020" },
    });
    expect(published.statusCode, published.body).toBe(201);
    const { sqlite, db } = city.database;
    sqlite
      .prepare(
        `update observation_values set value = 130 where district = 11 and year = 2020
           and key_id in (select id from observation_keys where profile = 'einwohner' and dims like '%staatsangehoerigkeit=EU%')
           and extract_id in (select id from extracts where replaced_by is null)`,
      )
      .run();
    await markDataChanged(db);
    await bringResultsUpToDate(city.context);

    const pub = await cityShare("/api/export.xlsx");
    expect(pub.value).toBeCloseTo(PUBLISHED, 9);
    expect(pub.stand).toBe("Veröffentlichung Nr. 1");
    const draft = await cityShare("/api/export.xlsx", analyst);
    expect(draft.value).toBeCloseTo(DRAFT, 9);
    expect(draft.stand).toBe("Entwurf (nicht veröffentlicht)");
    const frozen = await cityShare("/api/indicators/auslaenderanteil/values.xlsx?release=1&area=stadt", analyst);
    expect(frozen.value).toBeCloseTo(PUBLISHED, 9);
    expect(frozen.stand).toBe("Veröffentlichung Nr. 1");
  });

  it("refuse the draft to the public and an unknown release in German", async () => {
    expect((await get("/api/export.xlsx?release=entwurf")).statusCode).toBe(403);
    const unknown = await get("/api/export.zip?release=7");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toContain("Die Veröffentlichung „7“ gibt es nicht");
  });
});
