import { readFileSync } from "node:fs";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { translate } from "../../i18n/index.ts";
import { errorSchema } from "../../schemas/common.ts";
import { type FeatureCollection, featureCollectionSchema } from "../../schemas/geo.ts";

/** Reads and checks the configured file once, so a broken file stops the start instead of the map. */
export function loadGeojson(path: string): FeatureCollection {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`MONITOR_GEOJSON: Die Datei ${path} kann nicht gelesen werden (${(error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`MONITOR_GEOJSON: ${path} ist kein gültiges JSON.`);
  }
  const result = featureCollectionSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `MONITOR_GEOJSON: ${path} ist keine GeoJSON-FeatureCollection (${result.error.issues[0]?.message}).`,
    );
  }
  return result.data;
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { geojsonPath } = app.context.config;
  const geojson = geojsonPath ? loadGeojson(geojsonPath) : null;

  app.get(
    "/stadtteile",
    {
      schema: {
        tags: ["Stammdaten"],
        summary: "Stadtteilgrenzen als GeoJSON (mit Quellenangabe in `attribution`)",
        response: { 200: featureCollectionSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      if (!geojson) return reply.code(404).send({ error: translate(request.language, "geo.none") });
      return reply.type("application/geo+json; charset=utf-8").send(geojson);
    },
  );
};
export default plugin;
