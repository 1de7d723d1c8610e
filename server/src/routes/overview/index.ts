import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { errorSchema } from "../../schemas/common.ts";
import { areaQuerySchema, overviewResponseSchema } from "../../schemas/indicators.ts";
import { overview, readContext } from "../../services/indicator-reads.ts";
import { preparedJson, sendPrepared } from "../../services/replies.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Übersicht: je Indikator der neueste Wert, die Zeitreihe und der Gruppenvergleich für ein Gebiet",
        querystring: areaQuerySchema,
        security: [{}, { bearer: [] }],
        response: { 200: overviewResponseSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { area } = request.query;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      const { language } = request;
      const key = `overview|${release}|${area}|${analyst}|${language}`;
      const prepared = await app.context.readCache.getOrCompute(key, async () => {
        const context = await readContext(app.context, release, language);
        return preparedJson(await overview(app.context.database, context, area, analyst));
      });
      return sendPrepared(request, reply, prepared);
    },
  );
};
export default plugin;
