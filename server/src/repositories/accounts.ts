import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../db/engine.ts";
import type { Database } from "../db/schema.ts";

export type Role = "analyst" | "admin";
export const ROLES: readonly Role[] = ["analyst", "admin"];

export interface Account {
  id: number;
  name: string;
  role: Role;
}

export interface AccountListing extends Account {
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

/**
 * scrypt with N = 2^15, r = 8, p = 1: 128·N·r = 32 MiB of memory and about 0.1 s per hash on one core
 * (OWASP's minimum for scrypt is N = 2^17 with r = 8 at p = 1, or a lower N with a higher p; 2^15 keeps logins
 * usable on a shared two-core server). 16 random bytes of salt per password, 32 bytes of key. The parameters
 * are stored with each hash, so raising them later re-hashes nobody and breaks no login.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;
/** Node's default ceiling is exactly 32 MiB, which scrypt's own bookkeeping exceeds at these parameters. */
const MAX_MEMORY = 64 * 1024 * 1024;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const NAME_PATTERN = /^[\p{L}\p{N}._@-]{2,60}$/u;

/** Idle sessions end after 2 hours; every session ends 12 hours after its login. */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keyBytes, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key` (salt and key base64url). Runs in libuv's thread pool, not on the event loop. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await derive(password, salt, SCRYPT.keyBytes, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Derives with the stored parameters and compares in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], "base64url");
  const expected = Buffer.from(parts[5], "base64url");
  const key = await derive(password, salt, expected.length, { N, r, p });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it costs what a real check costs (see `checkLogin`). */
let dummyHash: Promise<string> | null = null;

/** German reason why a password is not accepted, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`;
  if (password.length > PASSWORD_MAX) return `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`;
  return null;
}

/** German reason why a user name is not accepted, or null. */
export function nameProblem(name: string): string | null {
  return NAME_PATTERN.test(name)
    ? null
    : "Der Benutzername muss 2 bis 60 Zeichen lang sein und darf nur Buchstaben, Ziffern und . _ @ - enthalten.";
}

export class AccountExistsError extends Error {}

export async function createAccount(
  db: Kysely<Database>,
  input: { name: string; role: Role; password: string },
): Promise<Account> {
  const now = new Date().toISOString();
  const password_hash = await hashPassword(input.password);
  try {
    const { id } = await db
      .insertInto("accounts")
      .values({ name: input.name, role: input.role, password_hash, created_at: now, password_changed_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id, name: input.name, role: input.role };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AccountExistsError(`Ein Konto mit dem Namen „${input.name}“ gibt es schon.`);
    throw error;
  }
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountListing[]> {
  const rows = await db.selectFrom("accounts").selectAll().orderBy("name").execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    passwordChangedAt: r.password_changed_at,
  }));
}

export async function findAccount(db: Kysely<Database>, id: number): Promise<AccountListing | null> {
  return (await listAccounts(db)).find((a) => a.id === id) ?? null;
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom("accounts")
    .where("role", "=", "admin")
    .where("disabled", "=", 0)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The account whose name and password match, if it is enabled. An unknown name costs one scrypt all the same,
 * so the answer's time does not tell which names exist.
 */
export async function checkLogin(db: Kysely<Database>, name: string, password: string): Promise<Account | null> {
  const row = await db
    .selectFrom("accounts")
    .select(["id", "name", "role", "password_hash", "disabled"])
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()))
    .executeTakeFirst();
  dummyHash ??= hashPassword(randomBytes(16).toString("base64url"));
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
  if (!row || !ok || row.disabled === 1) return null;
  return { id: row.id, name: row.name, role: row.role as Role };
}

/** Sets a new password and ends the account's sessions (whoever held one must sign in again). */
export async function setPassword(db: Kysely<Database>, id: number, password: string): Promise<void> {
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("accounts")
      .set({ password_hash, password_changed_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("sessions").where("account_id", "=", id).execute();
  });
}

/** Disabling ends the account's sessions; its tokens stop working while it is disabled. */
export async function setDisabled(db: Kysely<Database>, id: number, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("accounts")
      .set({ disabled: disabled ? 1 : 0 })
      .where("id", "=", id)
      .execute();
    if (disabled) await trx.deleteFrom("sessions").where("account_id", "=", id).execute();
  });
}

