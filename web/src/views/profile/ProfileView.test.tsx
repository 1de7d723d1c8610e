import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OverviewResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import ProfileView from "./ProfileView.tsx";

function overview(value: number): OverviewResponse {
  return {
    year: 2025,
    cards: [
      {
        id: "sgb2",
        title: "Anteil Leistungsberechtigter nach SGB II",
        shortTitle: "SGB-II-Quote",
        field: "arbeit",
        unit: "%",
        latest: { year: 2025, value, status: "ok" },
        series: [
          { year: 2024, value: value - 1, status: "ok" },
          { year: 2025, value, status: "ok" },
        ],
        comparison: null,
      },
    ],
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("the Stadtteil-Steckbrief", () => {
  it("puts the Stadtteil next to its Stadtbezirk and the city and names its Sozialmonitoring class", async () => {
    stubApi({
      "/api/districts": { districts: [{ number: 91, name: "Coerde", bezirk: "Nord" }], bezirke: ["Nord"] },
      "/api/overview": (url: URL) => {
        const area = url.searchParams.get("area");
        return new Response(JSON.stringify(overview(area === "91" ? 24.5 : area === "stadt" ? 9.1 : 12)));
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
            dynamicsIndex: 1.2,
            dynamicsClass: "negativ",
            combinedClass: "4 -",
          },
        ],
        excluded: [],
      },
    });
    renderAt(<ProfileView />, { path: "/stadtteile/:nr", route: "/stadtteile/91" });

    expect(await screen.findByRole("heading", { level: 1, name: "Stadtteil-Steckbrief: Coerde" })).toBeInTheDocument();
    const card = (await screen.findByRole("link", { name: "SGB-II-Quote" })).closest("li") as HTMLElement;
    expect(card).toHaveTextContent(/Coerde\s*24,5\s%/);
    expect(card).toHaveTextContent(/Stadtbezirk Nord\s*12,0\s%/);
    expect(card).toHaveTextContent(/Gesamtstadt\s*9,1\s%/);
    const sozial = await screen.findByRole("region", { name: "Sozialmonitoring 2025" });
    expect(sozial).toHaveTextContent("sehr niedrig");
    expect(sozial).toHaveTextContent("negativ");
    // "4 -": status 4 = sehr niedrig, "-" = negative dynamics since 2023; a low status is a special need.
    expect(sozial.querySelector(".combined-explain")?.textContent).toBe(
      "Gesamteinordnung „4 -“: Die Ziffer ist der Status, die soziale Lage, von 1 = hoch (günstig) bis 4 = sehr niedrig (ungünstig); das Zeichen ist die Dynamik, die Entwicklung seit 2023: + positiv, +/- stabil, - negativ. Coerde: Status sehr niedrig und Dynamik negativ. Damit gehört der Stadtteil zu den Gebieten mit besonderem Handlungsbedarf.",
    );
    // 24,5 − 9,1 = 15,4 points above the city, on the card; the year once for the page, not on the card.
    expect(card).toHaveTextContent(/Unterschied zur Gesamtstadt: \+15,4\sProzentpunkte/);
    expect(card).not.toHaveTextContent("Stand 2025");
    expect(screen.getAllByText(/^Stand der Werte: 2025\./)).toHaveLength(1);
    expect(screen.getByRole("img", { name: /^Lage von Coerde in der Stadt/ })).toBeInTheDocument();
  });
});
