import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type Language, type MessageName, translate } from "../i18n/index.ts";
import { RequestProblem } from "../services/replies.ts";
import { languageOf } from "./language.ts";

/** Our wording for the client errors Fastify and its plugins raise themselves (theirs is English only). */
const clientErrors: Record<string, MessageName> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "client.mediaType",
  FST_ERR_CTP_EMPTY_JSON_BODY: "client.emptyJson",
  FST_ERR_CTP_INVALID_JSON_BODY: "client.invalidJson",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "client.contentLength",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "client.multipart",
  FST_PARTS_LIMIT: "client.parts",
  FST_FILES_LIMIT: "client.files",
  FST_FIELDS_LIMIT: "client.fields",
  FST_ERR_BAD_URL: "client.badUrl",
  FST_PROTO_VIOLATION: "client.proto",
  FST_CONSTRUCTOR_VIOLATION: "client.constructor",
};

interface Issue {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * One schema problem in the reader's language. The schemas' own messages are German (`muss eine Jahreszahl
 * sein`), so German readers keep them; the others get the problem said from zod's issue code.
 */
function issueText(issue: Issue, language: Language): string {
  if (language === "de" && issue.message) return issue.message;
  const { params } = issue;
  const say = (key: MessageName, values = {}) => translate(language, key, values);
  switch (issue.keyword) {
    case "invalid_type":
      // zod says a missing value only in its own (English) message.
      if (issue.message?.endsWith("received undefined")) return say("validation.missing");
      if (params.expected === "int") return say("validation.integer");
      return say(params.expected === "number" ? "validation.number" : "validation.text");
    case "invalid_value":
      return say("validation.oneOf", { values: ((params.values as unknown[]) ?? []).map(String) });
    case "too_small":
      if (params.origin === "string" && params.minimum === 1) return say("validation.empty");
      return say("validation.atLeast", { minimum: String(params.minimum) });
    case "too_big":
      return say("validation.atMost", { maximum: String(params.maximum) });
    case "invalid_format":
      return params.format === "safeint" ? say("validation.integer") : say("validation.invalid");
    case "unrecognized_keys":
      return say("validation.unknownKeys", { keys: ((params.keys as unknown[]) ?? []).map(String) });
    default:
      return say("validation.invalid");
  }
}

/** Every error leaves as `{ error, details? }` in the reader's language; only real faults become 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = languageOf(request);
  const say = (key: MessageName, values = {}) => translate(language, key, values);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      field: `${error.validationContext ?? ""}${v.instancePath || ""}`.replace(/\//g, "."),
      message: issueText(v as Issue, language),
    }));
    return reply.code(400).send({
      error: say("request.invalid", { details: details.map((d) => `${d.field} – ${d.message}`).join("; ") }),
      details,
    });
  }
  if (error.code === "FST_REQ_FILE_TOO_LARGE") {
    const limit = Math.round(request.server.context.config.uploadLimitBytes / 1024 / 1024);
    return reply.code(413).send({ error: say("request.fileTooLarge", { limit }) });
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const limit = Math.round(request.routeOptions.bodyLimit / 1024);
    return reply.code(413).send({ error: say("request.bodyTooLarge", { limit }) });
  }
  const status = error.statusCode ?? 500;
  // 503 is an expected state (another import holds the database) with a message for the user.
  if (status === 503) return reply.code(503).header("retry-after", "60").send({ error: error.message });
  if (status >= 500) {
    request.log.error(error);
    return reply.code(500).send({ error: say("request.internal") });
  }
  // Our problems carry a message key; Fastify's own errors a code; others (no code) are German already.
  const message =
    error instanceof RequestProblem
      ? error.text(language)
      : error.code
        ? clientErrors[error.code]
          ? say(clientErrors[error.code])
          : say("request.fastify", { message: error.message })
        : error.message;
  // Too many parts in a form is a malformed request, not a large one.
  const tooMany =
    error.code === "FST_FILES_LIMIT" || error.code === "FST_PARTS_LIMIT" || error.code === "FST_FIELDS_LIMIT";
  const details = error instanceof RequestProblem ? error.details : undefined;
  return reply.code(tooMany ? 400 : status).send(details ? { error: message, details } : { error: message });
}
