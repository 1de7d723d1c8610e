import { afterEach, describe, expect, it, vi } from "vitest";
import { json } from "../test-utils.tsx";
import { getToken, setToken } from "./auth.ts";
import { ApiError, api } from "./client.ts";

/** The server as it answers now: 401 to any token but „gültig“, the public answer without one. */
function serverWithToken(valid: string) {
  const mock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get("Authorization");
    if (auth && auth !== `Bearer ${valid}`) return json(401, { error: "Der Token ist ungültig." });
    return json(200, { who: auth ? "analyst" : "public" });
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setToken(null);
});

describe("api with a stored token the server no longer accepts", () => {
  it("drops the token (the login shows again) and reads the public answer", async () => {
    const fetch = serverWithToken("neu");
    setToken("alt");
    expect(await api("/districts")).toEqual({ who: "public" });
    expect(getToken()).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("keeps a valid token", async () => {
    serverWithToken("neu");
    setToken("neu");
    expect(await api("/districts")).toEqual({ who: "analyst" });
    expect(getToken()).toBe("neu");
  });

  it("does not send a form twice: an upload with a rejected token fails with 401 and logs out", async () => {
    const fetch = serverWithToken("neu");
    setToken("alt");
    await expect(api("/imports", { method: "POST", body: new FormData() })).rejects.toBeInstanceOf(ApiError);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(getToken()).toBeNull();
  });
});
