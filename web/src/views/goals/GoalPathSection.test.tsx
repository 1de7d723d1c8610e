import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GoalsResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import { GoalPathSection } from "./GoalPathSection.tsx";

// 100 in 2020, target 161.051 = 100 · 1.1⁵ in 2025: the required path grows 10 % a year, 110, 121, 133.1, 146.41.
const body: GoalsResponse = {
  area: "stadt",
  areaName: "Gesamtstadt",
  method: "…",
  goals: [
    {
      id: "mehr",
      field: "BS",
      fieldTitle: "Bildung",
      title: "Mehr Kita",
      description: null,
      example: true,
      measures: [
        {
          indicator: "kita",
          title: "Kita-Quote",
          unit: "%",
          direction: "rise",
          directionText: "Wert soll steigen",
          baseYear: 2020,
          target: { value: 161.051, year: 2025 },
          area: "stadt",
          areaName: "Gesamtstadt",
          cityOnly: false,
          series: [
            { year: 2020, value: 100 },
            { year: 2021, value: 104 },
            { year: 2022, value: 108 },
          ],
          short: {
            status: "not_assessable",
            term: "short",
            period: null,
            reason: "too_few_years",
            label: "nicht bewertbar",
            text: "…",
          },
          long: {
            status: "assessed",
            term: "long",
            period: { from: 2020, to: 2022, afterBreak: null },
            category: "insufficient_progress",
            label: "unzureichender Fortschritt",
            startValue: 100,
            endValue: 108,
            actualRate: 0.0392,
            requiredRate: 0.1,
            ratio: 0.392,
            text: "Unzureichender Fortschritt: 2020–2022 stieg der Wert von 100,0 auf 108,0.",
          },
        },
      ],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("the path to a target on the indicator page", () => {
  it("shows the series beside the required path up to the target year, with a table", async () => {
    stubApi({ "/api/goals": body });
    renderAt(<GoalPathSection indicator="kita" area="stadt" />, { path: "/", route: "/" });
    expect(await screen.findByRole("heading", { name: "Weg zum Ziel: Mehr Kita" })).toBeInTheDocument();
    expect(screen.getByText(/Unzureichender Fortschritt: 2020–2022/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "Tabelle" }));
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "2020100,0 %100,0 %",
      "2021104,0 %110,0 %",
      "2022108,0 %121,0 %",
      "2023…133,1 %",
      "2024…146,4 %",
      "2025…161,1 %",
    ]);
  });

  it("shows nothing for an indicator without a goal target", async () => {
    const fetch = stubApi({ "/api/goals": body });
    const { container } = renderAt(<GoalPathSection indicator="anderer" area="stadt" />, { path: "/", route: "/" });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(container.querySelector("h2")).toBeNull();
  });
});
