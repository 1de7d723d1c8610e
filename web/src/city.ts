import type { CityLevels } from "./i18n/cityTerms.ts";

/**
 * Where this city's dashboard lives: "" when the server serves one city, "/almelo" in an instance of several.
 * The server writes it into index.html (`<meta name="im-base">`); routes and API calls are below it.
 */
export const BASE_PATH = (() => {
  if (typeof document === "undefined") return "";
  const content = document.querySelector<HTMLMetaElement>('meta[name="im-base"]')?.content ?? "";
  return /^(\/[a-z][a-z0-9-]*)?$/.test(content) ? content : "";
})();

export interface CityFacts {
  slug: string;
  name: string;
  language: "de" | "nl" | "en";
  levels: CityLevels;
  basePath: string;
  /** The status and dynamics index configurations the city's catalogue can compute (none: no index). */
  indexConfigs?: string[];
  /** False when the server has no Stadtteil boundaries (the map draws tiles); unknown from older servers. */
  boundaries?: boolean;
}

let current: CityFacts | null = null;

/** The city this dashboard shows, once main.tsx has asked the server (null in tests and before). */
export function currentCity(): CityFacts | null {
  return current;
}

/** False when the city's catalogue computes no status and dynamics index (Almelo's); true when unknown. */
export function cityHasSozialindex(): boolean {
  return current?.indexConfigs === undefined || current.indexConfigs.length > 0;
}

export function setCity(city: CityFacts | null): void {
  current = city;
}

/**
 * The city of this dashboard: as the server wrote it into index.html, else (Vite's dev server) from
 * `GET /api/city`; null when the server is unreachable.
 */
export async function fetchCity(): Promise<CityFacts | null> {
  const written = document.getElementById("im-city")?.textContent;
  if (written) return JSON.parse(written) as CityFacts;
  try {
    const response = await fetch(`${BASE_PATH}/api/city`, { headers: { Accept: "application/json" } });
    return response.ok ? ((await response.json()) as CityFacts) : null;
  } catch {
    return null;
  }
}

/** The cities of an instance serving several (root `GET /api/cities`); a single city has no list. */
export async function fetchCities(): Promise<CityFacts[]> {
  if (BASE_PATH === "") return [];
  const response = await fetch("/api/cities", { headers: { Accept: "application/json" } });
  if (!response.ok) return [];
  return ((await response.json()) as { cities: CityFacts[] }).cities;
}
