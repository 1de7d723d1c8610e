import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CatalogueError } from "@im/indicators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createAppContext } from "../context.ts";
import { readMeta } from "../repositories/indicator-values.ts";
import { testEngines } from "../testing/engines.ts";
import { ADMIN_TOKEN, catalogue, openSmallCity, type SmallCity } from "../testing/small-city.ts";
import { recompute } from "./recompute.ts";

describe.each(testEngines)("recompute on %s", (engine) => {
  let city: SmallCity;
  beforeAll(async () => {
    city = await openSmallCity({ engine });
  });
  afterAll(() => city.close());

  it("stores the catalogue version and the computation time", async () => {
    const summary = await recompute(city.context);
    expect(summary.catalogueVersion).toBe("test-2026.1");
    expect(summary.indicatorRows).toBeGreaterThan(0);
    // 5 comparisons × 2 years × 3 areas, and the index for both years
    expect(summary.segregationResults).toBe(30);
    expect(summary.indexYears).toEqual([2018, 2020]);
    expect(await readMeta(city.database.db, "catalogue_version")).toBe("test-2026.1");
    expect(Number(await readMeta(city.database.db, "computation_ms"))).toBeGreaterThanOrEqual(0);
    expect(Date.parse((await readMeta(city.database.db, "computed_at")) ?? "")).not.toBeNaN();
  });

  it("replaces the stored values so that the next request sees the new data", async () => {
    const url = "/api/indicators/auslaenderanteil/values?year=2020&area=11";
    // Analysts see the true values (the public may see a dot: Geheimhaltung is tested elsewhere).
    const asAnalyst = { url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    expect((await city.app.inject(asAnalyst)).json().rows[0].numerator).toBe(150);
    const { db } = city.database;
    const extract = await db
      .selectFrom("extracts")
      .select("id")
      .where("profile", "=", "einwohner")
      .where("year", "=", 2020)
      .where("replaced_by", "is", null)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("observations")
      .values({
        extract_id: extract.id,
        profile: "einwohner",
        year: 2020,
        district: 11,
        dims: "geschlecht=m|alter=18-64|staatsangehoerigkeit=EU|migrationsvorgeschichte=auslaendisch",
        measure: "einwohner",
        value: 50,
      })
      .execute();
    await recompute(city.context);
    const [row] = (await city.app.inject(asAnalyst)).json().rows;
    expect([row.numerator, row.denominator]).toEqual([200, 1050]);
  });

  it("refuses a broken catalogue with every problem in German and writes nothing", async () => {
    const broken = join(city.dir, "broken.json");
    const [first, second, ...rest] = catalogue.indicators;
    const indicators = [
      { ...first, unit: "Prozent" },
      { ...second, denominator: { profile: "einwohner", measures: ["einwohnerzahl"] } },
      ...rest,
    ];
    writeFileSync(broken, JSON.stringify({ ...catalogue, indicators }));
    const before = await city.database.db
      .selectFrom("indicator_values")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const error = await recompute(city.context, { cataloguePath: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueError);
    const message = (error as CatalogueError).message;
    expect(message).toMatch(/^Der Indikatorenkatalog ist ungültig \(2 Probleme\)/);
    expect(message).toContain("indicators[0].unit: Indikator „auslaenderanteil“: muss „%“ oder „‰“ sein");
    expect(message).toContain(
      "indicators[1].denominator.measures[0]: Indikator „sgb2_quote“: Nenner: Messgröße „einwohnerzahl“ gibt es im Profil „einwohner“ nicht",
    );
    const after = await city.database.db
      .selectFrom("indicator_values")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("stops the start-up when the configured catalogue is not valid JSON", async () => {
    const broken = join(city.dir, "kaputt.json");
    writeFileSync(broken, "{ version: 1");
    const config = loadConfig(["--db", ":memory:"], { MONITOR_CATALOGUE: broken, MONITOR_DEMO: "0" });
    await expect(buildApp({ context: createAppContext(config, city.database) })).rejects.toThrow(
      /Der Indikatorenkatalog ist ungültig \(1 Problem\):\n- \(Datei\): Die Katalogdatei .*kaputt\.json ist kein gültiges JSON/,
    );
  });
});
