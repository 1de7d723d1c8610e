import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "../../api/client.ts";
import { language } from "../../i18n/index.ts";

export type ComparabilityLevel = "vergleichbar" | "eingeschraenkt" | "nicht_vergleichbar";
export interface Comparability {
  level: ComparabilityLevel;
  note: string;
}

export interface CrossCityList {
  indicators: {
    id: string;
    comparability: Comparability;
    cities: { slug: string; title: string; unit: string; definition: string; source: string }[];
  }[];
  genderCoverage: {
    city: string;
    name: string;
    fields: {
      field: string;
      title: string;
      indicators: { id: string; title: string; bySex: boolean; reason: string | null }[];
    }[];
  }[];
}

export interface CrossCityIndicator {
  id: string;
  comparability: Comparability;
  year: number | null;
  cities: {
    slug: string;
    name: string;
    title: string;
    unit: "%" | "‰";
    definition: string;
    published: boolean;
    year: number | null;
    value: number | null;
    status: string;
    gap: { groups: { label: string; value: number | null }[]; gap: number | null } | null;
    areas: { code: string; name: string; value: number | null; status: string }[];
  }[];
  ranking: { city: string; code: string; name: string; value: number }[] | null;
}

/**
 * The instance's comparison lives at its root, beside the cities, not below one of them. Its reasons and messages
 * come in the reader's language, as the api client's answers do.
 */
async function rootJson<T>(path: string): Promise<T> {
  const response = await fetch(`/api/cities${path}`, {
    headers: { Accept: "application/json", "Accept-Language": language() },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, (body as { error?: string } | null)?.error ?? "", body);
  return body as T;
}

export const crossCityListQuery = () =>
  queryOptions({ queryKey: ["cities", "vergleich"], queryFn: () => rootJson<CrossCityList>("/vergleich") });

export const crossCityIndicatorQuery = (id: string) =>
  queryOptions({
    queryKey: ["cities", "vergleich", id],
    queryFn: () => rootJson<CrossCityIndicator>(`/vergleich/${encodeURIComponent(id)}`),
  });
