import { z } from "zod";

export const roleSchema = z.enum(["analyst", "admin"]);
export type Role = z.infer<typeof roleSchema>;

export const accountSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema });
export type Account = z.infer<typeof accountSchema>;

/** Who is signed in; the CSRF token goes into `X-CSRF-Token` on every writing request of the session. */
export const sessionSchema = z.object({ account: accountSchema.nullable(), csrfToken: z.string().nullable() });
export type SessionInfo = z.infer<typeof sessionSchema>;

// Lengths are checked here only against junk; the real rules (and their German messages) are the repository's.
export const loginBodySchema = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(400) });

export const tokenBodySchema = z.object({ label: z.string().trim().min(1).max(80) });
export const tokenIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const apiTokenSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountName: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

export const createdTokenSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  createdAt: z.string(),
  /** `im_<id>_<secret>`: shown only in this answer. */
  token: z.string(),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const accountListingSchema = accountSchema.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  passwordChangedAt: z.string(),
});
export type AccountListing = z.infer<typeof accountListingSchema>;
export const accountsResponseSchema = z.object({
  accounts: z.array(accountListingSchema),
  tokens: z.array(apiTokenSchema),
});
export type AccountsResponse = z.infer<typeof accountsResponseSchema>;

export const createAccountBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  password: z.string().min(1).max(400),
});
export const accountIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const accountTokenParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  tokenId: z.coerce.number().int().positive(),
});
export const updateAccountBodySchema = z.object({ disabled: z.boolean().optional(), role: roleSchema.optional() });
export const passwordBodySchema = z.object({ password: z.string().min(1).max(400) });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number().int() });
export type AuditResponse = z.infer<typeof auditResponseSchema>;
