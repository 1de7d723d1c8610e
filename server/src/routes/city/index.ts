import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { citySchema } from "../../schemas/city.ts";
import { cityFacts } from "../../services/cities.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Stammdaten"],
        summary: "Die Stadt dieser Adresse: Name, Sprache und die Namen ihrer Gebietsebenen",
        response: { 200: citySchema },
      },
    },
    async () => cityFacts(app.context.config.city),
  );
};
export default plugin;
