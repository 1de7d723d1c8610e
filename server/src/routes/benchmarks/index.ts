import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { benchmarksQuerySchema, benchmarksResponseSchema } from "../../schemas/benchmarks.ts";
import { errorSchema } from "../../schemas/common.ts";
import { areaBenchmarks } from "../../services/benchmarks.ts";
import { readContext } from "../../services/indicator-reads.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { context: appContext } = app;
  app.get(
    "/",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Alle Stadtteile und Stadtbezirke gegen die Gesamtstadt, für die Indikatoren eines Handlungsfelds",
        description:
          "Besser, ähnlich oder schlechter nach dem 95-%-Vertrauensbereich (Wilson) und der Richtung des Indikators; geheim zu haltende Werte werden öffentlich nicht verglichen.",
        querystring: benchmarksQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: benchmarksResponseSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const analyst = isAnalyst(request);
      const { field, year } = request.query;
      const release = chosenRelease(request);
      const { language } = request;
      const key = `benchmarks|${release}|${field}|${year ?? ""}|${analyst}|${language}`;
      return appContext.readCache.getOrCompute(key, async () =>
        areaBenchmarks(appContext.database, await readContext(appContext, release, language), { field, year }, analyst),
      );
    },
  );
};
export default plugin;
