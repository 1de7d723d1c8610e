// Two hand-made cities in one server. Both hold the small city of testing/small-city.ts (four Stadtteile);
// "Zweitstadt" has twice the EU citizens in Altstadt (11) and states how its Ausländeranteil departs from the
// standard definition. Every expected number is worked out from small-city.ts in the comments.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CatalogueInput } from "@im/indicators";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInstance } from "./app.ts";
import { loadConfig } from "./config.ts";
import { type AppContext, openAppContext } from "./context.ts";
import { createAccount } from "./repositories/accounts.ts";
import { multipartBody, tempDir } from "./testing/app.ts";
import { catalogue, insertSmallCity } from "./testing/small-city.ts";

const temp = tempDir();
let app: FastifyInstance;
const contexts: AppContext[] = [];

async function openCity(slug: string, name: string, cityCatalogue: CatalogueInput): Promise<AppContext> {
  const cataloguePath = join(temp.dir, `${slug}.json`);
  writeFileSync(cataloguePath, JSON.stringify(cityCatalogue));
  const config = loadConfig(["--db", join(temp.dir, `${slug}.sqlite`)], {
    MONITOR_CATALOGUE: cataloguePath,
    MONITOR_DEMO: "0",
    MONITOR_PUBLIC_DRAFT: "1",
    MONITOR_WEB_DIST: temp.dir,
    MONITOR_ADMIN_TOKEN: "instance-test-token",
  });
  const context = await openAppContext({ ...config, city: { ...config.city, slug, name, basePath: `/${slug}` } });
  insertSmallCity(context.database);
  return context;
}

const pick = (ids: string[]) => catalogue.indicators.filter((i) => ids.includes(i.id));

beforeAll(async () => {
  // A dashboard build to serve: its asset paths must point into each city's path.
  writeFileSync(
    join(temp.dir, "index.html"),
    '<!doctype html>\n<html lang="de">\n  <head>\n    <script type="module" src="./assets/index-1.js"></script>\n  </head>\n</html>',
  );
  const first = await openCity("erststadt", "Erststadt", {
    ...catalogue,
    indicators: pick(["auslaenderanteil", "sgb2_quote", "anteil_mv_u18"]),
  });
  const second = await openCity("zweitstadt", "Zweitstadt", {
    ...catalogue,
    indicators: [
      ...pick(["auslaenderanteil"]).map((i) => ({
        ...i,
        comparability: { level: "eingeschraenkt" as const, note: "Zählt Doppelstaatler als Ausländer." },
        translations: {
          nl: { title: "Aandeel buitenlanders", comparabilityNote: "Telt personen met dubbele nationaliteit mee." },
        },
      })),
      ...pick(["anteil_mv_u18"]).map((i) => ({
        ...i,
        comparability: { level: "vergleichbar" as const, note: "Gleiche Definition." },
      })),
    ],
  });
  // Zweitstadt: 200 instead of 100 EU citizens aged 18–64 in Altstadt.
  second.database.sqlite
    .prepare(
      `update observation_values set value = 200 where district = 11 and year = 2020
        and key_id in (select id from observation_keys where dims like '%staatsangehoerigkeit=EU%')`,
    )
    .run();
  contexts.push(first, second);
  app = await buildInstance({ contexts });
}, 120_000);

afterAll(async () => {
  await app?.close();
  for (const c of contexts) await c.database.close();
  temp.remove();
});

