import type { Account } from "@im/server/schemas/accounts";
import { useSyncExternalStore } from "react";
import { BASE_PATH } from "../city.ts";

// The session lives in an HttpOnly cookie the page's script cannot read (nothing in sessionStorage or
// localStorage). What the script keeps, in memory only, is who is signed in and the session's CSRF token,
// which every writing request sends back in X-CSRF-Token; both come from GET /api/auth/session after a reload.

export interface Session {
  account: Account;
  csrfToken: string;
}

let session: Session | null = null;
/** False until the server has said whether the cookie is a session (avoids a login form flashing up). */
let known = false;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: Session | null) {
  session = next;
  known = true;
  for (const listener of listeners) listener();
}

/** Asks the server who the cookie belongs to; a failed request counts as "not signed in". */
export function loadSession(): Promise<void> {
  loading ??= fetch(`${BASE_PATH}/api/auth/session`, { headers: { Accept: "application/json" } })
    .then(async (response) => {
      const body = response.ok
        ? ((await response.json()) as { account: Account | null; csrfToken: string | null })
        : null;
      publish(body?.account && body.csrfToken ? { account: body.account, csrfToken: body.csrfToken } : null);
    })
    .catch(() => publish(null))
    .finally(() => {
      loading = null;
    });
  return loading;
}

export function getSession(): Session | null {
  return session;
}

/** After a login answer (POST /api/auth/login) or when the server has ended the session (a 401). */
export function setSession(next: Session | null): void {
  publish(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!known) void loadSession();
  return () => listeners.delete(listener);
}

/** The signed-in account and its CSRF token, re-rendering on login and logout; null while unknown or public. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

/** True once the server has answered whether this browser is signed in. */
export function useSessionKnown(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => known,
    () => false,
  );
}

/** Ends the session on the server (the cookie is cleared by its answer) and here. */
export async function logout(): Promise<void> {
  const csrf = session?.csrfToken;
  publish(null);
  await fetch(`${BASE_PATH}/api/auth/logout`, {
    method: "POST",
    headers: csrf ? { "X-CSRF-Token": csrf } : {},
  }).catch(() => undefined);
}

/**
 * Non-null while signed in (the session's CSRF token, not a credential on its own): for views that only ask
 * "is an analyst looking?". Kept under its old name so they need no change.
 */
export function getToken(): string | null {
  return session?.csrfToken ?? null;
}

export function useToken(): string | null {
  return useSession()?.csrfToken ?? null;
}

/** `setToken(null)` logs out (the header's button); there is no token to set any more. */
export function setToken(token: null): void {
  if (token === null) void logout();
}
