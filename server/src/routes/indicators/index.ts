import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { DRAFT, readMeta } from "../../repositories/indicator-values.ts";
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
import { sourcesResponseSchema } from "../../schemas/releases.ts";
import { findMeta, indicatorGaps, indicatorValues, readContext } from "../../services/indicator-reads.ts";
import { indicatorSources } from "../../services/releases.ts";
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
    async (request, reply) => {
      // The catalogue is no secret: before anything is published, the public reads today's.
      const release = request.releaseChoice ?? DRAFT;
      const { language } = request;
      const prepared = await appContext.readCache.getOrCompute(`indicators|${release}|${language}`, async () => {
        const { catalogue: loaded } = await readContext(appContext, release, language);
        const version =
          release === DRAFT
            ? ((await readMeta(appContext.database.db, "catalogue_version")) ?? loaded.catalogue.version)
            : loaded.catalogue.version;
        const body = indicatorListResponseSchema.parse({
          version,
          fields: loaded.catalogue.fields,
          indicators: loaded.list,
        });
        return preparedJson(body);
      });
      return sendPrepared(request, reply, prepared);
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
      const context = await readContext(appContext, chosenRelease(request), request.language);
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
      // The people's CSV and the JSON's names and footnotes alike follow the request's language.
      const lang = request.language;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      const key = `values|${release}|${id}|${year ?? ""}|${area ?? ""}|${breakdown ?? ""}|${format}|${format === "csv" ? flavour : ""}|${analyst}|${lang}`;
      const prepared = await appContext.readCache.getOrCompute(key, async (): Promise<PreparedBody> => {
        // The machines' CSV stays German in every language, as it always was.
        const context = await readContext(appContext, release, format === "csv" && flavour === "en" ? "de" : lang);
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
          body: Buffer.from(
            flavour === "de" ? csvForPeople(response, meta.unit, labels, lang) : csvForMachines(response),
          ),
          type: "text/csv; charset=utf-8",
          disposition: contentDisposition(name),
        };
      });
      return sendPrepared(request, reply, prepared);
    },
  );

  app.get(
    "/:id/sources",
    {
      schema: {
        tags: ["Indikatoren"],
        summary:
          "Herkunft der Werte: je Jahr die Lieferungen (Datei, Amt, SHA-256, Einlesezeit), aus denen sie berechnet sind",
        params: indicatorParamsSchema,
        response: { 200: sourcesResponseSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const release = chosenRelease(request);
      const { language } = request;
      return appContext.readCache.getOrCompute(`sources|${release}|${request.params.id}|${language}`, async () =>
        indicatorSources(appContext, await readContext(appContext, release, language), request.params.id),
      );
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
      const release = chosenRelease(request);
      const { language } = request;
      return appContext.readCache.getOrCompute(`gaps|${release}|${id}|${area}|${analyst}|${language}`, async () =>
        indicatorGaps(appContext.database, await readContext(appContext, release, language), id, area, analyst),
      );
    },
  );
};
export default plugin;
