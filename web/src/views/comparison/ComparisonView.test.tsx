import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { IndicatorMeta, ValueRow } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import ComparisonView from "./ComparisonView.tsx";

const meta: IndicatorMeta = {
  id: "auslaender",
  title: "Anteil der Ausländerinnen und Ausländer",
  shortTitle: "Ausländeranteil",
  field: "wohnen",
  unit: "%",
  polarity: "neutral",
  definition: "",
  numeratorLabel: "",
  denominatorLabel: "",
  source: "Statistikdienststelle",
  migrationDefinition: "",
  comparison: null,
  breakdowns: [],
  notes: [],
  seriesBreaks: [],
};

const districts = [
  { number: 11, name: "Aegidii", bezirk: "Mitte" },
  { number: 61, name: "Gievenbeck", bezirk: "West" },
  { number: 91, name: "Coerde", bezirk: "Nord" },
];

function row(area: string, year: number, value: number | null, status: ValueRow["status"] = "ok"): ValueRow {
  return {
    year,
    area,
    areaName: area,
    breakdown: "gesamt",
    group: "gesamt",
    groupLabel: "Insgesamt",
    numerator: null,
    denominator: null,
    value,
    status,
    statusDetail: null,
  };
}

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

describe("the Stadtteilvergleich", () => {
  it("ranks the Stadtteile against the city and keeps the suppressed one as a dot at the end", async () => {
    stubApi({
      "/api/indicators": { version: "1", fields: [], indicators: [meta] },
      "/api/indicators/auslaender": {
        indicator: meta,
        years: [2024, 2025],
        areas: ["stadt", "11", "61", "91"],
        breakdowns: [],
      },
      "/api/indicators/auslaender/values": (url: URL) =>
        new Response(
          JSON.stringify({
            rows:
              url.searchParams.get("area") === "stadt"
                ? [row("stadt", 2024, 10), row("stadt", 2025, 11.5)]
                : [row("11", 2025, 9), row("61", 2025, null, "suppressed"), row("91", 2025, 21.2), row("91", 2024, 20)],
            footnotes: [],
          }),
        ),
      "/api/districts": { districts, bezirke: ["Mitte", "West", "Nord"] },
      "/api/geo/stadtteile": () =>
        new Response(JSON.stringify({ error: "Keine Geometrie konfiguriert." }), { status: 404 }),
    });
    const user = userEvent.setup();
    renderAt(<ComparisonView />, { path: "/stadtteilvergleich", route: "/stadtteilvergleich" });

    const frame = await screen.findByRole("region", { name: "Ausländeranteil 2025 nach Stadtteilen" });
    expect(frame).toHaveTextContent(/zwischen 9,0\s% \(Aegidii\) und 21,2\s% \(Coerde\); Gesamtstadt: 11,5\s%/);
    await user.click(within(frame).getByRole("button", { name: "Tabelle" }));
    const names = within(within(frame).getByRole("table"))
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent);
    expect(names).toEqual(["Coerde", "Aegidii", "Gievenbeck"]);
    expect(within(frame).getByRole("row", { name: /Gievenbeck/ })).toHaveTextContent(
      "Wert aus Gründen der Geheimhaltung unterdrückt",
    );

    await user.selectOptions(screen.getByLabelText("Jahr"), "2024");
    expect(screen.getByTestId("location")).toHaveTextContent("/stadtteilvergleich?year=2024");
    expect(await screen.findByRole("region", { name: "Ausländeranteil 2024 nach Stadtteilen" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Entwicklung je Stadtteil: Ausländeranteil" })).toBeInTheDocument();
  });
});
