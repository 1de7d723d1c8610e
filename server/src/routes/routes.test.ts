// The small resources: districts, profiles, auth check, GeoJSON, the dashboard files and the OpenAPI document.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { MUENSTER_STADTTEILE_FILE, referenceFolder } from "../../../tests/support/reference-folder.ts";
import { SYNTHETIC_CITY_PATH } from "../../../tests/support/synthetic-city.ts";
import { type TestApp, tempDir, testApp } from "../testing/app.ts";
import { cityIndexHtml } from "./web/index.ts";

const reference = referenceFolder("Auslieferung von Münsters echten Stadtteilgrenzen");

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("GET /api/districts", () => {
  it("lists the Stadtteile with number, name and Stadtbezirk, and the Stadtbezirke once each", async () => {
    t = await testApp();
    const res = await t.app.inject({ url: "/api/districts" });
    expect(res.statusCode).toBe(200);
    const { districts, bezirke } = res.json();
    expect(districts).toHaveLength(45);
    expect(districts[0]).toEqual({ number: 11, name: "Aegidii", bezirk: "Mitte" });
    expect(bezirke).toEqual(["Mitte", "West", "Nord", "Ost", "Süd-Ost", "Hiltrup"]);
  });
});

describe("GET /api/profiles", () => {
  it("describes every extract profile with its columns for the upload form", async () => {
    t = await testApp();
    const { profiles } = (await t.app.inject({ url: "/api/profiles" })).json();
    const einwohner = profiles.find((p: { id: string }) => p.id === "einwohner");
    expect(einwohner).toMatchObject({
      title: "Einwohner (Melderegister)",
      office: "Statistikdienststelle",
      area: "stadtteil",
    });
    expect(einwohner.columns.map((c: { header: string }) => c.header)).toEqual([
      "Stichtag",
      "Stadtteil",
      "Geschlecht",
      "Alter",
      "Staatsangehoerigkeit",
      "Migrationsvorgeschichte",
      "Anzahl",
    ]);
    expect(einwohner.columns[4]).toMatchObject({ kind: "code", codes: ["deutsch", "EU", "Drittstaat", "ungeklaert"] });
    expect(einwohner.columns[6]).toMatchObject({ kind: "count", measure: "einwohner" });
  });
});

