import type {
  AccountListing,
  AccountsResponse,
  ApiToken,
  AuditResponse,
  CreatedToken,
  Role,
} from "@im/server/schemas/accounts";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export type { AccountListing, ApiToken, AuditResponse, Role };

export const accountsQuery = () =>
  queryOptions({
    queryKey: ["accounts"],
    queryFn: ({ signal }) => api<AccountsResponse>("/accounts", { signal }),
  });

export const AUDIT_PAGE = 50;

export const auditQuery = (offset: number) =>
  queryOptions({
    queryKey: ["audit", offset],
    queryFn: ({ signal }) => api<AuditResponse>("/accounts/audit", { signal, query: { offset, limit: AUDIT_PAGE } }),
    placeholderData: keepPreviousData,
  });

export const ownTokensQuery = () =>
  queryOptions({
    queryKey: ["tokens", "own"],
    queryFn: ({ signal }) => api<{ tokens: ApiToken[] }>("/auth/tokens", { signal }),
  });

export const createAccount = (input: { name: string; role: Role; password: string }) =>
  api<AccountListing>("/accounts", { method: "POST", json: input });

export const updateAccount = (id: number, change: { disabled?: boolean; role?: Role }) =>
  api<AccountListing>(`/accounts/${id}`, { method: "PATCH", json: change });

export const resetPassword = (id: number, password: string) =>
  api<void>(`/accounts/${id}/password`, { method: "PUT", json: { password } });

export const createToken = (label: string) => api<CreatedToken>("/auth/tokens", { method: "POST", json: { label } });

/** Own tokens through /auth/tokens, any account's (admins) through /accounts/{id}/tokens. */
export const revokeToken = (token: ApiToken, asAdmin: boolean) =>
  api<void>(asAdmin ? `/accounts/${token.accountId}/tokens/${token.id}` : `/auth/tokens/${token.id}`, {
    method: "DELETE",
  });
