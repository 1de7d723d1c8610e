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
import { findMeta, indicatorGaps, indicatorValues, readContext } from "../../services/indicator-reads.ts";
import { type PreparedBody, preparedJson, sendPrepared } from "../../services/replies.ts";
import { contentDisposition, csvForMachines, csvForPeople } from "./csv.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { context: appContext } = app;
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
      const prepared = await appContext.readCache.getOrCompute("indicators", async () => {
        const { catalogue: loaded } = await readContext(appContext);
        const version = (await readMeta(appContext.database.db, "catalogue_version")) ?? loaded.catalogue.version;
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
    async (request) => {
      const context = await readContext(appContext);
      const indicator = findMeta(context, request.params.id);
      const coverage = context.coverage.get(indicator.id);
      return {
        indicator,
        years: coverage?.years ?? [],
        areas: coverage?.areas ?? [],
        breakdowns: context.catalogue.breakdowns.get(indicator.id) ?? [],
      };
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
      const prepared = await appContext.readCache.getOrCompute(key, async (): Promise<PreparedBody> => {
        const context = await readContext(appContext);
        const response = await indicatorValues(appContext.database, context, { id, year, area, breakdown }, analyst);
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
    async (request) => {
      const { id } = request.params;
      const { area } = request.query;
      const analyst = isAnalyst(request);
      return appContext.readCache.getOrCompute(`gaps|${id}|${area}|${analyst}`, async () =>
        indicatorGaps(appContext.database, await readContext(appContext), id, area, analyst),
      );
    },
  );
};
export default plugin;
