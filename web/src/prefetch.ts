import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { cityHasSozialindex } from "./city.ts";
import { catalogueQuery, indicatorQuery, TOTAL, valuesQuery } from "./views/indicator/queries.ts";
import { overviewQuery } from "./views/overview/queries.ts";
import { CITY } from "./views/shared/areas.tsx";
import { districtsQuery } from "./views/shared/queries.ts";
import { comparisonsQuery, sozialIndexQuery } from "./views/sozialmonitoring/queries.ts";

/**
 * Starts a view's first requests while its code is still loading, instead of after (saves a round of
 * waiting before the first chart). Uses the views' own query factories, so the cache is shared.
 */
export function prefetchView(client: QueryClient, pathname: string, search: string): void {
  const params = new URLSearchParams(search);
  const area = params.get("area") ?? CITY;

  if (pathname === "/") {
    void client.prefetchQuery(overviewQuery(area));
    void client.prefetchQuery(catalogueQuery());
    return;
  }
  const indicator = matchPath("/indikatoren/:id", pathname);
  if (indicator?.params.id) {
    const id = indicator.params.id;
    const breakdown = params.get("breakdown");
    const values = (shown: string) => {
      void client.prefetchQuery(valuesQuery({ id, area: shown, breakdown: TOTAL }));
      if (breakdown && breakdown !== TOTAL) void client.prefetchQuery(valuesQuery({ id, area: shown, breakdown }));
    };
    void client.prefetchQuery(catalogueQuery());
    // Another area than the city only once the indicator says it has values there (else the view shows the city).
    if (area === CITY) {
      void client.prefetchQuery(indicatorQuery(id));
      values(CITY);
    } else {
      void client
        .fetchQuery(indicatorQuery(id))
        .then((detail) => values(detail.areas.length > 0 && !detail.areas.includes(area) ? CITY : area))
        .catch(() => {}); // the view shows the error
    }
    return;
  }
  const profile = matchPath("/stadtteile/:nr", pathname);
  if (profile?.params.nr) {
    void client.prefetchQuery(districtsQuery());
    void client.prefetchQuery(overviewQuery(profile.params.nr));
    void client.prefetchQuery(overviewQuery(CITY));
    return;
  }
  if (pathname === "/stadtteilvergleich") {
    void client.prefetchQuery(catalogueQuery());
    void client.prefetchQuery(districtsQuery());
    return;
  }
  if (pathname === "/sozialmonitoring") {
    void client.prefetchQuery(comparisonsQuery());
    const year = Number(params.get("year")) || undefined;
    if (cityHasSozialindex()) {
      void client.prefetchQuery(sozialIndexQuery({ year, config: params.get("config") || undefined }));
    }
  }
}
