import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markDataChanged } from "../../repositories/generations.ts";
import { releaseDetailSchema, releaseListResponseSchema, revisionsResponseSchema } from "../../schemas/releases.ts";
import { publishRelease } from "../../services/releases.ts";
import { bringResultsUpToDate } from "../../services/results.ts";
import { ADMIN_TOKEN, einwohner, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

// The small city as a city that publishes: the public reads releases only. Expected values by hand from the
// tables in testing/small-city.ts.
// Ausländeranteil Gesamtstadt 2020: (150 + 250 + 70 + 2) / (1000 + 1000 + 500 + 250) = 472 / 2750 = 17.1636… %.
const SHARE_2020 = (472 / 2750) * 100;
// The corrected delivery adds 30 EU citizens aged 18–64 in Altstadt: 502 / 2780 = 18.0576… %.
const CORRECTED_SHARE_2020 = (502 / 2780) * 100;

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity({ publicDraft: false });
});
afterAll(() => city.close());

const analyst = { authorization: `Bearer ${ADMIN_TOKEN}` };
const get = (url: string, headers: Record<string, string> = {}) => city.app.inject({ url, headers });
const publish = (body: unknown, headers: Record<string, string> = analyst) =>
  city.app.inject({ method: "POST", url: "/api/releases", headers, payload: body as object });
const cityShare = async (query = "", headers: Record<string, string> = {}) => {
  const response = await get(`/api/indicators/auslaenderanteil/values?area=stadt&year=2020${query}`, headers);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows.find((r: { breakdown: string }) => r.breakdown === "gesamt").value as number;
};

/** A corrected einwohner 2020 delivery replacing the current one, as a finished import leaves it. */
async function importCorrectedEinwohner2020() {
  const { sqlite, db } = city.database;
  const old = sqlite
    .prepare("select id from extracts where profile = 'einwohner' and year = 2020 and replaced_by is null")
    .get() as { id: number };
  const id = Number(
    sqlite
      .prepare(
        `insert into extracts (profile, office, year, stichtag, file_name, sha256, encoding, line_count,
           observation_count, imported_at, imported_by, replaced_by)
         values ('einwohner', 'Bürgeramt', 2020, '2020-12-31', 'einwohner-2020-korrigiert.csv', 'korrigiert', 'utf-8',
           0, 0, '2026-12-01T09:00:00Z', 'test', null)`,
      )
      .run().lastInsertRowid,
  );
  sqlite.prepare("update extracts set replaced_by = ? where id = ?").run(id, old.id);
  const line = sqlite.prepare(
    "insert into observations (extract_id, profile, year, district, dims, measure, value) values (?, 'einwohner', 2020, ?, ?, 'einwohner', ?)",
  );
  for (const [number, cells] of Object.entries(einwohner)) {
    for (const [sta, mv, alter, count] of cells) {
      const corrected = number === "11" && sta === "EU" ? count + 30 : count;
      line.run(
        id,
        Number(number),
        `geschlecht=w|alter=${alter}|staatsangehoerigkeit=${sta}|migrationsvorgeschichte=${mv}`,
        corrected,
      );
    }
  }
  await markDataChanged(db);
  await bringResultsUpToDate(city.context);
}

