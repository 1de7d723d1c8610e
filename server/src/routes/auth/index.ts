import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireAnalyst } from "../../plugins/auth.ts";
import { errorSchema } from "../../schemas/common.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/check",
    {
      onRequest: requireAnalyst,
      schema: {
        tags: ["Anmeldung"],
        summary: "Prüft den Admin-Token (Authorization: Bearer …)",
        security: [{ bearer: [] }],
        response: { 204: z.null().describe("Token gültig"), 401: errorSchema },
      },
    },
    async (_request, reply) => reply.code(204).send(null),
  );
};
export default plugin;
