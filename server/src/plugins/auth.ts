import { createHash, timingSafeEqual } from "node:crypto";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { translate } from "../i18n/index.ts";
import { type Account, findApiToken, findSession } from "../repositories/accounts.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** An analyst or admin sent this request (session, API token or the bootstrap token; see `authentication`). */
    analyst: boolean;
    /** The signed-in account; null for the public and for the bootstrap token `MONITOR_ADMIN_TOKEN`. */
    account: Account | null;
    /** The session's CSRF token when the request came with a valid session cookie. */
    csrfToken: string | null;
  }
}

/** Wrong tokens one address may send per window before every request of it with a token gets 429. */
export const FAILED_TOKENS_ALLOWED = 10;
export const FAILED_TOKENS_WINDOW_MS = 15 * 60_000;

export const SESSION_COOKIE = "im_session";
export const CSRF_HEADER = "x-csrf-token";
/** Shown in the audit log for requests with `MONITOR_ADMIN_TOKEN`. */
export const BOOTSTRAP_ACTOR = "MONITOR_ADMIN_TOKEN";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Both sides are hashed first, so the comparison takes the same time whatever the lengths. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

const WRITING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The value of one cookie in a Cookie header (the browser sends `name=value; name2=value2`). */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * `Secure` on every session cookie except when the browser talks plain HTTP to a loopback address (the demo,
 * `npm start`, the e2e tests): there Safari drops a `Secure` cookie (and older Chrome and Firefox did), and the
 * traffic never leaves the machine. Anywhere else the cookie is `Secure`, so a browser never sends it over plain
 * HTTP; a server reached over plain HTTP by name or intranet address needs TLS (or a TLS proxy) for browser logins.
 * The Host header cannot be chosen by a third party's page, only by the browser's own user.
 */
export function cookieIsSecure(request: FastifyRequest): boolean {
  return request.protocol === "https" || !LOOPBACK.test(request.headers.host ?? "");
}

export function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = cookieIsSecure(request) ? "; Secure" : "";
  // Each city of an instance has its own accounts: its cookie goes only to its own path.
  const path = request.server.context.config.city.basePath || "/";
  return `${SESSION_COOKIE}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

export const clearSessionCookie = (request: FastifyRequest) => sessionCookie(request, "", 0);

/** The name recorded in the audit log for whoever sent the request. */
export function actorOf(request: FastifyRequest): string | null {
  return request.account?.name ?? (request.analyst ? BOOTSTRAP_ACTOR : null);
}

/** True when the Origin header (sent by browsers with every writing request) names this server, or is absent. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    // Through URL on both sides, so that a default port (":80") written on one side only still matches.
    const url = new URL(origin);
    return url.host === new URL(`${url.protocol}//${request.headers.host ?? ""}`).host;
  } catch {
    return false;
  }
}

const csrfRejected = (request: FastifyRequest, reply: FastifyReply) =>
  reply.code(403).send({ error: translate(request.language, "auth.csrf") });

/**
 * Decides `request.analyst` and `request.account` for every request before its body is read or its route runs.
 *
 * - `Authorization: Bearer` with an API token of an enabled account, or the bootstrap token: analyst. Any other
 *   token is answered 401 on every route and counts as a failed attempt of the sender's address; after
 *   `FAILED_TOKENS_ALLOWED` of them within the window, that address gets 429 for every request that carries a
 *   token (also the right one, or guessing could go on), until the window ends.
 * - Else the session cookie: a valid session makes the request its account's; a writing request with it must
 *   also send the session's CSRF token in `X-CSRF-Token` and, if it has an Origin, this server's (403 otherwise).
 *   The cookie is sent by the browser on its own, the header only by our script, which a foreign page cannot
 *   read; `SameSite=Strict` already keeps the cookie off cross-site requests, the token also covers browsers and
 *   sibling subdomains where it does not. An unknown or expired cookie is cleared and the request is public.
 * - Without either, public; writing requests from a browser with a foreign Origin are refused (login CSRF).
 */
export async function authentication(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
  const failedTokens = app.createRateLimit({ max: FAILED_TOKENS_ALLOWED, timeWindow: FAILED_TOKENS_WINDOW_MS });
  app.decorateRequest("analyst", false);
  app.decorateRequest("account", null);
  app.decorateRequest("csrfToken", null);

  app.addHook("onRequest", async (request, reply) => {
    const header = request.headers.authorization;
    const db = app.context.database.db;
    if (header !== undefined) {
      const limit = await failedTokens(request, { increment: false });
      if (!limit.isAllowed && limit.remaining === 0)
        return tooManyAttempts(request, reply, limit.ttlInSeconds, "auth.tooManyFromAddress");
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      const bootstrap = app.context.config.adminToken;
      if (token !== undefined && bootstrap !== null && sameSecret(token, bootstrap)) {
        request.analyst = true;
        return;
      }
      const account = token === undefined ? null : await findApiToken(db, token);
      if (account) {
        request.account = account;
        request.analyst = true;
        return;
      }
      await failedTokens(request);
      // Also on reads: answering a wrong token with the public view would let a stale token go unnoticed
      // (and count against the address with every request of the dashboard).
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="integrationsmonitor", error="invalid_token"')
        .send({ error: translate(request.language, "auth.invalidToken") });
    }

    const writing = WRITING.has(request.method);
    if (writing && !sameOrigin(request)) return csrfRejected(request, reply);
    // The dashboard's files are the same for everyone: no session lookup for each script and stylesheet.
    if (!request.url.startsWith(`${app.context.config.city.basePath}/api/`)) return;
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (cookie === null) return;
    const session = await findSession(db, cookie);
    if (!session) {
      reply.header("set-cookie", clearSessionCookie(request));
      return;
    }
    if (writing) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, session.csrfToken)) return csrfRejected(request, reply);
    }
    request.account = session.account;
    request.analyst = true;
    request.csrfToken = session.csrfToken;
  });
}

/** 429 with Retry-After in seconds, and the minutes to wait in the reader's language. */
export function tooManyAttempts(
  request: FastifyRequest,
  reply: FastifyReply,
  seconds: number,
  which: "auth.tooManyFromAddress" | "auth.tooManyForAccount",
) {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return reply
    .code(429)
    .header("retry-after", String(seconds))
    .send({ error: translate(request.language, which, { count }) });
}

/** True for analysts and admins (session or token). Read routes use it to reveal suppressed values. */
export function isAnalyst(request: FastifyRequest): boolean {
  return request.analyst;
}

/**
 * onRequest hook for write endpoints: 401 with a message unless an analyst or admin sent the request. As
 * an onRequest hook it answers before a byte of the body is read.
 */
export async function requireAnalyst(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.analyst) {
    await reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="integrationsmonitor"')
      .send({ error: translate(request.language, "auth.required") });
  }
}

/** onRequest hook for account management: 401 without login, 403 for analysts (and the bootstrap token). */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.analyst) return requireAnalyst(request, reply);
  if (request.account?.role !== "admin") {
    await reply.code(403).send({ error: translate(request.language, "auth.adminOnly") });
  }
}

/** onRequest hook for what only a signed-in account can do (its own tokens): not the bootstrap token. */
export async function requireAccount(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.analyst) return requireAnalyst(request, reply);
  if (request.account === null) {
    await reply.code(403).send({ error: translate(request.language, "auth.accountOnly") });
  }
}