describe("releases", () => {
  it("shows the public nothing before the first release, but the catalogue", async () => {
    const overview = await get("/api/overview?area=stadt");
    expect(overview.statusCode).toBe(404);
    expect(overview.json()).toMatchObject({
      error: expect.stringContaining("noch nichts veröffentlicht"),
      details: { unpublished: true },
    });
    expect((await get("/api/indicators")).statusCode).toBe(200);
    const list = releaseListResponseSchema.parse((await get("/api/releases")).json());
    expect(list).toEqual({ releases: [], publicReads: "latest", latest: null, publishing: null });
    // The analysts work on the draft meanwhile.
    expect(await cityShare("", analyst)).toBeCloseTo(SHARE_2020, 9);
  });

  it("publishes only for analysts, with a title", async () => {
    expect((await publish({ title: "Integrationsmonitoring 2020" }, {})).statusCode).toBe(401);
    const short = await publish({ title: "x" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toContain("mindestens 3 Zeichen");
  });

  it("freezes the draft: the public reads the release", async () => {
    const response = await publish({ title: "Integrationsmonitoring 2020" });
    expect(response.statusCode, response.body).toBe(201);
    // Exactly the tables whose Geheimhaltung the recomputation proved: no second audit.
    expect(response.json()).toMatchObject({ id: 1, revisions: 0, audit: "proven" });
    expect(await cityShare()).toBeCloseTo(SHARE_2020, 9);
    const detail = releaseDetailSchema.parse((await get("/api/releases/1")).json());
    expect(detail).toMatchObject({ title: "Integrationsmonitoring 2020", publishedBy: "MONITOR_ADMIN_TOKEN" });
    // Every current delivery is listed (einwohner and arbeitsmarkt for 2018 and 2020), the replaced one not.
    expect(detail.extracts.map((e) => e.fileName).sort()).toEqual([
      "arbeitsmarkt-2018.csv",
      "arbeitsmarkt-2020.csv",
      "einwohner-2018.csv",
      "einwohner-2020.csv",
    ]);
  });

  it("keeps a published value when later data changes the draft", async () => {
    await importCorrectedEinwohner2020();
    expect(await cityShare("", analyst)).toBeCloseTo(CORRECTED_SHARE_2020, 9);
    expect(await cityShare()).toBeCloseTo(SHARE_2020, 9);
    expect(await cityShare("&release=1", analyst)).toBeCloseTo(SHARE_2020, 9);
  });

  it("lists revised values with the old and new value and why", async () => {
    const response = await publish({
      title: "Integrationsmonitoring 2020, 2. Fassung",
      note: "Korrektur des Bürgeramts",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().id).toBe(2);
    expect(await cityShare()).toBeCloseTo(CORRECTED_SHARE_2020, 9);
    expect(await cityShare("&release=1")).toBeCloseTo(SHARE_2020, 9);

    const body = revisionsResponseSchema.parse(
      (await get("/api/releases/2/revisions?indicator=auslaenderanteil")).json(),
    );
    const city2020 = body.revisions.find((r) => r.area === "stadt" && r.breakdown === "gesamt");
    expect(city2020).toMatchObject({ year: 2020, previousRelease: 1, previousTitle: "Integrationsmonitoring 2020" });
    expect(city2020?.previousValue).toBeCloseTo(SHARE_2020, 9);
    expect(city2020?.value).toBeCloseTo(CORRECTED_SHARE_2020, 9);
    expect(city2020?.reason).toContain("einwohner-2020-korrigiert.csv (Bürgeramt");
    expect(city2020?.reason).toContain("Korrektur des Bürgeramts");
    // Altstadt, Bezirk Mitte and the city changed. Feld has 2 Ausländer (withheld), Nord is Feld, so Mitte
    // (= city − Nord) is withheld in both releases, and with it its smallest Stadtteil, Neustadt: the public saw
    // "." for Mitte and still does, so Altstadt and the city are revised; 2018 is untouched.
    expect(body.revisions.map((r) => `${r.year}|${r.area}|${r.breakdown}`)).toEqual([
      "2020|11|gesamt",
      "2020|stadt|gesamt",
    ]);
    // Kinderarmut reads only children: unchanged, so not revised.
    const kinder = revisionsResponseSchema.parse(
      (await get("/api/releases/2/revisions?indicator=kinder_sgb2_u15")).json(),
    );
    expect(kinder.revisions).toEqual([]);
  });

  it("traces a value to the deliveries it was computed from", async () => {
    const sources = (await get("/api/indicators/sgb2_quote/sources?release=1")).json();
    const in2020 = sources.years.find((y: { year: number }) => y.year === 2020);
    expect(in2020.extracts.map((e: { fileName: string }) => e.fileName)).toEqual([
      "arbeitsmarkt-2020.csv",
      "einwohner-2020.csv",
    ]);
    const latest = (await get("/api/indicators/sgb2_quote/sources")).json();
    expect(latest.release).toBe(2);
    expect(latest.years.find((y: { year: number }) => y.year === 2020).extracts[1]).toMatchObject({
      fileName: "einwohner-2020-korrigiert.csv",
      office: "Bürgeramt",
      sha256: "korrigiert",
    });
  });

  it("answers bad release choices with a German 4xx", async () => {
    const draft = await get("/api/overview?area=stadt&release=entwurf");
    expect(draft.statusCode).toBe(403);
    expect(draft.json().error).toContain("Entwurf");
    expect((await get("/api/overview?area=stadt&release=entwurf", analyst)).statusCode).toBe(200);
    for (const bad of ["99", "abc", "-1", "1e3"]) {
      const response = await get(`/api/overview?area=stadt&release=${bad}`);
      expect(response.statusCode, bad).toBe(404);
      expect(response.json().error).toContain("gibt es nicht");
    }
    expect((await get("/api/releases/99")).statusCode).toBe(404);
    expect((await get("/api/releases/99/report.pdf")).statusCode).toBe(404);
    const pdf = await get("/api/releases/1/report.pdf");
    expect(pdf.statusCode).toBe(302);
    expect(pdf.headers.location).toBe("/api/report.pdf?release=1&lang=de");
    // In the language asked for (the report is printed in it).
    const dutch = await get("/api/releases/1/report.pdf?lang=nl");
    expect(dutch.headers.location).toBe("/api/report.pdf?release=1&lang=nl");
    expect((await get("/api/releases/abc")).statusCode).toBe(400);
  });

  it("publishes one release at a time", async () => {
    const first = publishRelease(city.context, { title: "Dritte Fassung", publishedBy: "test" });
    await expect(publishRelease(city.context, { title: "Zugleich", publishedBy: "test" })).rejects.toThrow(
      "„Dritte Fassung“ wird gerade geprüft",
    );
    expect((await first).id).toBe(3);
  });

  it("refuses to publish a draft the Geheimhaltung audit rejects", async () => {
    // A withheld count shown after all (as a faulty or tampered draft would): the audit must catch it.
    const { sqlite } = city.database;
    const changed = sqlite
      .prepare("update indicator_values set status = 'ok' where release = 0 and suppression = 'primary'")
      .run().changes;
    expect(changed).toBeGreaterThan(0);
    const response = await publish({ title: "Integrationsmonitoring unsicher" });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toContain("Geheimhaltungsprüfung");
    const list = releaseListResponseSchema.parse((await get("/api/releases")).json());
    expect(list.releases.map((r) => r.id)).toEqual([3, 2, 1]);
  });
});
