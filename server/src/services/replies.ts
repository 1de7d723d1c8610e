import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlibConstants } from "node:zlib";
import { Negotiator } from "@fastify/accept-negotiator";
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
  /** The body compressed, per content coding, made on the first request that accepts it. */
  compressed?: Map<Coding, Promise<Buffer>>;
}

export const JSON_TYPE = "application/json; charset=utf-8";

/** Serialises a body built from the route's schema type once, for the read cache. */
export const preparedJson = (body: unknown): PreparedBody => ({
  body: Buffer.from(JSON.stringify(body)),
  type: JSON_TYPE,
});

type Coding = "br" | "gzip";
const codings = new Negotiator<Coding>({ supportedValues: ["br", "gzip"] });
/** Below this, compressing saves less than the headers it adds (the same bound as @fastify/compress). */
const COMPRESS_FROM_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const compress = (body: Buffer, coding: Coding): Promise<Buffer> =>
  coding === "br"
    ? // Quality 5: within a few per cent of the best for JSON, at a fraction of the time (off the event loop).
      brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipped(body);

/**
 * Sends a prepared body, compressed once per cached answer for clients that accept it (a year of Planungsräume
 * is 1.6 MB of JSON and 144 KB compressed: what a phone downloads). The reply is used untyped on purpose: the
 * JSON text bypasses the schema serializer, which would otherwise validate the same cached answer again on
 * every request.
 */
export async function sendPrepared(
  request: FastifyRequest,
  reply: FastifyReply,
  prepared: PreparedBody,
): Promise<FastifyReply> {
  const raw = reply as FastifyReply;
  raw.type(prepared.type);
  if (prepared.disposition) raw.header("content-disposition", prepared.disposition);
  const textual = prepared.type.startsWith("application/json") || prepared.type.startsWith("text/");
  if (!textual || prepared.body.length < COMPRESS_FROM_BYTES) return raw.send(prepared.body);
  const vary = raw.getHeader("vary");
  raw.header("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  const accepted = request.headers["accept-encoding"];
  const coding = typeof accepted === "string" ? codings.negotiate(accepted) : null;
  if (!coding) return raw.send(prepared.body);
  prepared.compressed ??= new Map();
  let body = prepared.compressed.get(coding);
  if (!body) {
    body = compress(prepared.body, coding);
    prepared.compressed.set(coding, body);
  }
  return raw.header("content-encoding", coding).send(await body);
}
