import { TOTAL as TOTAL_GROUP } from "@im/indicators/total";
import { queryOptions } from "@tanstack/react-query";
import { api, apiUrl } from "../../api/client.ts";
import type {
  AreaId,
  CatalogueResponse,
  GapsResponse,
  IndicatorDetailResponse,
  ValuesResponse,
} from "../../api/types.ts";
import { language } from "../../i18n/index.ts";

// Keys start with "indicators" so one invalidation after an import refreshes them all.

export const catalogueQuery = () =>
  queryOptions({
    queryKey: ["indicators"],
    queryFn: ({ signal }) => api<CatalogueResponse>("/indicators", { signal }),
  });

export const indicatorQuery = (id: string) =>
  queryOptions({
    queryKey: ["indicators", id],
    queryFn: ({ signal }) => api<IndicatorDetailResponse>(`/indicators/${encodeURIComponent(id)}`, { signal }),
  });

/** The breakdown and group id of the total (all inhabitants), as the values API names it. */
export const TOTAL = TOTAL_GROUP.id;

export interface ValuesParams {
  id: string;
  /** Omitted: every area the server has (Stadtteilvergleich). */
  area?: AreaId;
  /** Omitted: every year. */
  year?: number;
  breakdown?: string;
}

export const valuesQuery = ({ id, area, year, breakdown }: ValuesParams) =>
  queryOptions({
    queryKey: ["indicators", id, "values", { area: area ?? null, year: year ?? null, breakdown: breakdown ?? null }],
    queryFn: ({ signal }) =>
      api<ValuesResponse>(`/indicators/${encodeURIComponent(id)}/values`, {
        query: { area, year, breakdown },
        signal,
      }),
  });

/** The API's own CSV of the same selection (for re-use; the client-side CSV mirrors the chart). */
export function valuesCsvUrl(params: ValuesParams, flavour: "de" | "en"): string {
  return apiUrl(`/indicators/${encodeURIComponent(params.id)}/values`, {
    area: params.area,
    year: params.year,
    breakdown: params.breakdown,
    format: "csv",
    flavour,
    // The people's CSV in the reader's language (headers, status words, symbols): without `lang` the server would
    // go by the browser's Accept-Language or the city's language.
    lang: flavour === "de" ? language() : undefined,
  });
}

export const gapsQuery = (id: string, area: AreaId) =>
  queryOptions({
    queryKey: ["indicators", id, "gaps", { area }],
    queryFn: ({ signal }) =>
      api<GapsResponse>(`/indicators/${encodeURIComponent(id)}/gaps`, { query: { area }, signal }),
  });
