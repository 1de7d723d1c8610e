import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { ComparisonsResponse, SegregationSeriesResponse, SozialIndexResponse } from "../../api/types.ts";
import { cityHasSozialindex } from "../../city.ts";

/** The index configurations the server computes (`?config=`); the first is its default. */
export const INDEX_CONFIGS = ["muenster", "berlin-mss-s1-s4"] as const;
export const DEFAULT_INDEX_CONFIG = INDEX_CONFIGS[0];

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

/**
 * `year` undefined: the latest year the server has. The configuration is always sent, so the default and an
 * explicit `muenster` share one cache entry (the Steckbrief and the view ask the same query).
 */
export const sozialIndexQuery = ({ year, config = DEFAULT_INDEX_CONFIG }: { year?: number; config?: string } = {}) =>
  queryOptions({
    queryKey: ["sozialmonitoring", "index", { year: year ?? null, config }],
    queryFn: ({ signal }) => api<SozialIndexResponse>("/sozialmonitoring/index", { query: { year, config }, signal }),
    // A city whose catalogue computes no index (Almelo's) is not asked at all.
    enabled: cityHasSozialindex(),
  });
