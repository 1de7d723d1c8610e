import type { FastifyReply } from "fastify";

/**
 * A 4xx answer with a German message; thrown, the error handler (plugins/errors.ts) sends it as `{ error }`,
 * with `details` when given (e.g. `{ unpublished: true }`, which the dashboard shows as a state, not a fault).
 */
export class RequestProblem extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

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
