import { useSyncExternalStore } from "react";

// The analysts' token lives in sessionStorage: it survives a reload but not closing the tab.
const KEY = "integrationsmonitor.token";
const listeners = new Set<() => void>();

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token, re-rendering on login and logout. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, () => null);
}
