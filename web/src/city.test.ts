import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchCity } from "./city.ts";

afterEach(() => {
  document.getElementById("im-city")?.remove();
  vi.unstubAllGlobals();
});

describe("fetchCity", () => {
  it("takes the facts the server wrote into the page, without asking the API", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const block = document.createElement("script");
    block.type = "application/json";
    block.id = "im-city";
    block.textContent = '{"slug":"almelo","name":"Almelo","language":"nl","basePath":"/almelo"}';
    document.head.append(block);
    expect(await fetchCity()).toMatchObject({ slug: "almelo", language: "nl", basePath: "/almelo" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("asks GET /api/city where the page has none (Vite's dev server)", async () => {
    const fetch = vi.fn(async () => new Response('{"slug":"muenster","language":"de"}', { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    expect(await fetchCity()).toMatchObject({ slug: "muenster" });
    expect(fetch).toHaveBeenCalledWith("/api/city", expect.anything());
  });
});
