import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ValueRow } from "../api/types.ts";
import { ChartFrame } from "./ChartFrame.tsx";
import type { Column } from "./DataTable.tsx";
import { ValueText } from "./StatusSymbol.tsx";

type Row = Pick<ValueRow, "year" | "value" | "status" | "confidential">;

const rows: Row[] = [
  { year: 2023, value: 21.5, status: "ok" },
  { year: 2024, value: null, status: "suppressed" },
  { year: 2025, value: 27.3, status: "ok", confidential: true },
];

const columns: Column<Row>[] = [
  { id: "year", header: "Jahr", rowHeader: true, cell: (row) => row.year },
  {
    id: "value",
    header: "Anteil",
    numeric: true,
    cell: (row) => <ValueText value={row.value} status={row.status} unit="%" confidential={row.confidential} />,
  },
];

function renderFrame() {
  return render(
    <ChartFrame
      title="Anteil Kinder in Kitas"
      description="Der Anteil stieg von 2023 bis 2025 von 21,5 % auf 27,3 %."
      table={{ columns, rows, rowKey: (row) => String(row.year) }}
      symbols={["suppressed"]}
      confidential
    >
      <svg data-testid="chart">
        <title>Linie</title>
      </svg>
    </ChartFrame>,
  );
}

describe("ChartFrame", () => {
  it("shows the chart with its summary as accessible description", () => {
    renderFrame();
    const figure = screen.getByRole("figure", { name: "Anteil Kinder in Kitas" });
    expect(figure).toHaveAccessibleDescription("Der Anteil stieg von 2023 bis 2025 von 21,5 % auf 27,3 %.");
    expect(screen.getByTestId("chart")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Diagramm" })).toHaveAttribute("aria-pressed", "true");
  });

  it("switches to a real table with caption, headers and status symbols, and back", async () => {
    const user = userEvent.setup();
    renderFrame();
    await user.click(screen.getByRole("button", { name: "Tabelle" }));

    const table = screen.getByRole("table", { name: "Anteil Kinder in Kitas" });
    expect(screen.queryByTestId("chart")).not.toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "Anteil" })).toBeInTheDocument();
    const suppressed = within(table).getByRole("row", { name: /2024/ });
    expect(suppressed).toHaveTextContent(".");
    expect(suppressed).toHaveTextContent("Wert aus Gründen der Geheimhaltung unterdrückt");
    expect(within(table).getByRole("row", { name: /2025/ })).toHaveTextContent("nur für den Dienstgebrauch");
    // Image downloads only make sense for the chart.
    expect(screen.queryByRole("button", { name: "Bild (PNG)" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Diagramm" }));
    expect(screen.getByTestId("chart")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Bild (PNG)" })).toBeInTheDocument();
  });

  it("explains the symbols and the confidential marker in a legend", () => {
    renderFrame();
    expect(screen.getByText("Zeichenerklärung")).toBeInTheDocument();
    expect(screen.getByText(/nicht zur Veröffentlichung\.$/)).toBeInTheDocument();
    expect(screen.getAllByText("Wert aus Gründen der Geheimhaltung unterdrückt").length).toBeGreaterThan(0);
  });
});
