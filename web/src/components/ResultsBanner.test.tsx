import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt, stubApi } from "../test-utils.tsx";
import { ResultsBanner } from "./ResultsBanner.tsx";

const status = (upToDate: boolean) => ({
  dataGeneration: 7,
  resultsGeneration: upToDate ? 7 : 6,
  upToDate,
  recomputing: !upToDate,
  computedAt: "2026-12-04T01:00:00Z",
  message: upToDate
    ? "Die Ergebnisse entsprechen den gespeicherten Daten."
    : "Neue Daten werden gerade eingerechnet; bis dahin gelten die zuletzt berechneten Ergebnisse.",
});

afterEach(() => vi.unstubAllGlobals());

describe("the banner about results being brought up to date", () => {
  it("says so while new data are being computed", async () => {
    stubApi({ "/api/status": status(false) });
    renderAt(<ResultsBanner />, { path: "/", route: "/" });
    const banner = await screen.findByText(/Neue Daten werden gerade eingerechnet/);
    expect(banner).toHaveAttribute("role", "status");
  });

  it("stays silent when the results belong to the data", async () => {
    const fetch = stubApi({ "/api/status": status(true) });
    renderAt(<ResultsBanner />, { path: "/", route: "/" });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByText(/eingerechnet|entsprechen/)).toBeNull();
  });
});
