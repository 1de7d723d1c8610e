import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CityFacts, setCity } from "../../city.ts";
import { geoQuery } from "./queries.ts";

const city = (boundaries?: boolean) =>
  ({ slug: "muenster", name: "Münster", language: "de", basePath: "", boundaries }) as CityFacts;

afterEach(() => {
  setCity(null);
  vi.unstubAllGlobals();
});

describe("geoQuery", () => {
  it("does not ask for boundaries the city says it has none of (the map draws tiles)", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    setCity(city(false));
    expect(await new QueryClient().fetchQuery(geoQuery())).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("asks for them where the city has them, or does not say (an older server)", async () => {
    for (const boundaries of [true, undefined]) {
      const fetch = vi.fn(
        async () =>
          new Response('{"type":"FeatureCollection","features":[]}', {
            status: 200,
            headers: { "content-type": "application/geo+json" },
          }),
      );
      vi.stubGlobal("fetch", fetch);
      setCity(city(boundaries));
      expect(await new QueryClient().fetchQuery(geoQuery())).toEqual({ type: "FeatureCollection", features: [] });
      expect(fetch).toHaveBeenCalledOnce();
    }
  });
});
