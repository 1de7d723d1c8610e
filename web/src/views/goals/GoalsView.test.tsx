import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GoalsResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import GoalsView from "./GoalsView.tsx";

const assessed = (category: "significant_progress" | "movement_away", label: string, text: string) => ({
  status: "assessed" as const,
  term: "long" as const,
  period: { from: 2015, to: 2025, afterBreak: null },
  category,
  label,
  startValue: 24,
  endValue: 19,
  actualRate: -0.023,
  requiredRate: -0.045,
  ratio: 0.51,
  text,
});

function goals(area: string, areaName: string, secret: boolean): GoalsResponse {
  return {
    area,
    areaName,
    method: "Bewertet nach der Methode des EU-SDG-Monitoringberichts von Eurostat (Ausgabe 2024) …",
    goals: [
      {
        id: "kita",
        field: "BS",
        fieldTitle: "Bildung und Sprache",
        title: "Beispielziel: Kinder besuchen früh eine Kita",
        description: null,
        example: true,
        measures: [
          {
            indicator: "kita_quote_u3_mh",
            title: "Betreuungsquote der Kinder unter 3 Jahren",
            unit: "%",
            direction: "close_gap",
            directionText: "Abstand zwischen mit und ohne Migrationsvorgeschichte verringern",
            baseYear: 2015,
            target: { value: 5, year: 2030 },
            area,
            areaName,
            cityOnly: false,
            series: [],
            short: assessed(
              "significant_progress",
              "deutlicher Fortschritt",
              "Deutlicher Fortschritt: 2020–2025 sank …",
            ),
            long: secret
              ? {
                  status: "not_assessable",
                  term: "long",
                  period: { from: 2015, to: 2025, afterBreak: null },
                  reason: "suppressed",
                  label: "nicht bewertbar",
                  text: "Nicht bewertbar: der Wert 2025 ist geheim zu halten.",
                }
              : assessed("movement_away", "Entfernung vom Ziel", "Entfernung vom Ziel: 2015–2025 stieg …"),
          },
        ],
      },
    ],
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("the Ziele view", () => {
  it("shows each goal's assessment with symbol and words, for the city and the chosen area", async () => {
    const fetch = stubApi({
      "/api/goals": (url: URL) => {
        const area = url.searchParams.get("area");
        const body = area === "91" ? goals("91", "Coerde", true) : goals("stadt", "Gesamtstadt", false);
        return new Response(JSON.stringify(body));
      },
    });
    renderAt(<GoalsView />, { path: "/ziele", route: "/ziele?area=91" });

    const table = await screen.findByRole("table", { name: /Beispielziel: Kinder besuchen früh eine Kita/ });
    expect(within(table).getByRole("columnheader", { name: "Coerde, langfristig" })).toBeInTheDocument();
    const row = within(table).getByRole("row", { name: /Betreuungsquote/ });
    const cells = within(row).getAllByRole("cell");
    // aim, city short, city long, Coerde short, Coerde long
    expect(cells[0]).toHaveTextContent(
      "Abstand zwischen mit und ohne Migrationsvorgeschichte verringern. Zielwert 5,0 Prozentpunkte bis 2030. Basisjahr 2015.",
    );
    expect(cells[1]).toHaveTextContent("↑ deutlicher Fortschritt (2015–2025)");
    expect(cells[2]).toHaveTextContent("↓ Entfernung vom Ziel");
    expect(cells[4]).toHaveTextContent("○ nicht bewertbar");
    expect(cells[4]).toHaveTextContent("Nicht bewertbar: der Wert 2025 ist geheim zu halten.");
    expect(screen.getByText(/kein Beschluss eines Rates/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Methode" })).toBeInTheDocument();
    const asked = fetch.mock.calls.map(([input]) => new URL(String(input), "http://localhost").search);
    expect(asked).toEqual(expect.arrayContaining(["?area=stadt", "?area=91"]));
  });

  it("asks only for the city when the city is chosen", async () => {
    const fetch = stubApi({ "/api/goals": goals("stadt", "Gesamtstadt", false) });
    renderAt(<GoalsView />, { path: "/ziele", route: "/ziele" });
    const table = await screen.findByRole("table");
    expect(within(table).getAllByRole("columnheader")).toHaveLength(4);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
