import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { readMeta } from "../../repositories/indicator-values.ts";
import { errorSchema } from "../../schemas/common.ts";
import {
  areaQuerySchema,
  gapsResponseSchema,
  indicatorDetailResponseSchema,
  indicatorListResponseSchema,
  indicatorParamsSchema,
  valuesQuerySchema,
  valuesResponseSchema,
} from "../../schemas/indicators.ts";
import { currentCatalogue, useCatalogueFor } from "../../services/catalogue-loading.ts";
import { findMeta, indicatorGaps, indicatorValues, readContext } from "../../services/indicator-reads.ts";
import { cached } from "../../services/read-cache.ts";
import { recompute } from "../../services/recompute.ts";
import { type PreparedBody, preparedJson, problemReply, sendPrepared } from "../../services/replies.ts";
import { contentDisposition, csvForMachines, csvForPeople } from "./csv.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  const cataloguePath = app.config.cataloguePath;
  // A broken catalogue must stop the start-up with its German problem list, not surface on the first request.
  const catalogue = currentCatalogue(cataloguePath);
  useCatalogueFor(app.database, cataloguePath);
  // Results computed with another catalogue file are stale: recompute once at start-up.
  const computedWith = await readMeta(app.database.db, "catalogue_sha256");
  if (computedWith !== catalogue.sha256) await recompute(app.database, { cataloguePath });

  app.get(
    "/",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Indikatorenkatalog: Handlungsfelder und Indikatoren",
        response: { 200: indicatorListResponseSchema },
      },
    },
    async (_request, reply) => {
      const prepared = await cached(app.database, "indicators", async () => {
        const { catalogue: loaded } = await readContext(app.database, cataloguePath);
        const version = (await readMeta(app.database.db, "catalogue_version")) ?? loaded.catalogue.version;
        const body = indicatorListResponseSchema.parse({
          version,
          fields: loaded.catalogue.fields,
          indicators: loaded.list,
        });
        return preparedJson(body);
      });
      return sendPrepared(reply, prepared);
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Ein Indikator mit den vorhandenen Jahren, Gebieten und Aufschlüsselungen",
        params: indicatorParamsSchema,
        response: { 200: indicatorDetailResponseSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const context = await readContext(app.database, cataloguePath);
      try {
        const indicator = findMeta(context, request.params.id);
        const coverage = context.coverage.get(indicator.id);
        return {
          indicator,
          years: coverage?.years ?? [],
          areas: coverage?.areas ?? [],
          breakdowns: context.catalogue.breakdowns.get(indicator.id) ?? [],
        };
      } catch (error) {
        return problemReply(reply, error);
      }
    },
  );

  app.get(
    "/:id/values",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Werte eines Indikators als JSON oder CSV (de: für Tabellenkalkulation, en: für Programme)",
        description:
          "Gesperrte Werte (Geheimhaltung) sind öffentlich null mit Status „suppressed“; mit gültigem Bearer-Token werden sie mit „confidential: true“ gezeigt.",
        params: indicatorParamsSchema,
        querystring: valuesQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: valuesResponseSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { year, area, breakdown, format, flavour } = request.query;
      const analyst = isAnalyst(request);
      const key = `values|${id}|${year ?? ""}|${area ?? ""}|${breakdown ?? ""}|${format}|${format === "csv" ? flavour : ""}|${analyst}`;
      try {
        const prepared = await cached(app.database, key, async (): Promise<PreparedBody> => {
          const context = await readContext(app.database, cataloguePath);
          const response = await indicatorValues(app.database, context, { id, year, area, breakdown }, analyst);
          if (format === "json") return preparedJson(response);
          const meta = findMeta(context, id);
          const name =
            `${id}_${area ?? "alle-gebiete"}_${year ?? "alle-jahre"}${breakdown ? `_${breakdown}` : ""}.csv`.replace(
              ":",
              "-",
            );
          const labels = new Map((context.catalogue.breakdowns.get(id) ?? []).map((b) => [b.id, b.label]));
          return {
            body: Buffer.from(flavour === "de" ? csvForPeople(response, meta.unit, labels) : csvForMachines(response)),
            type: "text/csv; charset=utf-8",
            disposition: contentDisposition(name),
          };
        });
        return sendPrepared(reply, prepared);
      } catch (error) {
        return problemReply(reply, error);
      }
    },
  );

  app.get(
    "/:id/gaps",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Abstand zwischen den Vergleichsgruppen eines Indikators im Zeitverlauf",
        params: indicatorParamsSchema,
        querystring: areaQuerySchema,
        response: { 200: gapsResponseSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      try {
        const { id } = request.params;
        const { area } = request.query;
        return await cached(app.database, `gaps|${id}|${area}`, async () =>
          indicatorGaps(app.database, await readContext(app.database, cataloguePath), id, area),
        );
      } catch (error) {
        return problemReply(reply, error);
      }
    },
  );
};
export default plugin;
