import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when the request carries `Authorization: Bearer <admin token>`. Read routes use it to reveal
 * suppressed values. Both sides are hashed first so the comparison is constant-time whatever the lengths.
 */
export function isAnalyst(request: FastifyRequest): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]), digest(request.server.context.config.adminToken));
}

/** preHandler for write endpoints: 401 with a German message unless the admin token is sent. */
export async function requireAnalyst(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isAnalyst(request)) {
    await reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="integrationsmonitor"')
      .send({ error: "Anmeldung erforderlich: Bitte senden Sie den Admin-Token als „Authorization: Bearer <Token>“." });
  }
}
