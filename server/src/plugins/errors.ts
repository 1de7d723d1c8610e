import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** Every error leaves as `{ error, details? }` in German; only real faults become 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      field: `${error.validationContext ?? ""}${v.instancePath || ""}`.replace(/\//g, "."),
      message: v.message,
    }));
    return reply.code(400).send({
      error: `Ungültige Anfrage: ${details.map((d) => `${d.field} – ${d.message}`).join("; ")}`,
      details,
    });
  }
  if (error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const limitMb = Math.round(request.server.config.uploadLimitBytes / 1024 / 1024);
    return reply.code(413).send({ error: `Die Datei ist zu groß. Erlaubt sind höchstens ${limitMb} MB.` });
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error(error);
    return reply.code(500).send({ error: "Interner Fehler. Bitte wenden Sie sich an die Administration." });
  }
  return reply.code(status).send({ error: error.message });
}
