import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { thisCitySchema } from "../../schemas/city.ts";
import { thisCity } from "../../services/cities.ts";

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
    async () => thisCity(app.context),
  );
};
export default plugin;
