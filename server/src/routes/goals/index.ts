import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { errorSchema } from "../../schemas/common.ts";
import { goalParamsSchema, goalProgressSchema, goalsResponseSchema } from "../../schemas/goals.ts";
import { areaQuerySchema } from "../../schemas/indicators.ts";
import { goalProgress, goalsProgress } from "../../services/goals.ts";
import { readContext } from "../../services/indicator-reads.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { context: appContext } = app;
  app.get(
    "/",
    {
      schema: {
        tags: ["Ziele"],
        summary: "Die Ziele des Leitbilds mit der Bewertung des Fortschritts in einem Gebiet (Standard: Gesamtstadt)",
        description:
          "Kurzfristig (letzte fünf Jahre) und langfristig (seit dem Basisjahr) nach der Methode des EU-SDG-Monitorings von Eurostat; `method` beschreibt sie. Öffentlich nie auf geheim zu haltenden Werten; mit gültigem Bearer-Token auf den wahren Werten, dann mit „confidential: true“.",
        querystring: areaQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: goalsResponseSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const analyst = isAnalyst(request);
      const { area } = request.query;
      const release = chosenRelease(request);
      const { language } = request;
      return appContext.readCache.getOrCompute(`goals|${release}|${area}|${analyst}|${language}`, async () =>
        goalsProgress(appContext.database, await readContext(appContext, release, language), area, analyst),
      );
    },
  );

  app.get(
    "/:id/progress",
    {
      schema: {
        tags: ["Ziele"],
        summary: "Ein Ziel mit der Bewertung jedes seiner Indikatoren in einem Gebiet",
        params: goalParamsSchema,
        querystring: areaQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: goalProgressSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const analyst = isAnalyst(request);
      return goalProgress(
        appContext.database,
        await readContext(appContext, chosenRelease(request), request.language),
        request.params.id,
        request.query.area,
        analyst,
      );
    },
  );
};
export default plugin;
