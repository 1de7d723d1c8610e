import type { ExtractProfile } from "@im/data-import";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type ProfileSummary, profilesResponseSchema } from "../../schemas/profiles.ts";
import { currentCatalogue } from "../../services/catalogue-loading.ts";

function summarize(p: ExtractProfile): ProfileSummary {
  return {
    id: p.id,
    title: p.title,
    office: p.office,
    description: p.description,
    area: p.area,
    period: p.period,
    columns: p.columns.map((c) => ({
      header: c.header,
      kind: c.kind,
      dimension: c.kind === "code" || c.kind === "age" ? c.dimension : null,
      codes: c.kind === "code" ? Object.keys(c.codes) : null,
      measure: c.kind === "count" ? c.measure : null,
      label: c.kind === "count" ? c.label : null,
    })),
  };
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Stammdaten"],
        summary:
          "Extraktprofile dieser Stadt (die ihr Katalog liest): welche Datei welches Amt liefert, mit ihren Spalten",
        response: { 200: profilesResponseSchema },
      },
    },
    async () => ({ profiles: currentCatalogue(app.context).profiles.map(summarize) }),
  );
};
export default plugin;
