import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { translate } from "../../i18n/index.ts";
import {
  actorOf,
  clearSessionCookie,
  readCookie,
  requireAccount,
  requireAnalyst,
  SESSION_COOKIE,
  sessionCookie,
  tooManyAttempts,
} from "../../plugins/auth.ts";
import {
  checkLogin,
  createApiToken,
  createSession,
  deleteSession,
  listApiTokens,
  revokeApiToken,
  SESSION_ABSOLUTE_MS,
} from "../../repositories/accounts.ts";
import { recordAudit } from "../../repositories/audit-log.ts";
import {
  apiTokenListSchema,
  createdTokenSchema,
  loginBodySchema,
  sessionSchema,
  tokenBodySchema,
  tokenIdParamsSchema,
} from "../../schemas/accounts.ts";
import { errorSchema } from "../../schemas/common.ts";

/** Failed logins one address may have per window (any names: a office behind one NAT address has a few people). */
export const FAILED_LOGINS_PER_ADDRESS = 20;
/** Failed logins per account name per window, from any address: the guess rate on one password. */
export const FAILED_LOGINS_PER_ACCOUNT = 5;
export const FAILED_LOGINS_WINDOW_MS = 15 * 60_000;

const accountKey = (request: FastifyRequest) =>
  `account:${String((request.body as { name?: unknown } | undefined)?.name ?? "")
    .trim()
    .toLowerCase()}`;

const plugin: FastifyPluginAsyncZod = async (app) => {
  const db = app.context.database.db;
  const byAddress = app.createRateLimit({ max: FAILED_LOGINS_PER_ADDRESS, timeWindow: FAILED_LOGINS_WINDOW_MS });
  const byAccount = app.createRateLimit({
    max: FAILED_LOGINS_PER_ACCOUNT,
    timeWindow: FAILED_LOGINS_WINDOW_MS,
    keyGenerator: accountKey,
  });

  app.get(
    "/check",
    {
      onRequest: requireAnalyst,
      schema: {
        tags: ["Anmeldung"],
        summary: "Prüft die Anmeldung (Sitzung oder Authorization: Bearer …)",
        security: [{ bearer: [] }],
        response: { 204: z.null().describe("Angemeldet"), 401: errorSchema },
      },
    },
    async (_request, reply) => reply.code(204).send(null),
  );

  app.get(
    "/session",
    {
      schema: {
        tags: ["Anmeldung"],
        summary: "Wer angemeldet ist, und der CSRF-Token der Sitzung für schreibende Anfragen",
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      // The CSRF token must never be cached anywhere (it is per session).
      reply.header("cache-control", "no-store");
      return { account: request.account, csrfToken: request.csrfToken };
    },
  );

  app.post(
    "/login",
    {
      schema: {
        tags: ["Anmeldung"],
        summary: "Anmelden mit Benutzername und Passwort; setzt das Sitzungs-Cookie",
        body: loginBodySchema,
        response: { 200: sessionSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { name, password } = request.body;
      // Checked before the password: a limited sender learns nothing, even with the right password.
      for (const [limiter, which] of [
        [byAccount, "auth.tooManyForAccount"],
        [byAddress, "auth.tooManyFromAddress"],
      ] as const) {
        const limit = await limiter(request, { increment: false });
        if (!limit.isAllowed && limit.remaining === 0)
          return tooManyAttempts(request, reply, limit.ttlInSeconds, which);
      }
      const account = await checkLogin(db, name.trim(), password);
      if (!account) {
        await byAccount(request);
        await byAddress(request);
        await recordAudit(db, {
          actor: null,
          action: "login-failed",
          detail: `Anmeldung als „${name.trim().slice(0, 60)}“ fehlgeschlagen (Adresse ${request.ip})`,
        });
        return reply.code(401).send({ error: translate(request.language, "auth.wrongLogin") });
      }
      const old = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (old) await deleteSession(db, old);
      const session = await createSession(db, account.id);
      await recordAudit(db, { actor: account.name, action: "login", detail: `Angemeldet (Adresse ${request.ip})` });
      // The cookie lives as long as the session can (12 h); the 2-hour idle limit is the server's, which moves it.
      reply.header("set-cookie", sessionCookie(request, session.cookieValue, SESSION_ABSOLUTE_MS / 1000));
      reply.header("cache-control", "no-store");
      return { account, csrfToken: session.csrfToken };
    },
  );

  app.post(
    "/logout",
    {
      schema: {
        tags: ["Anmeldung"],
        summary: "Abmelden: beendet die Sitzung und löscht das Cookie",
        response: { 204: z.null(), 403: errorSchema },
      },
    },
    async (request, reply) => {
      const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (cookie) await deleteSession(db, cookie);
      if (request.account)
        await recordAudit(db, { actor: request.account.name, action: "logout", detail: "Abgemeldet" });
      return reply.code(204).header("set-cookie", clearSessionCookie(request)).send(null);
    },
  );

  app.get(
    "/tokens",
    {
      onRequest: requireAccount,
      schema: {
        tags: ["Anmeldung"],
        summary: "Die API-Tokens des eigenen Kontos (ohne die Tokens selbst)",
        response: { 200: apiTokenListSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => ({ tokens: await listApiTokens(db, request.account?.id) }),
  );

  app.post(
    "/tokens",
    {
      onRequest: requireAccount,
      schema: {
        tags: ["Anmeldung"],
        summary: "Neuer API-Token für Skripte; der Token wird nur in dieser Antwort gezeigt",
        body: tokenBodySchema,
        response: { 201: createdTokenSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const account = request.account as NonNullable<typeof request.account>;
      const created = await createApiToken(db, account.id, request.body.label);
      await recordAudit(db, {
        actor: account.name,
        action: "token-created",
        detail: `API-Token Nr. ${created.id} „${created.label}“ für ${account.name} erstellt`,
      });
      return reply.code(201).header("cache-control", "no-store").send(created);
    },
  );

  app.delete(
    "/tokens/:id",
    {
      onRequest: requireAccount,
      schema: {
        tags: ["Anmeldung"],
        summary: "Eigenen API-Token widerrufen (Admins: jeden)",
        params: tokenIdParamsSchema,
        response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const account = request.account as NonNullable<typeof request.account>;
      const token = (await listApiTokens(db)).find((t) => t.id === request.params.id);
      // Someone else's token is "not found" to an analyst: its existence is none of their business.
      if (!token || (token.accountId !== account.id && account.role !== "admin") || token.revokedAt !== null)
        return reply
          .code(404)
          .send({ error: translate(request.language, "auth.tokenNotFound", { id: request.params.id }) });
      await revokeApiToken(db, token.id);
      await recordAudit(db, {
        actor: actorOf(request),
        action: "token-revoked",
        detail: `API-Token Nr. ${token.id} „${token.label}“ von ${token.accountName} widerrufen`,
      });
      return reply.code(204).send(null);
    },
  );
};
export default plugin;
