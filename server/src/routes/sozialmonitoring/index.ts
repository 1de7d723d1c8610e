import { comparisonIn } from "@im/indicators";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { errorSchema } from "../../schemas/common.ts";
import {
  comparisonsResponseSchema,
  indexQuerySchema,
  indexResponseSchema,
  segregationQuerySchema,
  segregationResponseSchema,
  seriesQuerySchema,
  seriesResponseSchema,
} from "../../schemas/sozialmonitoring.ts";
import { preparedJson, sendPrepared } from "../../services/replies.ts";
import {
  comparisonsOf,
  indexFor,
  segregationResults,
  segregationSeries,
} from "../../services/sozialmonitoring-reads.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/comparisons",
    {
      schema: {
        tags: ["Sozialmonitoring"],
        summary: "Die Gruppenvergleiche der Segregationsmessung",
        response: { 200: comparisonsResponseSchema },
      },
    },
    async (request) => ({
      comparisons: comparisonsOf(app.context)
        .map((c) => comparisonIn(c, request.language))
        .map((c) => ({
          id: c.id,
          label: c.label,
          kind: c.kind,
          focal: c.focal,
          groups: c.groups.map(({ id, label }) => ({ id, label })),
          reference: c.reference,
        })),
    }),
  );

  app.get(
    "/segregation",
    {
      schema: {
        tags: ["Sozialmonitoring"],
        summary: "Segregationsmaße je Vergleich, Jahr und Gebiet (Stadt oder Stadtbezirk; Einheiten sind Stadtteile)",
        querystring: segregationQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: segregationResponseSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { year, comparison, area } = request.query;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      const { language } = request;
      const prepared = await app.context.readCache.getOrCompute(
        `segregation|${release}|${year ?? ""}|${comparison ?? ""}|${area ?? ""}|${analyst}|${language}`,
        async () =>
          preparedJson(await segregationResults(app.context, { release, year, comparison, area, language }, analyst)),
      );
      return sendPrepared(request, reply, prepared);
    },
  );

  app.get(
    "/segregation/series",
    {
      schema: {
        tags: ["Sozialmonitoring"],
        summary: "Zeitreihe der Segregationsmaße eines Vergleichs",
        querystring: seriesQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: seriesResponseSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { comparison, area } = request.query;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      const { language } = request;
      const prepared = await app.context.readCache.getOrCompute(
        `segregation-series|${release}|${comparison}|${area ?? ""}|${analyst}|${language}`,
        async () =>
          preparedJson(await segregationSeries(app.context, { release, comparison, area, language }, analyst)),
      );
      return sendPrepared(request, reply, prepared);
    },
  );

  app.get(
    "/index",
    {
      schema: {
        tags: ["Sozialmonitoring"],
        summary:
          "Status- und Dynamikindex der Stadtteile (Voreinstellung: neuestes Jahr, Konfiguration muenster; config=berlin-mss-s1-s4 für das Berliner Verfahren auf S1–S4)",
        querystring: indexQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: indexResponseSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { year, config } = request.query;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      const prepared = await app.context.readCache.getOrCompute(
        `index|${release}|${year ?? ""}|${config ?? ""}|${analyst}`,
        async () => preparedJson(await indexFor(app.context, { release, year, config }, analyst)),
      );
      return sendPrepared(request, reply, prepared);
    },
  );
};
export default plugin;