describe("an instance with several cities", () => {
  it("lists its cities at the root and serves each under its own path with its own data", async () => {
    const list = await app.inject({ url: "/api/cities" });
    expect(list.json().cities.map((c: { slug: string; basePath: string }) => [c.slug, c.basePath])).toEqual([
      ["erststadt", "/erststadt"],
      ["zweitstadt", "/zweitstadt"],
    ]);
    expect((await app.inject({ url: "/erststadt/api/city" })).json()).toMatchObject({ name: "Erststadt" });
    // Whole city 2020: Erststadt 472 Ausländer of 2750; Zweitstadt 100 EU citizens more: 572 of 2850.
    const whole = async (slug: string) =>
      (await app.inject({ url: `/${slug}/api/indicators/auslaenderanteil/values?year=2020&area=stadt` })).json()
        .rows[0];
    expect(await whole("erststadt")).toMatchObject({ numerator: 472, denominator: 2750 });
    expect(await whole("zweitstadt")).toMatchObject({ numerator: 572, denominator: 2850 });
    // Each city knows only its own catalogue.
    expect((await app.inject({ url: "/zweitstadt/api/indicators/sgb2_quote" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/indicators" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/" })).body).toContain('href="/zweitstadt/"');
  });

  it("serves each city's dashboard with its path in the page, so assets and API calls stay in the city", async () => {
    const page = await app.inject({ url: "/zweitstadt/indikatoren/auslaenderanteil" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta name="im-base" content="/zweitstadt" />');
    expect(page.body).toContain('src="/zweitstadt/assets/index-1.js"');
    // Its own facts, not the other city's: the dashboard renders with them before any API call.
    expect(page.body).toMatch(/<script type="application\/json" id="im-city">\{"slug":"zweitstadt"/);
    expect((await app.inject({ url: "/zweitstadt/api/nope" })).statusCode).toBe(404);
  });

  it("names the indicators both cities compute, with the strictest comparability either states", async () => {
    const { indicators, genderCoverage } = (await app.inject({ url: "/api/cities/vergleich" })).json();
    expect(indicators.map((i: { id: string }) => i.id)).toEqual(["auslaenderanteil", "anteil_mv_u18"]);
    expect(indicators[0].comparability).toEqual({
      level: "eingeschraenkt",
      note: "Zählt Doppelstaatler als Ausländer.",
    });
    expect(indicators[0].cities.map((c: { slug: string }) => c.slug)).toEqual(["erststadt", "zweitstadt"]);
    // The small catalogue breaks nothing down by sex; its einwohner profile has the sex, so the catalogue is why.
    const erst = genderCoverage[0].fields.find((f: { field: string }) => f.field === "GD");
    expect(erst.indicators[0]).toMatchObject({ id: "auslaenderanteil", bySex: false });
    expect(erst.indicators[0].reason).toMatch(/Katalog/);
  });

  it("compares an indicator in the latest common year and ranks districts only where comparable", async () => {
    const compared = (await app.inject({ url: "/api/cities/vergleich/auslaenderanteil" })).json();
    expect(compared.year).toBe(2020);
    const [erst, zweit] = compared.cities;
    // Whole city 2020, as above.
    expect(erst.value).toBeCloseTo((472 / 2750) * 100, 10);
    expect(zweit.value).toBeCloseTo((572 / 2850) * 100, 10);
    // Four Stadtteile each; Feld (21, 2 Ausländer) is kept secret in both.
    expect(erst.areas.map((a: { code: string }) => a.code)).toEqual(["11", "12", "13", "21"]);
    expect(erst.areas.find((a: { code: string }) => a.code === "21")).toMatchObject({
      value: null,
      status: "suppressed",
    });
    // Restricted comparability: no common ranking.
    expect(compared.ranking).toBeNull();
    expect(compared.comparability.note).toBe("Zählt Doppelstaatler als Ausländer.");
    // The note in the reader's language, where the catalogue that states it has a translation.
    const dutch = (await app.inject({ url: "/api/cities/vergleich/auslaenderanteil?lang=nl" })).json();
    expect(dutch.comparability).toEqual({
      level: "eingeschraenkt",
      note: "Telt personen met dubbele nationaliteit mee.",
    });
    // Each city's title likewise: Zweitstadt translates it, Erststadt does not.
    expect(dutch.cities.map((c: { title: string }) => c.title)).toEqual([erst.title, "Aandeel buitenlanders"]);
    const missing = await app.inject({ url: "/api/cities/vergleich/sgb2_quote" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe("Der Indikator „sgb2_quote“ wird nicht in mehreren Städten berechnet.");
  });

  it("says the Städtevergleich's own texts in the reader's language", async () => {
    const dutch = await app.inject({ url: "/api/cities/vergleich", headers: { "accept-language": "nl" } });
    expect(dutch.headers.vary).toContain("Accept-Language");
    const erst = dutch.json().genderCoverage[0].fields.find((f: { field: string }) => f.field === "GD");
    expect(erst.indicators[0].reason).toBe(
      "De levering bevat het geslacht, maar de catalogus splitst er niet naar uit.",
    );
    // The catalogues' own notes are German text and stay so.
    expect(dutch.json().indicators[1].comparability.note).toBe("Gleiche Definition.");
    const missing = await app.inject({ url: "/api/cities/vergleich/sgb2_quote?lang=en" });
    expect(missing.json().error).toBe("The indicator “sgb2_quote” is not computed in several cities.");
    const badLanguage = await app.inject({ url: "/api/cities/vergleich?lang=fr" });
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.json().error).toBe("Unbekannte Sprache „fr“ (lang). Erlaubt sind: de, nl, en.");
  });

  it("ranks the districts of both cities together where the indicator is comparable", async () => {
    const compared = (await app.inject({ url: "/api/cities/vergleich/anteil_mv_u18" })).json();
    expect(compared.comparability).toEqual({ level: "vergleichbar", note: "Gleiche Definition." });
    // Minors with a migration history of all minors (small-city.ts, the same in both cities):
    // 11: 25 of 145; 12: 110 of 210; 13: 15 of 90; 21: 0 of 40.
    const byHand: Record<string, number> = { "11": 2500 / 145, "12": 11000 / 210, "13": 1500 / 90, "21": 0 };
    const ranking: { city: string; code: string; value: number }[] = compared.ranking;
    expect(new Set(ranking.map((r) => r.city))).toEqual(new Set(["erststadt", "zweitstadt"]));
    for (const entry of ranking) expect(entry.value).toBeCloseTo(byHand[entry.code], 10);
    expect(ranking.map((r) => r.value)).toEqual([...ranking.map((r) => r.value)].sort((a, b) => b - a));
  });

  it("accepts only the extract profiles its catalogue reads", async () => {
    const ids = async (slug: string) =>
      (await app.inject({ url: `/${slug}/api/profiles` })).json().profiles.map((p: { id: string }) => p.id);
    expect(await ids("erststadt")).toEqual(["einwohner", "arbeitsmarkt"]);
    expect(await ids("zweitstadt")).toEqual(["einwohner"]);
    const { payload, headers } = multipartBody({ profile: "arbeitsmarkt" }, { name: "sgb2.csv", content: "x" });
    const upload = await app.inject({
      method: "POST",
      url: "/zweitstadt/api/imports",
      payload,
      headers: { ...headers, authorization: "Bearer instance-test-token" },
    });
    expect(upload.statusCode).toBe(400);
    expect(upload.json().error).toBe(
      "Das Profil „arbeitsmarkt“ liest der Katalog dieser Stadt nicht. Erlaubt sind: einwohner.",
    );
  });

  it("has accounts per city and keeps each city's session cookie on its own path", async () => {
    await createAccount(contexts[1].database.db, { name: "anna", role: "analyst", password: "anna-passwort-1" });
    const login = (slug: string) =>
      app.inject({
        method: "POST",
        url: `/${slug}/api/auth/login`,
        payload: { name: "anna", password: "anna-passwort-1" },
      });
    expect((await login("erststadt")).statusCode).toBe(401);
    const signedIn = await login("zweitstadt");
    expect(signedIn.statusCode).toBe(200);
    // Otherwise Erststadt, not knowing the session, would clear Zweitstadt's cookie on every visit.
    expect(String(signedIn.headers["set-cookie"])).toMatch(/^im_session=[^;]+; Path=\/zweitstadt; /);
  });
});
