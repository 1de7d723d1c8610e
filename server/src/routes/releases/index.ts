import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireAnalyst } from "../../plugins/auth.ts";
import { recordAudit } from "../../repositories/audit-log.ts";
import { errorSchema } from "../../schemas/common.ts";
import {
  publishBodySchema,
  publishResponseSchema,
  releaseDetailSchema,
  releaseListResponseSchema,
  releaseParamsSchema,
  revisionsQuerySchema,
  revisionsResponseSchema,
} from "../../schemas/releases.ts";
import { readContext } from "../../services/indicator-reads.ts";
import { publishRelease, releaseDetail, releaseList, releaseRevisions } from "../../services/releases.ts";

const plugin: FastifyPluginAsyncZod = async (app) => {
  const appContext = app.context;

  app.get(
    "/",
    {
      schema: {
        tags: ["Veröffentlichungen"],
        summary: "Alle Veröffentlichungen, neueste zuerst; öffentlich gilt ohne ?release= die neueste",
        response: { 200: releaseListResponseSchema },
      },
    },
    async () => releaseList(appContext),
  );

  app.get(
    "/:id",
    {
      schema: {
        tags: ["Veröffentlichungen"],
        summary:
          "Eine Veröffentlichung mit den Lieferungen (Dateiname, Amt, SHA-256, Einlesezeit), aus denen sie stammt",
        params: releaseParamsSchema,
        response: { 200: releaseDetailSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => releaseDetail(appContext, request.params.id),
  );

  app.get(
    "/:id/revisions",
    {
      schema: {
        tags: ["Veröffentlichungen"],
        summary:
          "Revisionstabelle: veröffentlichte Werte, die sich gegenüber der vorigen Veröffentlichung geändert haben",
        params: releaseParamsSchema,
        querystring: revisionsQuerySchema,
        response: { 200: revisionsResponseSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { indicator } = request.query;
      const { language } = request;
      return appContext.readCache.getOrCompute(`revisions|${id}|${indicator ?? ""}|${language}`, async () =>
        releaseRevisions(appContext, await readContext(appContext, id, language), indicator),
      );
    },
  );

  app.get(
    "/:id/report.pdf",
    {
      schema: {
        tags: ["Veröffentlichungen"],
        summary: "Der Bericht einer Veröffentlichung als PDF (leitet weiter auf /api/report.pdf?release=…)",
        params: releaseParamsSchema,
        response: { 302: z.null(), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await releaseDetail(appContext, id);
      // Within the city's path (several cities) and in the language asked for.
      const { basePath } = appContext.config.city;
      return reply.redirect(`${basePath}/api/report.pdf?release=${id}&lang=${request.language}`, 302);
    },
  );

  app.post(
    "/",
    {
      onRequest: requireAnalyst,
      schema: {
        tags: ["Veröffentlichungen"],
        summary:
          "Veröffentlicht den aktuellen Entwurf (nur nach bestandener Geheimhaltungsprüfung); frühere Veröffentlichungen bleiben unverändert lesbar",
        security: [{ bearer: [] }],
        body: publishBodySchema,
        response: { 201: publishResponseSchema, 400: errorSchema, 401: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const publishedBy = actorOf(request) ?? "unbekannt";
      const outcome = await publishRelease(appContext, { ...request.body, publishedBy });
      await recordAudit(appContext.database.db, {
        actor: publishedBy,
        action: "release-published",
        detail: `Veröffentlichung ${outcome.id} „${request.body.title}“ (${outcome.revisions} revidierte Werte)`,
      });
      return reply.code(201).send(outcome);
    },
  );
};
export default plugin;
