import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { GoalsResponse } from "../../api/types.ts";
import { ReportGoals } from "./ReportGoals.tsx";

const goals: GoalsResponse = {
  area: "stadt",
  areaName: "Gesamtstadt",
  method: "Bewertet nach der Methode des EU-SDG-Monitoringberichts von Eurostat (Ausgabe 2024).",
  goals: [
    {
      id: "impfschutz",
      field: "GS",
      fieldTitle: "Gesundheit",
      title: "Masernschutz erreicht 95 %",
      description: null,
      example: false,
      measures: ["rise", "close_gap"].map((direction) => ({
        indicator: "masern_impfquote_seu",
        title: "Masern-Impfquote",
        unit: "%",
        direction: direction as "rise" | "close_gap",
        directionText: direction === "rise" ? "Wert soll steigen" : "Abstand verringern",
        baseYear: 2015,
        target: direction === "rise" ? { value: 95, year: 2030 } : null,
        area: "stadt",
        areaName: "Gesamtstadt",
        cityOnly: false,
        series: [],
        short: {
          status: "not_assessable" as const,
          term: "short" as const,
          period: null,
          reason: "too_few_years" as const,
          label: "nicht bewertbar",
          text: "Nicht bewertbar: für 2024–2025 liegen weniger als 3 Jahre mit Werten vor.",
        },
        long: {
          status: "assessed" as const,
          term: "long" as const,
          period: { from: 2015, to: 2025, afterBreak: null },
          category: "moderate_progress" as const,
          label: "mäßiger Fortschritt",
          startValue: 88,
          endValue: 91,
          actualRate: 0.0034,
          requiredRate: 0.0051,
          ratio: 0.66,
          text: "Mäßiger Fortschritt: …",
        },
      })),
    },
  ],
};

describe("the report's chapter Zielerreichung", () => {
  it("lists every goal's indicators with both terms and states the method", () => {
    render(<ReportGoals goals={goals} number={11} place="Gesamtstadt" />);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("11 Zielerreichung");
    const table = screen.getByRole("table", { name: "Fortschritt bei den Zielen des Leitbilds: Gesamtstadt" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Masernschutz erreicht 95 %");
    expect(rows[0]).toHaveTextContent("Wert soll steigen. Zielwert 95,0 % bis 2030. Basisjahr 2015.");
    expect(rows[0]).toHaveTextContent("○ nicht bewertbar");
    expect(rows[1]).toHaveTextContent("↗ mäßiger Fortschritt (2015–2025)");
    expect(screen.getByText(/Methode des EU-SDG-Monitoringberichts/)).toBeInTheDocument();
  });
});
