import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ComparisonsResponse, SegregationSeriesResponse, SozialIndexResponse } from "../../api/types.ts";

export const comparisonsQuery = () =>
  queryOptions({
    queryKey: ["sozialmonitoring", "comparisons"],
    queryFn: ({ signal }) => api<ComparisonsResponse>("/sozialmonitoring/comparisons", { signal }),
  });

export const segregationSeriesQuery = (comparison: string) =>
  queryOptions({
    queryKey: ["sozialmonitoring", "segregation", "series", { comparison }],
    queryFn: ({ signal }) =>
      api<SegregationSeriesResponse>("/sozialmonitoring/segregation/series", { query: { comparison }, signal }),
  });

/** `year` undefined: the latest year the server has. */
export const sozialIndexQuery = (year?: number) =>
  queryOptions({
    queryKey: ["sozialmonitoring", "index", { year: year ?? null }],
    queryFn: ({ signal }) => api<SozialIndexResponse>("/sozialmonitoring/index", { query: { year }, signal }),
  });