export async function setRole(db: Kysely<Database>, id: number, role: Role): Promise<void> {
  await db.updateTable("accounts").set({ role }).where("id", "=", id).execute();
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

// ---- Sessions -------------------------------------------------------------------------------------------

export interface Session {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

/** A new session: the cookie value (32 random bytes) goes to the browser, only its SHA-256 into the table. */
export async function createSession(
  db: Kysely<Database>,
  accountId: number,
  now = new Date(),
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: string }> {
  const cookieValue = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await db
    .insertInto("sessions")
    .values({
      id_hash: sha256(cookieValue),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  // Expired sessions of anyone are cleared on each login, so the table does not grow without end.
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
  return { cookieValue, csrfToken, expiresAt };
}

/**
 * The session of a cookie value if it has not expired and its account is enabled. Use moves the expiry
 * forward (at most once a minute, to spare writes), never beyond the absolute limit.
 */
export async function findSession(
  db: Kysely<Database>,
  cookieValue: string,
  now = new Date(),
): Promise<Session | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("accounts", "accounts.id", "sessions.account_id")
    .select([
      "sessions.id_hash",
      "sessions.csrf_token",
      "sessions.created_at",
      "sessions.expires_at",
      "accounts.id",
      "accounts.name",
      "accounts.role",
      "accounts.disabled",
    ])
    .where("sessions.id_hash", "=", sha256(cookieValue))
    .executeTakeFirst();
  if (!row || row.disabled === 1 || Date.parse(row.expires_at) <= now.getTime()) return null;
  const limit = Date.parse(row.created_at) + SESSION_ABSOLUTE_MS;
  const next = Math.min(now.getTime() + SESSION_IDLE_MS, limit);
  let expiresAt = row.expires_at;
  if (next - Date.parse(row.expires_at) >= 60_000) {
    expiresAt = new Date(next).toISOString();
    await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id_hash", "=", row.id_hash).execute();
  }
  return { account: { id: row.id, name: row.name, role: row.role as Role }, csrfToken: row.csrf_token, expiresAt };
}

export async function deleteSession(db: Kysely<Database>, cookieValue: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", sha256(cookieValue)).execute();
}

// ---- API tokens -----------------------------------------------------------------------------------------

export interface ApiTokenListing {
  id: number;
  accountId: number;
  accountName: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_PATTERN = /^im_(\d{1,12})_([A-Za-z0-9_-]{1,200})$/;

/**
 * A new token `im_<id>_<secret>`: the id finds the row, the secret (32 random bytes) is compared as SHA-256 in
 * constant time. The token itself is returned once and stored nowhere.
 */
export async function createApiToken(
  db: Kysely<Database>,
  accountId: number,
  label: string,
): Promise<{ id: number; token: string; label: string; createdAt: string }> {
  const secret = randomBytes(32).toString("base64url");
  const createdAt = new Date().toISOString();
  const { id } = await db
    .insertInto("api_tokens")
    .values({ account_id: accountId, label, token_hash: sha256(secret), created_at: createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, token: `im_${id}_${secret}`, label, createdAt };
}

/** The enabled account of a token that is not revoked, else null. */
export async function findApiToken(db: Kysely<Database>, token: string): Promise<Account | null> {
  const match = TOKEN_PATTERN.exec(token);
  // Every malformed token still hashes and compares once, like a well-formed wrong one.
  const presented = Buffer.from(sha256(match?.[2] ?? token), "hex");
  const row = match
    ? await db
        .selectFrom("api_tokens")
        .innerJoin("accounts", "accounts.id", "api_tokens.account_id")
        .select([
          "api_tokens.token_hash",
          "api_tokens.revoked_at",
          "accounts.id",
          "accounts.name",
          "accounts.role",
          "accounts.disabled",
        ])
        .where("api_tokens.id", "=", Number(match[1]))
        .executeTakeFirst()
    : undefined;
  const stored = Buffer.from(row?.token_hash ?? "0".repeat(64), "hex");
  const equal = timingSafeEqual(presented, stored);
  if (!row || !equal || row.revoked_at !== null || row.disabled === 1) return null;
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: new Date().toISOString() })
    .where("id", "=", Number(match?.[1]))
    .execute();
  return { id: row.id, name: row.name, role: row.role as Role };
}

/** Tokens, newest first: of one account, or of all when no account is given. */
export async function listApiTokens(db: Kysely<Database>, accountId?: number): Promise<ApiTokenListing[]> {
  let query = db
    .selectFrom("api_tokens")
    .innerJoin("accounts", "accounts.id", "api_tokens.account_id")
    .select([
      "api_tokens.id",
      "api_tokens.account_id",
      "accounts.name",
      "api_tokens.label",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
    ])
    .orderBy("api_tokens.id", "desc");
  if (accountId !== undefined) query = query.where("api_tokens.account_id", "=", accountId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.name,
    label: r.label,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token (kept, with the time, for the record); false if it does not exist or was revoked before. */
export async function revokeApiToken(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
