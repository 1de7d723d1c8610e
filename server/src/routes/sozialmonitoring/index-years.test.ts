import { afterAll, beforeAll, expect, it } from "vitest";
import { indexResponseSchema } from "../../schemas/sozialmonitoring.ts";
import { recompute } from "../../services/recompute.ts";
import { openSmallCity, type SmallCity } from "../../testing/small-city.ts";

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
  // A later year delivered by one office only: the core indicators of 2022 are all missing.
  const { sqlite } = city.database;
  const extract = sqlite
    .prepare(
      `insert into extracts (profile, office, year, stichtag, file_name, sha256, encoding, line_count, observation_count, imported_at, imported_by)
       values ('arbeitsmarkt', 'Test', 2022, '2022-12-31', 'a.csv', 'x2022', 'utf-8', 1, 1, '2026-11-22T00:00:00Z', 'test')`,
    )
    .run().lastInsertRowid;
  sqlite
    .prepare(
      "insert into observations (extract_id, profile, year, district, dims, measure, value) values (?, ?, ?, ?, ?, ?, ?)",
    )
    .run(
      extract,
      "arbeitsmarkt",
      2022,
      11,
      "geschlecht=w|alter=15-64|nationalitaet=deutsch",
      "sgb2_leistungsberechtigte",
      40,
    );
  await recompute(city.context);
});
afterAll(() => city.close());

it("keeps the latest year with classified Stadtteile as the default when a later year lacks the core indicators", async () => {
  const body = indexResponseSchema.parse((await city.app.inject("/api/sozialmonitoring/index")).json());
  expect(body.year).toBe(2020);
  expect(body.units.length).toBe(3);
  const later = await city.app.inject("/api/sozialmonitoring/index?year=2022");
  expect(later.statusCode).toBe(400);
  expect(later.json().error).toContain("Verfügbare Jahre: 2018, 2020");
});
