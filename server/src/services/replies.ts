import type { FastifyReply, FastifyRequest } from "fastify";
import { type Language, type MessageName, type MessageParams, translate } from "../i18n/index.ts";

/**
 * A 4xx answer named by its message key (server/src/i18n); thrown, the error handler (plugins/errors.ts) sends
 * it as `{ error }` in the request's language, with `details` when given (e.g. `{ unpublished: true }`, which
 * the dashboard shows as a state, not a fault). `message` is the German text, for logs.
 */
export class RequestProblem extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409,
    readonly key: MessageName,
    readonly params: MessageParams = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(translate("de", key, params));
  }

  /** The message for a reader of `language`. */
  text(language: Language): string {
    return translate(language, this.key, this.params);
  }
}

/** The 404 of an address no route answers, in the request's language. */
export const notFound = (request: FastifyRequest): string =>
  translate(request.language, "request.notFound", {
    method: request.method,
    path: request.url.split("?")[0].slice(0, 200),
  });

/** A finished answer body, kept in the read cache so repeated lookups skip querying, serialising and encoding. */
export interface PreparedBody {
  body: Buffer;
  type: string;
  disposition?: string;
}

export const JSON_TYPE = "application/json; charset=utf-8";

/** Serialises a body built from the route's schema type once, for the read cache. */
export const preparedJson = (body: unknown): PreparedBody => ({
  body: Buffer.from(JSON.stringify(body)),
  type: JSON_TYPE,
});

/**
 * Sends a prepared body. The reply is used untyped on purpose: the JSON text bypasses the schema serializer,
 * which would otherwise validate the same cached answer again on every request.
 */
export function sendPrepared(reply: FastifyReply, prepared: PreparedBody): FastifyReply {
  const raw = reply as FastifyReply;
  raw.type(prepared.type);
  if (prepared.disposition) raw.header("content-disposition", prepared.disposition);
  return raw.send(prepared.body);
}
