import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { cityListSchema, crossCityIndicatorSchema, crossCityListSchema } from "../../schemas/city.ts";
import { errorSchema } from "../../schemas/common.ts";
import { cityFacts, comparableIndicators, compareIndicator } from "../../services/cities.ts";
import { RequestProblem } from "../../services/replies.ts";

/** The cities of an instance that serves several, and what they have in common (at the instance's root). */
const plugin: FastifyPluginAsyncZod<{ contexts: AppContext[] }> = async (app, { contexts }) => {
  app.get(
    "/",
    { schema: { tags: ["Städte"], summary: "Die Städte dieser Instanz", response: { 200: cityListSchema } } },
    async () => ({ cities: contexts.map((c) => cityFacts(c.config.city)) }),
  );
  app.get(
    "/vergleich",
    {
      schema: {
        tags: ["Städte"],
        summary:
          "Indikatoren, die mehrere Städte berechnen, mit ihrer Vergleichbarkeit und den Definitionen jeder Stadt",
        response: { 200: crossCityListSchema },
      },
    },
    async (request) => comparableIndicators(contexts, request.language),
  );
  app.get(
    "/vergleich/:id",
    {
      schema: {
        tags: ["Städte"],
        summary:
          "Ein Indikator in allen Städten (veröffentlichte Werte): Gesamtstadt, Abstand zwischen den Gruppen und alle Gebiete im letzten gemeinsamen Jahr",
        params: z.object({ id: z.string().min(1) }),
        response: { 200: crossCityIndicatorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const compared = await compareIndicator(app, contexts, request.params.id, request.language);
      if (compared === null) {
        throw new RequestProblem(404, "indicator.notShared", { id: request.params.id.slice(0, 60) });
      }
      return compared;
    },
  );
};
export default plugin;
