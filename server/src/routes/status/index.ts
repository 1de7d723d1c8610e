import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { translate } from "../../i18n/index.ts";
import { statusResponseSchema } from "../../schemas/status.ts";
import { resultsStatus } from "../../services/results.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Stammdaten"],
        summary: "Stand der Ergebnisse: gehören sie zu den gespeicherten Daten, oder werden sie gerade neu berechnet?",
        response: { 200: statusResponseSchema },
      },
    },
    async (request, reply) => {
      const status = await resultsStatus(app.context);
      reply.header("cache-control", "no-store");
      const message = translate(
        request.language,
        status.upToDate
          ? "status.upToDate"
          : status.resultsGeneration === null
            ? "status.first"
            : status.recomputing
              ? "status.recomputing"
              : "status.stale",
      );
      return { ...status, message };
    },
  );
};
export default plugin;
