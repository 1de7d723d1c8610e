import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { findProfile, profiles } from "@im/data-import";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireAnalyst } from "../../plugins/auth.ts";
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
import {
  conflictMessage,
  importedMessage,
  rejectedMessage,
  toImportRecord,
  unchangedMessage,
} from "../../services/import-messages.ts";
import { importExtract } from "../../services/importer.ts";

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

/** Streams the form to a temporary file (a large extract is never held in memory) and collects the fields. */
async function receiveUpload(request: FastifyRequest, dir: string) {
  const fields: Record<string, string> = {};
  const path = join(dir, "upload.csv");
  let fileName: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
        fileName = basename(part.filename || "upload.csv").slice(0, 200);
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    // The form parser's own complaints (cut-off body, no boundary) carry neither code nor status.
    const { code, statusCode } = error as { code?: string; statusCode?: number };
    if (code || statusCode) throw error;
    throw badRequest("Das Formular ist unvollständig oder fehlerhaft (multipart/form-data). Bitte erneut hochladen.");
  }
  return { fields, fileName, path };
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/",
    {
      schema: {
        tags: ["Importe"],
        summary: "Importhistorie, neueste zuerst",
        response: { 200: importsResponseSchema },
      },
    },
    async () => ({ imports: (await listExtracts(app.context.database.db)).map(toImportRecord) }),
  );

  app.post(
    "/",
    {
      preHandler: requireAnalyst,
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
      const dir = await mkdtemp(join(tmpdir(), "integrationsmonitor-upload-"));
      try {
        const { fields, fileName, path } = await receiveUpload(request, dir);
        const parsed = uploadFieldsSchema.safeParse(fields);
        if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join(" "));
        const profile = findProfile(parsed.data.profile);
        if (!profile) {
          throw badRequest(
            `Unbekanntes Profil „${parsed.data.profile}“. Bekannt sind: ${profiles.map((p) => p.id).join(", ")}.`,
          );
        }
        if (fileName === null) throw badRequest("Bitte eine CSV-Datei im Formularfeld „file“ mitsenden.");

        const outcome = await importExtract(app.context, {
          path,
          fileName,
          profile,
          replace: parsed.data.replace,
          importedBy: "Weboberfläche (Admin-Token)",
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
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};
export default plugin;
