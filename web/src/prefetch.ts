import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { catalogueQuery, indicatorQuery, valuesQuery } from "./views/indicator/queries.ts";
import { overviewQuery } from "./views/overview/queries.ts";
import { districtsQuery } from "./views/shared/queries.ts";
import { comparisonsQuery, sozialIndexQuery } from "./views/sozialmonitoring/queries.ts";

/**
 * Starts a view's first requests while its code is still loading, instead of after (saves a round of
 * waiting before the first chart). Uses the views' own query factories, so the cache is shared.
 */
export function prefetchView(client: QueryClient, pathname: string, search: string): void {
  const params = new URLSearchParams(search);
  const area = params.get("area") ?? "stadt";
  const prefetch = (options: Parameters<QueryClient["prefetchQuery"]>[0]) => void client.prefetchQuery(options);

  if (pathname === "/") {
    prefetch(overviewQuery(area));
    prefetch(catalogueQuery());
    return;
  }
  const indicator = matchPath("/indikatoren/:id", pathname);
  if (indicator?.params.id) {
    const id = indicator.params.id;
    prefetch(indicatorQuery(id));
    prefetch(valuesQuery({ id, area, breakdown: "gesamt" }));
    const breakdown = params.get("breakdown");
    if (breakdown && breakdown !== "gesamt") prefetch(valuesQuery({ id, area, breakdown }));
    return;
  }
  const profile = matchPath("/stadtteile/:nr", pathname);
  if (profile?.params.nr) {
    prefetch(districtsQuery());
    prefetch(overviewQuery(profile.params.nr));
    prefetch(overviewQuery("stadt"));
    return;
  }
  if (pathname === "/stadtteilvergleich") {
    prefetch(catalogueQuery());
    prefetch(districtsQuery());
    return;
  }
  if (pathname === "/sozialmonitoring") {
    prefetch(comparisonsQuery());
    const year = Number(params.get("year")) || undefined;
    prefetch(sozialIndexQuery(year));
  }
}
