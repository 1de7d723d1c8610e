import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { DistrictsResponse } from "../../api/types.ts";

// District names change rarely; keep them for the whole session.
export const districtsQuery = () =>
  queryOptions({
    queryKey: ["districts"],
    queryFn: ({ signal }) => api<DistrictsResponse>("/districts", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
