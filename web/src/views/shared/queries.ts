import { queryOptions } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client.ts";
import type { DistrictsResponse } from "../../api/types.ts";
import { currentCity } from "../../city.ts";
import type { StadtteilFeatureCollection } from "../../map/index.ts";

// District names change rarely; keep them for the whole session.
export const districtsQuery = () =>
  queryOptions({
    queryKey: ["districts"],
    queryFn: ({ signal }) => api<DistrictsResponse>("/districts", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The Stadtteil boundaries, or null when the server has none configured (404): the map then draws tiles only. */
export const geoQuery = () =>
  queryOptions({
    queryKey: ["geo", "stadtteile"],
    queryFn: async ({ signal }) => {
      // Not asked at all where the city says it has none: no failed request in every visitor's console.
      if (currentCity()?.boundaries === false) return null;
      try {
        return await api<StadtteilFeatureCollection>("/geo/stadtteile", { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
