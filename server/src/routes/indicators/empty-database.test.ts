import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { DEFAULT_CATALOGUE_PATH, loadConfig } from "../../config.ts";
import { createAppContext } from "../../context.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";

let dir: string;
let database: DatabaseHandle;
let app: FastifyInstance;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "im-empty-"));
  // The public reads the (empty) draft: before any release it would get the German 404 of releases.test.ts.
  const config = loadConfig(["--db", join(dir, "leer.sqlite")], { MONITOR_DEMO: "0", MONITOR_PUBLIC_DRAFT: "1" });
  database = await openDatabase(config.dbPath);
  app = await buildApp({ context: createAppContext(config, database) });
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("an app on an empty database with the shipped catalogue", () => {
  it("starts and lists the shipped catalogue", async () => {
    const shipped = JSON.parse(readFileSync(DEFAULT_CATALOGUE_PATH, "utf8"));
    const body = (await app.inject("/api/indicators")).json();
    expect(body.version).toBe(shipped.version);
    expect(body.indicators.length).toBeGreaterThan(40);
  });

  it("answers reads with empty results and German explanations instead of errors", async () => {
    const values = await app.inject("/api/indicators/anteil_mv/values");
    expect(values.statusCode).toBe(200);
    expect(values.json()).toEqual({ rows: [], footnotes: ["Für diesen Indikator liegen noch keine Daten vor."] });
    expect((await app.inject("/api/indicators/anteil_mv")).json()).toMatchObject({ years: [], areas: [] });
    expect((await app.inject("/api/overview")).json()).toEqual({ year: null, cards: [] });
    expect((await app.inject("/api/sozialmonitoring/segregation")).json()).toEqual({ results: [] });
    const index = await app.inject("/api/sozialmonitoring/index");
    expect(index.statusCode).toBe(404);
    expect(index.json().error).toBe(
      "Es gibt noch keinen Sozialindex: dafür fehlen importierte Einwohner- und SGB-II-Daten.",
    );
  });
});
