import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listDistricts } from "../../repositories/districts.ts";
import { districtsResponseSchema } from "../../schemas/districts.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Stammdaten"],
        summary: "Stadtteile mit Nummer, Name und Stadtbezirk",
        response: { 200: districtsResponseSchema },
      },
    },
    async () => {
      const districts = await listDistricts(app.context.database.db);
      return { districts, bezirke: [...new Set(districts.map((d) => d.bezirk))] };
    },
  );
};
export default plugin;
