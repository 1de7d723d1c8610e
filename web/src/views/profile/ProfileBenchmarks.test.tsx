import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OverviewResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import ProfileView from "./ProfileView.tsx";

function overview(area: string, value: number): OverviewResponse {
  const here = area === "91";
  return {
    year: 2025,
    ...(here
      ? { benchmarkMethod: "Verglichen wie im Public Health Profile „Fingertips“ (95-%-Vertrauensbereich, Wilson)." }
      : {}),
    cards: [
      {
        id: "sgb2",
        title: "SGB-II-Quote",
        shortTitle: "SGB-II-Quote",
        field: "KJS",
        unit: "%",
        latest: { year: 2025, value, status: "ok" },
        series: [{ year: 2025, value, status: "ok" }],
        ...(here
          ? {
              benchmarks: [
                { against: "stadt", againstName: "Gesamtstadt", year: 2025, category: "worse" as const, value: 9.1 },
                {
                  against: "bezirk:Nord",
                  againstName: "Stadtbezirk Nord",
                  year: 2025,
                  category: "similar" as const,
                  value: 12,
                },
              ],
            }
          : {}),
        comparison: null,
      },
    ],
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("the Steckbrief against the city and the Bezirk", () => {
  it("says in words how each value compares, on the card and in the table, with the method", async () => {
    stubApi({
      "/api/districts": { districts: [{ number: 91, name: "Coerde", bezirk: "Nord" }], bezirke: ["Nord"] },
      "/api/overview": (url: URL) => {
        const area = url.searchParams.get("area") ?? "stadt";
        return new Response(JSON.stringify(overview(area, area === "91" ? 24.5 : area === "stadt" ? 9.1 : 12)));
      },
    });
    renderAt(<ProfileView />, { path: "/stadtteile/:nr", route: "/stadtteile/91" });
    const card = (await screen.findByRole("link", { name: "SGB-II-Quote" })).closest("li") as HTMLElement;
    expect(card).toHaveTextContent("− schlechter als Gesamtstadt");
    expect(screen.getByText(/Fingertips/)).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole("button", { name: "Tabelle" }));
    const table = screen.getByRole("table");
    expect(within(table).getByRole("columnheader", { name: "gegenüber Stadtbezirk Nord" })).toBeInTheDocument();
    const row = within(table).getAllByRole("row")[1];
    expect(row).toHaveTextContent("≈ ähnlich wie Stadtbezirk Nord");
  });
});
