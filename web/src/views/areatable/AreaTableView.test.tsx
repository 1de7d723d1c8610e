import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BenchmarksResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import AreaTableView from "./AreaTableView.tsx";

const benchmarks: BenchmarksResponse = {
  field: { id: "KJS", title: "Soziale Leistungen" },
  method: "Verglichen wie in Fingertips (Wilson).",
  indicators: [
    {
      id: "sgb2",
      title: "SGB-II-Quote",
      shortTitle: "SGB II",
      unit: "%",
      polarity: "lower_is_better",
      year: 2020,
      city: 13,
    },
  ],
  areas: [
    {
      area: "bezirk:Mitte",
      name: "Stadtbezirk Mitte",
      kind: "bezirk",
      cells: [{ value: 14.1, status: "ok", category: "similar" }],
    },
    { area: "11", name: "Altstadt", kind: "stadtteil", cells: [{ value: 8.5, status: "ok", category: "better" }] },
    { area: "12", name: "Hafen", kind: "stadtteil", cells: [{ value: 20.2, status: "ok", category: "worse" }] },
    {
      area: "21",
      name: "Feld",
      kind: "stadtteil",
      cells: [{ value: null, status: "suppressed", category: "not_compared" }],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("the Vergleichstabelle", () => {
  it("marks each area's value against the city in words for screen readers and sorts by an indicator", async () => {
    stubApi({
      "/api/indicators": { version: "1", fields: [{ id: "KJS", title: "Soziale Leistungen" }], indicators: [] },
      "/api/benchmarks": benchmarks,
    });
    renderAt(<AreaTableView />, { path: "/vergleichstabelle", route: "/vergleichstabelle" });
    const table = await screen.findByRole("table", { name: "Soziale Leistungen: Gebiete gegen die Gesamtstadt" });
    const names = () =>
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent);
    expect(names()).toEqual(["Stadtbezirk Mitte", "Altstadt", "Feld", "Hafen"]);
    const hafen = within(table).getByRole("row", { name: /Hafen/ });
    expect(hafen).toHaveTextContent("20,2 % − schlechter als Gesamtstadt");
    expect(within(table).getByRole("row", { name: /Feld/ })).toHaveTextContent(/^Feld\.$/);

    await userEvent.setup().click(within(table).getByRole("button", { name: "SGB II" }));
    expect(names()).toEqual(["Hafen", "Stadtbezirk Mitte", "Altstadt", "Feld"]);
    expect(screen.getByTestId("location")).toHaveTextContent("/vergleichstabelle?sort=sgb2");
    expect(within(table).getByRole("columnheader", { name: /SGB II/ })).toHaveAttribute("aria-sort", "descending");
  });
});
