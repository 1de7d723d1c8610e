import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isAnalyst } from "../../plugins/auth.ts";
import { chosenRelease } from "../../plugins/release-choice.ts";
import { DRAFT } from "../../repositories/indicator-values.ts";
import { errorSchema } from "../../schemas/common.ts";
import { indicatorParamsSchema } from "../../schemas/indicators.ts";
import { buildArchive, safeFileName } from "../../services/exports/archive.ts";
import { collectExport, type ExportOptions } from "../../services/exports/collect.ts";
import { ReportUnavailable, renderReportPdf } from "../../services/exports/pdf.ts";
import { buildWorkbook } from "../../services/exports/workbook.ts";
import { checkArea, readContext } from "../../services/indicator-reads.ts";
import { type PreparedBody, sendPrepared } from "../../services/replies.ts";
import { contentDisposition } from "../indicators/csv.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Decided before the route by plugins/release-choice.ts; declared here for the OpenAPI document. */
const releaseParam = z
  .string()
  .optional()
  .describe("Nummer einer Veröffentlichung oder „entwurf“ (nur angemeldet); ohne: die neueste Veröffentlichung");

const yearParam = z.coerce
  .number({ error: "muss eine Jahreszahl sein" })
  .int({ error: "muss eine ganze Jahreszahl sein" })
  .min(1900, { error: "muss eine Jahreszahl sein" })
  .max(2200, { error: "muss eine Jahreszahl sein" });

const releaseQuerySchema = z.object({ release: releaseParam });
const indicatorXlsxQuerySchema = z.object({
  release: releaseParam,
  year: yearParam.optional(),
  area: z.string().min(1).optional(),
  breakdown: z.string().min(1).optional(),
});
const reportQuerySchema = z.object({ release: releaseParam, area: z.string().min(1).max(100).optional() });

const variant = (options: ExportOptions) =>
  `${options.release === DRAFT ? "_entwurf" : `_veroeffentlichung-${options.release}`}${options.analyst ? "_vertraulich" : ""}`;

