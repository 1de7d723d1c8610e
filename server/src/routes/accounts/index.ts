import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type MessageName, type MessageParams, translate } from "../../i18n/index.ts";
import { actorOf, requireAdmin } from "../../plugins/auth.ts";
import {
  AccountExistsError,
  countActiveAdmins,
  createAccount,
  findAccount,
  listAccounts,
  listApiTokens,
  nameProblem,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  revokeApiToken,
  setDisabled,
  setPassword,
  setRole,
} from "../../repositories/accounts.ts";
import { listAudit, recordAudit } from "../../repositories/audit-log.ts";
import {
  accountIdParamsSchema,
  accountListingSchema,
  accountsResponseSchema,
  accountTokenParamsSchema,
  auditQuerySchema,
  auditResponseSchema,
  createAccountBodySchema,
  passwordBodySchema,
  updateAccountBodySchema,
} from "../../schemas/accounts.ts";
import { errorSchema } from "../../schemas/common.ts";

const roleName = { analyst: "Analyst/in", admin: "Admin" } as const;

const say = (request: FastifyRequest, key: MessageName, params?: MessageParams) =>
  translate(request.language, key, params);

/** Why a password is refused, in the reader's language (the rule is the repository's; the CLI says it in German). */
function passwordText(request: FastifyRequest, password: string): string | null {
  if (passwordProblem(password) === null) return null;
  return password.length < PASSWORD_MIN
    ? say(request, "account.passwordShort", { min: PASSWORD_MIN })
    : say(request, "account.passwordLong", { max: PASSWORD_MAX });
}

/** Account management and the audit log: admins only (every route's onRequest). */
const plugin: FastifyPluginAsyncZod = async (app) => {
  const db = app.context.database.db;
  app.addHook("onRequest", requireAdmin);
  const denied = { 401: errorSchema, 403: errorSchema };

  app.get(
    "/",
    {
      schema: {
        tags: ["Konten"],
        summary: "Alle Konten und API-Tokens (nur Admins)",
        response: { 200: accountsResponseSchema, ...denied },
      },
    },
    async () => ({ accounts: await listAccounts(db), tokens: await listApiTokens(db) }),
  );

  app.post(
    "/",
    {
      schema: {
        tags: ["Konten"],
        summary: "Konto anlegen (nur Admins)",
        body: createAccountBodySchema,
        response: { 201: accountListingSchema, 400: errorSchema, ...denied, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const { name, role, password } = request.body;
      const problem = nameProblem(name) ? say(request, "account.badName") : passwordText(request, password);
      if (problem) return reply.code(400).send({ error: problem });
      try {
        const account = await createAccount(db, { name, role, password });
        await recordAudit(db, {
          actor: actorOf(request),
          action: "account-created",
          detail: `Konto „${name}“ (${roleName[role]}) angelegt`,
        });
        return reply
          .code(201)
          .send((await findAccount(db, account.id)) as NonNullable<Awaited<ReturnType<typeof findAccount>>>);
      } catch (error) {
        if (error instanceof AccountExistsError)
          return reply.code(409).send({ error: say(request, "account.exists", { name }) });
        throw error;
      }
    },
  );

  app.patch(
    "/:id",
    {
      schema: {
        tags: ["Konten"],
        summary: "Konto sperren, entsperren oder seine Rolle ändern (nur Admins)",
        params: accountIdParamsSchema,
        body: updateAccountBodySchema,
        response: { 200: accountListingSchema, ...denied, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const account = await findAccount(db, request.params.id);
      if (!account) return reply.code(404).send({ error: say(request, "account.notFound", { id: request.params.id }) });
      const { disabled, role } = request.body;
      const losesAdmin =
        account.role === "admin" &&
        !account.disabled &&
        (disabled === true || (role !== undefined && role !== "admin"));
      // Nobody could manage accounts any more (the CLI could still create a new admin, but not by accident).
      if (losesAdmin && (await countActiveAdmins(db)) <= 1)
        return reply.code(409).send({ error: say(request, "account.lastAdmin") });
      const actor = actorOf(request);
      if (disabled !== undefined && disabled !== account.disabled) {
        await setDisabled(db, account.id, disabled);
        await recordAudit(db, {
          actor,
          action: disabled ? "account-disabled" : "account-enabled",
          detail: `Konto „${account.name}“ ${disabled ? "gesperrt" : "entsperrt"}`,
        });
      }
      if (role !== undefined && role !== account.role) {
        await setRole(db, account.id, role);
        await recordAudit(db, {
          actor,
          action: "account-role",
          detail: `Rolle von „${account.name}“: ${roleName[account.role]} → ${roleName[role]}`,
        });
      }
      return (await findAccount(db, account.id)) as NonNullable<typeof account>;
    },
  );

  app.put(
    "/:id/password",
    {
      schema: {
        tags: ["Konten"],
        summary: "Passwort eines Kontos neu setzen; beendet seine Sitzungen (nur Admins)",
        params: accountIdParamsSchema,
        body: passwordBodySchema,
        response: { 204: z.null(), 400: errorSchema, ...denied, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const account = await findAccount(db, request.params.id);
      if (!account) return reply.code(404).send({ error: say(request, "account.notFound", { id: request.params.id }) });
      const problem = passwordText(request, request.body.password);
      if (problem) return reply.code(400).send({ error: problem });
      await setPassword(db, account.id, request.body.password);
      await recordAudit(db, {
        actor: actorOf(request),
        action: "password-reset",
        detail: `Passwort von „${account.name}“ neu gesetzt`,
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/:id/tokens/:tokenId",
    {
      schema: {
        tags: ["Konten"],
        summary: "API-Token eines Kontos widerrufen (nur Admins)",
        params: accountTokenParamsSchema,
        response: { 204: z.null(), ...denied, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id, tokenId } = request.params;
      const token = (await listApiTokens(db, id)).find((t) => t.id === tokenId && t.revokedAt === null);
      if (!token) return reply.code(404).send({ error: say(request, "account.tokenNotFound", { id: tokenId }) });
      await revokeApiToken(db, tokenId);
      await recordAudit(db, {
        actor: actorOf(request),
        action: "token-revoked",
        detail: `API-Token Nr. ${token.id} „${token.label}“ von ${token.accountName} widerrufen`,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/audit",
    {
      schema: {
        tags: ["Konten"],
        summary:
          "Protokoll: Anmeldungen, Importe, Veröffentlichungen, Konto- und Tokenänderungen, neueste zuerst (nur Admins)",
        querystring: auditQuerySchema,
        response: { 200: auditResponseSchema, 400: errorSchema, ...denied },
      },
    },
    async (request) => listAudit(db, request.query),
  );
};
export default plugin;
