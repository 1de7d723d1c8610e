import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderAt, stubApi } from "../../test-utils.tsx";
import SozialmonitoringView from "./SozialmonitoringView.tsx";

beforeAll(() => {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("the Sozialmonitoring", () => {
  it("shows D times 100 as Indexpunkte and the status classes of the Stadtteile", async () => {
    stubApi({
      "/api/sozialmonitoring/comparisons": {
        comparisons: [
          {
            id: "auslaender",
            label: "Ausländer/Deutsche",
            kind: "two-group",
            focal: "auslaendisch",
            groups: [],
            reference: "alle Einwohnerinnen und Einwohner",
          },
        ],
      },
      "/api/sozialmonitoring/segregation/series": {
        comparison: "auslaender",
        series: [
          {
            year: 2014,
            area: "stadt",
            measures: { dissimilarity: 0.194, isolation: 0.12 },
            multigroup: null,
            coverage: 1,
          },
          {
            year: 2025,
            area: "stadt",
            measures: { dissimilarity: 0.21, isolation: null },
            multigroup: null,
            coverage: 0.98,
          },
        ],
      },
      "/api/sozialmonitoring/index": {
        year: 2025,
        previousYear: 2023,
        config: {},
        units: [
          {
            stadtteil: 91,
            name: "Coerde",
            bezirk: "Nord",
            population: 10234,
            values: {},
            z: {},
            statusIndex: 1.8,
            statusClass: "sehr niedrig",
            dynamicsIndex: -0.2,
            dynamicsClass: "stabil",
            combinedClass: "4 +/-",
          },
          {
            stadtteil: 61,
            name: "Gievenbeck",
            bezirk: "West",
            population: 22000,
            values: {},
            z: {},
            statusIndex: -0.4,
            statusClass: "mittel",
            dynamicsIndex: 0.1,
            dynamicsClass: "stabil",
            combinedClass: "2 +/-",
          },
        ],
        excluded: [{ stadtteil: 5, name: "Hafen", reason: "weniger als 300 Einwohner" }],
      },
      "/api/geo/stadtteile": () => new Response("{}", { status: 404 }),
    });
    const user = userEvent.setup();
    renderAt(<SozialmonitoringView />, { path: "/sozialmonitoring", route: "/sozialmonitoring" });

    expect(
      await screen.findByText(
        /^Segregationsindex \(D\): Der Wert stieg von 2014 bis 2025 von 19,4 Indexpunkte auf 21,0 Indexpunkte\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Bezugsbevölkerung: alle Einwohnerinnen und Einwohner\./)).toBeInTheDocument();
    const index = await screen.findByRole("region", { name: "Status- und Dynamikindex 2025" });
    expect(index).toHaveTextContent("Hafen: nicht eingeordnet (weniger als 300 Einwohner)");
    await user.click(within(index).getByRole("button", { name: "Tabelle" }));
    const coerde = within(index).getByRole("row", { name: /Coerde/ });
    expect(coerde).toHaveTextContent("10.234");
    expect(coerde).toHaveTextContent("sehr niedrig");
    expect(coerde).toHaveTextContent("stabil");
  });
});
