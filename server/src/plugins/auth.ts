import { createHash, timingSafeEqual } from "node:crypto";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    /** The request carries the admin token (set before routing, see `authentication`). */
    analyst: boolean;
  }
}

/** Wrong tokens one address may send per window before every request of it with a token gets 429. */
export const FAILED_TOKENS_ALLOWED = 10;
export const FAILED_TOKENS_WINDOW_MS = 15 * 60_000;

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Both sides are hashed first, so the comparison takes the same time whatever the lengths. */
function isAdminToken(token: string, adminToken: string): boolean {
  return timingSafeEqual(digest(token), digest(adminToken));
}

/**
 * Decides `request.analyst` for every request before its body is read or its route runs. A token that is not
 * the configured one is answered 401 on every route and counts as a failed attempt of the sender's address; after `FAILED_TOKENS_ALLOWED` of
 * them within the window, that address gets 429 for every request that carries a token (also the right one,
 * or guessing could go on), until the window ends. Requests without a token are never limited here.
 */
export async function authentication(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
  const failedTokens = app.createRateLimit({ max: FAILED_TOKENS_ALLOWED, timeWindow: FAILED_TOKENS_WINDOW_MS });
  app.decorateRequest("analyst", false);

  app.addHook("onRequest", async (request, reply) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    const limit = await failedTokens(request, { increment: false });
    if (!limit.isAllowed && limit.remaining === 0) {
      const minutes = Math.max(1, Math.ceil(limit.ttlInSeconds / 60));
      return reply
        .code(429)
        .header("retry-after", String(limit.ttlInSeconds))
        .send({
          error: `Zu viele ungültige Anmeldeversuche von dieser Adresse. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? "Minute" : "Minuten"} erneut.`,
        });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    request.analyst = match !== null && isAdminToken(match[1], app.context.config.adminToken);
    if (request.analyst) return;
    await failedTokens(request);
    // Also on reads: answering a wrong token with the public view would let a stale token go unnoticed
    // (and count against the address with every request of the dashboard).
    return reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="integrationsmonitor", error="invalid_token"')
      .send({
        error: "Der Token ist ungültig. Bitte melden Sie sich erneut an, oder senden Sie die Anfrage ohne Token.",
      });
  });
}

/** True when the request carries `Authorization: Bearer <admin token>`. Read routes use it to reveal suppressed values. */
export function isAnalyst(request: FastifyRequest): boolean {
  return request.analyst;
}

/**
 * onRequest hook for write endpoints: 401 with a German message unless the admin token is sent. As an onRequest
 * hook it answers before a byte of the body is read.
 */
export async function requireAnalyst(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!request.analyst) {
    await reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="integrationsmonitor"')
      .send({ error: "Anmeldung erforderlich: Bitte senden Sie den Admin-Token als „Authorization: Bearer <Token>“." });
  }
}