describe("GET /api/auth/check", () => {
  it("answers 204 for the admin token and 401 for a wrong or missing one", async () => {
    t = await testApp();
    expect((await t.app.inject({ url: "/api/auth/check", headers: t.auth })).statusCode).toBe(204);
    const wrong = await t.app.inject({
      url: "/api/auth/check",
      headers: { authorization: "Bearer test-token-012345678" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toContain("Der Token ist ungültig");
    const missing = await t.app.inject({ url: "/api/auth/check" });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toContain("Anmeldung erforderlich");
    expect((await t.app.inject({ url: "/api/auth/check", headers: { authorization: "Basic abc" } })).statusCode).toBe(
      401,
    );
  });
});

describe("GET /api/geo/stadtteile", () => {
  it("serves the configured FeatureCollection with its attribution", async () => {
    t = await testApp({ geojsonPath: SYNTHETIC_CITY_PATH });
    const res = await t.app.inject({ url: "/api/geo/stadtteile" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/geo+json");
    const body = res.json();
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(7);
    expect(body.features[0].properties).toEqual({ code: "11", name: "Altstadt", bezirk: "Mitte" });
    expect(body.attribution).toContain("erfundenen Stadt");
    // The city says so, and the dashboard asks for the boundaries only then.
    expect((await t.app.inject({ url: "/api/city" })).json().boundaries).toBe(true);
  });

  reference.it("serves Münster's boundary file with its 45 Stadtteile and licence notice", async () => {
    t = await testApp({ geojsonPath: reference.path(MUENSTER_STADTTEILE_FILE) });
    const res = await t.app.inject({ url: "/api/geo/stadtteile" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/geo+json");
    const body = res.json();
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(45);
    expect(body.attribution).toContain("Datenlizenz Deutschland");
  });

  it("answers 404 with a German message when no file is configured", async () => {
    t = await testApp();
    const res = await t.app.inject({ url: "/api/geo/stadtteile" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toContain("MONITOR_GEOJSON");
    expect((await t.app.inject({ url: "/api/city" })).json().boundaries).toBe(false);
  });

  it("refuses to start with a file that is not a FeatureCollection", async () => {
    const temp = tempDir();
    const notGeo = join(temp.dir, "kein.geojson");
    writeFileSync(notGeo, JSON.stringify({ type: "Feature", geometry: null, properties: {} }));
    try {
      await expect(testApp({ geojsonPath: notGeo })).rejects.toThrow(/keine GeoJSON-FeatureCollection/);
      await expect(testApp({ geojsonPath: join(temp.dir, "fehlt.geojson") })).rejects.toThrow(
        /kann nicht gelesen werden/,
      );
    } finally {
      temp.remove();
    }
  });
});

describe("the dashboard", () => {
  it("serves web/dist and falls back to index.html for client-side routes, but not for /api", async () => {
    const dist = tempDir();
    mkdirSync(join(dist.dir, "assets"));
    writeFileSync(
      join(dist.dir, "index.html"),
      '<!doctype html><html lang="de"><head><title>Dashboard</title></head></html>',
    );
    writeFileSync(join(dist.dir, "assets", "app.js"), "console.log(1)");
    t = await testApp({ webDistPath: dist.dir });
    onTestFinished(dist.remove);

    const asset = await t.app.inject({ url: "/assets/app.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log(1)");
    // Bundles are named by their content's hash: a phone keeps them; the page that names them is asked for anew.
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    // What a phone downloads: the bundles compressed.
    const bundle = `console.log(${JSON.stringify("Integrationsmonitor ".repeat(200))});`;
    writeFileSync(join(dist.dir, "assets", "big.js"), bundle);
    const compressed = await t.app.inject({ url: "/assets/big.js", headers: { "accept-encoding": "br" } });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(bundle);
    const route = await t.app.inject({ url: "/indikatoren/arbeitslosigkeit?jahr=2020" });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain("<title>Dashboard</title>");
    expect(route.headers["cache-control"]).toBeUndefined();
    // The city's facts travel inside the page, as GET /api/city gives them: no round trip before the first render.
    const written = /<script type="application\/json" id="im-city">(.*?)<\/script>/.exec(route.body)?.[1];
    expect(JSON.parse(written ?? "null")).toEqual((await t.app.inject({ url: "/api/city" })).json());
    const api = await t.app.inject({ url: "/api/gibtsnicht" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe("Nicht gefunden: GET /api/gibtsnicht");
  });

  it("writes the city's facts into index.html so that no text in them can end the data block", () => {
    const html = cityIndexHtml('<html lang="de"><head></head></html>', "", "de", { name: "</script><b>x" });
    const block = /<script type="application\/json" id="im-city">(.*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(block).not.toContain("<");
    expect(JSON.parse(block)).toEqual({ name: "</script><b>x" });
  });

  it("explains in German how to build it when web/dist is missing", async () => {
    t = await testApp();
    const res = await t.app.inject({ url: "/" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("npm run build -w web");
  });
});

describe("GET /docs", () => {
  it("publishes an OpenAPI document generated from the route schemas", async () => {
    t = await testApp();
    const res = await t.app.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const { paths } = res.json();
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        "/api/imports/",
        "/api/districts/",
        "/api/profiles/",
        "/api/auth/check",
        "/api/geo/stadtteile",
      ]),
    );
    expect(Object.keys(paths["/api/imports/"].post.responses).sort()).toEqual(
      ["200", "201", "400", "401", "409", "413", "422", "503"].sort(),
    );
  });
});
