import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { thisCitySchema } from "../../schemas/city.ts";
import { cityFacts } from "../../services/cities.ts";
import { computableIndexConfigs } from "../../services/sozialmonitoring-reads.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Stammdaten"],
        summary: "Die Stadt dieser Adresse: Name, Sprache und die Namen ihrer Gebietsebenen",
        response: { 200: thisCitySchema },
      },
    },
    async () => ({
      ...cityFacts(app.context.config.city),
      indexConfigs: computableIndexConfigs(app.context).map((c) => c.id),
    }),
  );
};
export default plugin;
