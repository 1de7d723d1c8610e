// Helpers for component tests: providers around a view and a `fetch` stub that answers by path.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { vi } from "vitest";

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** Stubs `fetch`: `routes` maps a path (without query) to a body or a function of the URL. Unknown paths get 404. */
export function stubApi(routes: Record<string, unknown | ((url: URL) => Response)>) {
  const mock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost");
    const route = routes[url.pathname];
    if (route === undefined) return json(404, { error: `Nicht gefunden: ${url.pathname}` });
    return typeof route === "function" ? (route as (url: URL) => Response)(url) : json(200, route);
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export function renderAt(ui: ReactElement, { path, route }: { path: string; route: string }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={ui} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
