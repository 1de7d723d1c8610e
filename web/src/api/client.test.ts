import { afterEach, describe, expect, it, vi } from "vitest";
import { json } from "../test-utils.tsx";
import { getSession, setSession } from "./auth.ts";
import { ApiError, api } from "./client.ts";

const anna = { account: { id: 1, name: "anna", role: "analyst" as const }, csrfToken: "csrf-anna" };

/** The server: 401 to analyst-only paths without a live session, else an answer. */
function server(sessionAlive: boolean) {
  const mock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) =>
    String(input).startsWith("/api/imports") && !sessionAlive
      ? json(401, { error: "Anmeldung erforderlich." })
      : json(200, { ok: true }),
  );
  vi.stubGlobal("fetch", mock);
  return mock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

describe("api with a session", () => {
  it("adds the session's CSRF token to writing requests only, and never an Authorization header", async () => {
    const fetch = server(true);
    setSession(anna);
    await api("/districts");
    await api("/imports", { method: "POST", body: new FormData() });
    await api("/accounts/2", { method: "PATCH", json: { disabled: true } });
    const headers = fetch.mock.calls.map(([, init]) => new Headers(init?.headers));
    expect(headers.map((h) => h.get("X-CSRF-Token"))).toEqual([null, "csrf-anna", "csrf-anna"]);
    expect(headers.every((h) => h.get("Authorization") === null)).toBe(true);
    expect(headers[2].get("Content-Type")).toBe("application/json");
  });

  it("forgets a session the server has ended (a 401) and does not send a form twice", async () => {
    const fetch = server(false);
    setSession(anna);
    await expect(api("/imports", { method: "POST", body: new FormData() })).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(getSession()).toBeNull();
  });

  it("keeps a session whose requests succeed, and stores nothing in the browser's storage", async () => {
    server(true);
    setSession(anna);
    expect(await api("/imports")).toEqual({ ok: true });
    expect(getSession()).toBe(anna);
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });
});
