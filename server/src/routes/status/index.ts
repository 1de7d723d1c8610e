import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
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
    async (_request, reply) => {
      const status = await resultsStatus(app.context);
      reply.header("cache-control", "no-store");
      const message = status.upToDate
        ? "Die Ergebnisse entsprechen den gespeicherten Daten."
        : status.resultsGeneration === null
          ? "Die Ergebnisse werden zum ersten Mal berechnet (beim ersten Start einige Minuten); die Seiten füllen sich danach von selbst."
          : status.recomputing
            ? "Neue Daten werden gerade eingerechnet; bis dahin gelten die zuletzt berechneten Ergebnisse."
            : "Die Ergebnisse sind älter als die gespeicherten Daten und werden in Kürze neu berechnet.";
      return { ...status, message };
    },
  );
};
export default plugin;
