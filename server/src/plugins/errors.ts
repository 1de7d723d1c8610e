import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { RequestProblem } from "../services/replies.ts";

/** German wording for the client errors Fastify and its plugins raise themselves. */
const clientErrors: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "Dieser Inhaltstyp (Content-Type) wird hier nicht angenommen.",
  FST_ERR_CTP_EMPTY_JSON_BODY: "Der Anfragetext ist leer, obwohl JSON angekündigt wurde.",
  FST_ERR_CTP_INVALID_JSON_BODY: "Der Anfragetext ist kein gültiges JSON.",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "Die angegebene Länge (Content-Length) passt nicht zum Anfragetext.",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "Erwartet wird ein Formular-Upload (multipart/form-data).",
  FST_PARTS_LIMIT: "Das Formular enthält zu viele Teile.",
  FST_FILES_LIMIT: "Bitte laden Sie genau eine Datei hoch.",
  FST_FIELDS_LIMIT: "Das Formular enthält zu viele Felder.",
  FST_ERR_BAD_URL: "Die Adresse enthält ungültig kodierte Zeichen.",
  FST_PROTO_VIOLATION: "Der Anfragetext enthält den nicht erlaubten Schlüssel „__proto__“.",
  FST_CONSTRUCTOR_VIOLATION: "Der Anfragetext enthält den nicht erlaubten Schlüssel „constructor“.",
};

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
  if (error.code === "FST_REQ_FILE_TOO_LARGE") {
    const limitMb = Math.round(request.server.context.config.uploadLimitBytes / 1024 / 1024);
    return reply.code(413).send({ error: `Die Datei ist zu groß. Erlaubt sind höchstens ${limitMb} MB.` });
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const limitKb = Math.round(request.routeOptions.bodyLimit / 1024);
    return reply.code(413).send({ error: `Der Anfragetext ist zu groß. Erlaubt sind hier höchstens ${limitKb} KB.` });
  }
  const status = error.statusCode ?? 500;
  // 503 is an expected state (another import holds the database) with a message for the user.
  if (status === 503) return reply.code(503).header("retry-after", "60").send({ error: error.message });
  if (status >= 500) {
    request.log.error(error);
    return reply.code(500).send({ error: "Interner Fehler. Bitte wenden Sie sich an die Administration." });
  }
  // Fastify's own messages are English; ours (no code) are German already.
  const message = error.code ? (clientErrors[error.code] ?? `Ungültige Anfrage: ${error.message}`) : error.message;
  // Too many parts in a form is a malformed request, not a large one.
  const tooMany =
    error.code === "FST_FILES_LIMIT" || error.code === "FST_PARTS_LIMIT" || error.code === "FST_FIELDS_LIMIT";
  const details = error instanceof RequestProblem ? error.details : undefined;
  return reply.code(tooMany ? 400 : status).send(details ? { error: message, details } : { error: message });
}