/**
 * Downloads of the whole publication: the XLSX workbook, the ZIP archive and the report as PDF; and the XLSX of
 * one indicator beside its CSV. Registered under /api.
 */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const { context } = app;

  const workbookFor = (options: ExportOptions) =>
    context.readCache.getOrCompute(
      `export-xlsx|${options.release}|${options.analyst}|${options.language ?? "de"}`,
      async (): Promise<PreparedBody> => ({
        body: await buildWorkbook(await collectExport(context, options)),
        type: XLSX_TYPE,
        disposition: contentDisposition(`integrationsmonitor${variant(options)}.xlsx`),
      }),
    );

  app.get(
    "/export.xlsx",
    {
      schema: {
        tags: ["Exporte"],
        summary: "Das ganze Monitoring als Excel-Arbeitsmappe (ein Blatt je Handlungsfeld, Metadaten, Fußnoten)",
        description:
          "Gesperrte Werte erscheinen als „.“; mit gültigem Bearer-Token die wahren Werte, markiert „vertraulich – nicht zur Veröffentlichung“.",
        querystring: releaseQuerySchema,
        security: [{}, { bearer: [] }],
        produces: [XLSX_TYPE],
        response: { 400: errorSchema },
      },
    },
    async (request, reply) => {
      const prepared = await workbookFor({
        analyst: isAnalyst(request),
        release: chosenRelease(request),
        language: request.language,
      });
      return sendPrepared(request, reply, prepared);
    },
  );

  app.get(
    "/indicators/:id/values.xlsx",
    {
      schema: {
        tags: ["Indikatoren"],
        summary: "Werte eines Indikators als Excel-Arbeitsmappe (Werte, Metadaten, Fußnoten)",
        description:
          "Dieselben Filter wie /api/indicators/{id}/values. Gesperrte Werte erscheinen als „.“; mit gültigem Bearer-Token die wahren Werte, markiert.",
        params: indicatorParamsSchema,
        querystring: indicatorXlsxQuerySchema,
        security: [{}, { bearer: [] }],
        produces: [XLSX_TYPE],
        response: { 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { year, area, breakdown } = request.query;
      const options: ExportOptions = {
        analyst: isAnalyst(request),
        release: chosenRelease(request),
        language: request.language,
      };
      const key = `indicator-xlsx|${id}|${year ?? ""}|${area ?? ""}|${breakdown ?? ""}|${options.release}|${options.analyst}|${options.language}`;
      const prepared = await context.readCache.getOrCompute(key, async (): Promise<PreparedBody> => {
        const data = await collectExport(context, options, { id, year, area, breakdown });
        const name = `${safeFileName(id)}_${safeFileName(area ?? "alle-gebiete")}_${year ?? "alle-jahre"}${breakdown ? `_${safeFileName(breakdown)}` : ""}${variant(options)}.xlsx`;
        return { body: await buildWorkbook(data), type: XLSX_TYPE, disposition: contentDisposition(name) };
      });
      return sendPrepared(request, reply, prepared);
    },
  );

  app.get(
    "/export.zip",
    {
      schema: {
        tags: ["Exporte"],
        summary:
          "Die ganze Veröffentlichung als ZIP: Arbeitsmappe, jede Indikator-CSV (deutsch und maschinenlesbar), Sozialmonitoring-Tabellen, LIESMICH.txt",
        querystring: releaseQuerySchema,
        security: [{}, { bearer: [] }],
        produces: ["application/zip"],
        response: { 400: errorSchema },
      },
    },
    async (request, reply) => {
      // The archive stays German: its machine CSVs and LIESMICH.txt are written for the German original.
      const options: ExportOptions = { analyst: isAnalyst(request), release: chosenRelease(request) };
      const workbook = await workbookFor(options);
      const archive = await buildArchive(context, await collectExport(context, options), workbook.body);
      const raw = reply as FastifyReply;
      raw.type("application/zip");
      raw.header("content-disposition", contentDisposition(`integrationsmonitor${variant(options)}.zip`));
      return raw.send(archive);
    },
  );

  app.get(
    "/report.pdf",
    {
      schema: {
        tags: ["Exporte"],
        summary: "Der Bericht als PDF (A4, Inhaltsverzeichnis mit Seitenzahlen), erzeugt aus der Berichtsseite",
        description:
          "Wird mit Chromium auf dem Server erzeugt (MONITOR_CHROMIUM, Voreinstellung /usr/bin/chromium); ohne Chromium 503. Es wird immer nur ein Bericht zugleich erzeugt: eine zweite Anfrage erhält 503 mit Retry-After.",
        querystring: reportQuerySchema,
        security: [{}, { bearer: [] }],
        produces: ["application/pdf"],
        response: { 400: errorSchema, 503: errorSchema },
      },
    },
    async (request, reply) => {
      const { area } = request.query;
      const analyst = isAnalyst(request);
      const release = chosenRelease(request);
      if (area !== undefined) checkArea(await readContext(context, release, request.language), area);
      try {
        const { pdf } = await renderReportPdf(app, {
          release,
          area,
          language: request.language,
          headers: { authorization: request.headers.authorization, cookie: request.headers.cookie },
          chromiumPath: process.env.MONITOR_CHROMIUM || undefined,
        });
        const raw = reply as FastifyReply;
        raw.type("application/pdf");
        raw.header(
          "content-disposition",
          contentDisposition(`bericht${area ? `_${safeFileName(area)}` : ""}${variant({ analyst, release })}.pdf`),
        );
        return raw.send(pdf);
      } catch (error) {
        if (!(error instanceof ReportUnavailable)) throw error;
        if (error.retryAfter !== null) reply.header("retry-after", String(error.retryAfter));
        return reply.code(503).send({ error: error.text(request.language) });
      }
    },
  );
};
export default plugin;
