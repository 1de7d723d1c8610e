import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseLanguage, resetLanguage } from "../i18n/index.ts";
import { json } from "../test-utils.tsx";
import { getSession, setSession } from "./auth.ts";
import { ApiError, api, localized } from "./client.ts";

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

  it("names the reader's language in every request, so the server answers in it", async () => {
    const fetch = server(true);
    await api("/districts");
    chooseLanguage("nl");
    await api("/indicators");
    resetLanguage();
    const headers = fetch.mock.calls.map(([, init]) => new Headers(init?.headers));
    expect(headers.map((h) => h.get("Accept-Language"))).toEqual(["de", "nl"]);
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

describe("the catalogue's texts in the reader's language", () => {
  const indicator = {
    id: "anteil_mv",
    title: "Bevölkerung mit nicht-niederländischer Herkunft",
    definition: "Anteil …",
    notes: ["Hinweis"],
    translations: { nl: { title: "Inwoners met een niet-Nederlandse herkomst", notes: ["Opmerking"] } },
  };

  it("puts the language's title and notes in place and keeps German where it has none", () => {
    const body = {
      fields: [{ id: "GD", title: "Grunddaten", translations: { nl: { title: "Basisgegevens" } } }],
      indicators: [indicator],
    };
    const shown = localized(body, "nl") as typeof body;
    expect(shown.fields[0].title).toBe("Basisgegevens");
    expect(shown.indicators[0]).toMatchObject({
      title: "Inwoners met een niet-Nederlandse herkomst",
      definition: "Anteil …",
      notes: ["Opmerking"],
    });
    expect((localized(body, "en") as typeof body).indicators[0].title).toBe(indicator.title);
    expect(localized(body, "de")).toBe(body);
  });
});
