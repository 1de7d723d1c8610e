import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { type ExtractProfile, findProfile } from "@im/data-import";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, requireAnalyst } from "../../plugins/auth.ts";
import { importAuditDetail, recordAudit } from "../../repositories/audit-log.ts";
import { listExtracts } from "../../repositories/extracts.ts";
import { errorSchema } from "../../schemas/common.ts";
import {
  conflictSchema,
  importedSchema,
  importsResponseSchema,
  rejectedSchema,
  unchangedSchema,
  uploadFieldsSchema,
} from "../../schemas/imports.ts";
import { currentCatalogue } from "../../services/catalogue-loading.ts";
import {
  conflictMessage,
  importedMessage,
  rejectedMessage,
  toImportRecord,
  unchangedMessage,
} from "../../services/import-messages.ts";
import { type ImportOutcome, importExtract } from "../../services/importer.ts";
import { bringResultsUpToDate } from "../../services/results.ts";

const clientGone = () =>
  Object.assign(new Error("Die Verbindung wurde während des Uploads getrennt; nichts wurde gespeichert."), {
    statusCode: 400,
  });

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

/** Streams the form to a temporary file (a large extract is never held in memory) and collects the fields. */
async function receiveUpload(request: FastifyRequest, dir: string, signal: AbortSignal) {
  const fields: Record<string, string> = Object.create(null);
  const path = join(dir, "upload.csv");
  let fileName: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        await pipeline(part.file, createWriteStream(path), { signal });
        if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
        fileName = basename(part.filename || "upload.csv").slice(0, 200);
      } else if (Object.hasOwn(fields, part.fieldname)) {
        // Taking the first or the last would silently import under a profile the sender may not have meant.
        throw badRequest(
          `Das Formularfeld „${part.fieldname.slice(0, 100)}“ kommt mehrfach vor; bitte jedes Feld nur einmal senden.`,
        );
      } else if (part.valueTruncated) {
        throw badRequest(`Das Formularfeld „${part.fieldname.slice(0, 100)}“ ist zu lang.`);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // The form parser's own complaints (cut-off body, no boundary) carry neither code nor status.
    const { code, statusCode } = error as { code?: string; statusCode?: number };
    if (code || statusCode) throw error;
    throw badRequest("Das Formular ist unvollständig oder fehlerhaft (multipart/form-data). Bitte erneut hochladen.");
  }
  return { fields, fileName, path };
}

/** Retry-After of a refused second upload: an import of a large extract takes about a minute. */
const BUSY_RETRY_SECONDS = 60;

const plugin: FastifyPluginAsyncZod = async (app) => {
  /**
   * The upload being received or stored in this process; another one is refused instead of queued. Taken
   * before any body is read, given back when it is stored or, should the handler never run, when its answer
   * is sent.
   */
  let running: FastifyRequest | null = null;
  async function takeUploadSlot(request: FastifyRequest, reply: FastifyReply) {
    if (running === null) {
      running = request;
      return;
    }
    await reply
      .code(503)
      .header("retry-after", String(BUSY_RETRY_SECONDS))
      .send({ error: "Es läuft gerade ein anderer Import. Bitte versuchen Sie es in einer Minute erneut." });
  }
  const giveBackUploadSlot = async (request: FastifyRequest) => {
    if (running === request) running = null;
  };

  app.get(
    "/",
    {
      // File names, hashes and who imported are for the analysts, not the public.
      onRequest: requireAnalyst,
      schema: {
        tags: ["Importe"],
        summary: "Importhistorie, neueste zuerst (nur angemeldet)",
        security: [{ bearer: [] }],
        response: { 200: importsResponseSchema, 401: errorSchema },
      },
    },
    async () => ({ imports: (await listExtracts(app.context.database.db)).map(toImportRecord) }),
  );

  app.post(
    "/",
    {
      // Before a byte of the body is read: who may upload, and whether another upload is running.
      onRequest: [requireAnalyst, takeUploadSlot],
      onResponse: giveBackUploadSlot,
      schema: {
        tags: ["Importe"],
        summary: "Extrakt hochladen (multipart/form-data: profile, file, optional replace=true)",
        consumes: ["multipart/form-data"],
        security: [{ bearer: [] }],
        response: {
          200: unchangedSchema,
          201: importedSchema,
          400: errorSchema,
          401: errorSchema,
          409: conflictSchema,
          413: errorSchema,
          422: rejectedSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      // A client that goes away aborts its import: nothing is committed for an answer nobody receives.
      const aborted = new AbortController();
      const abortUnlessAnswered = () => {
        if (!reply.raw.writableFinished) aborted.abort(clientGone());
      };
      reply.raw.once("close", abortUnlessAnswered);
      let dir: string | null = null;
      let outcome: ImportOutcome;
      let profile: ExtractProfile;
      let fileName: string;
      try {
        dir = await mkdtemp(join(tmpdir(), "integrationsmonitor-upload-"));
        const received = await receiveUpload(request, dir, aborted.signal);
        const parsed = uploadFieldsSchema.safeParse(received.fields);
        if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join(" "));
        const accepted = currentCatalogue(app.context).profiles;
        const found = accepted.find((p) => p.id === parsed.data.profile);
        if (!found) {
          const asked = `„${parsed.data.profile.slice(0, 100)}“`;
          throw badRequest(
            `${findProfile(parsed.data.profile) ? `Das Profil ${asked} liest der Katalog dieser Stadt nicht` : `Unbekanntes Profil ${asked}`}. Erlaubt sind: ${accepted.map((p) => p.id).join(", ")}.`,
          );
        }
        if (received.fileName === null) throw badRequest("Bitte eine CSV-Datei im Formularfeld „file“ mitsenden.");
        profile = found;
        fileName = received.fileName;

        outcome = await importExtract(app.context, {
          path: received.path,
          fileName,
          profile,
          replace: parsed.data.replace,
          importedBy: actorOf(request) ?? "Weboberfläche",
          signal: aborted.signal,
          recompute: false,
        });
      } finally {
        await giveBackUploadSlot(request);
        reply.raw.off("close", abortUnlessAnswered);
        if (dir) await rm(dir, { recursive: true, force: true });
      }
      // As importExtract would, but after the slot is given back: the next upload need not wait for the
      // recomputation. Also after "unchanged", which brings the results of a recomputation that was cut short.
      if (outcome.status !== "rejected") await bringResultsUpToDate(app.context);
      if (outcome.status === "imported")
        await recordAudit(app.context.database.db, {
          actor: actorOf(request),
          action: "import",
          detail: importAuditDetail(outcome.extract, outcome.replaced),
        });
      switch (outcome.status) {
        case "imported":
          return reply.code(201).send({
            message: importedMessage(profile, outcome.extract, outcome.replaced),
            extract: toImportRecord(outcome.extract),
            replaced: outcome.replaced && toImportRecord(outcome.replaced),
          });
        case "unchanged":
          return reply.code(200).send({
            unchanged: true,
            message: unchangedMessage(outcome.extract),
            extract: toImportRecord(outcome.extract),
          });
        case "conflict":
          return reply.code(409).send({
            error: conflictMessage(profile, outcome.existing, "senden Sie die Datei erneut mit replace=true"),
            details: { existing: toImportRecord(outcome.existing) },
          });
        case "rejected":
          return reply.code(422).send({ error: rejectedMessage(fileName), problems: outcome.problems });
      }
    },
  );
};
export default plugin;
