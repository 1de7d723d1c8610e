import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StatusLegend } from "./StatusLegend.tsx";
import { ValueText } from "./StatusSymbol.tsx";

describe("values with status", () => {
  it("renders a suppressed value as a dot with its explanation for screen readers", () => {
    const { container } = render(<ValueText value={null} status="suppressed" unit="%" />);
    expect(container).toHaveTextContent(".Wert aus Gründen der Geheimhaltung unterdrückt");
    expect(screen.getByTitle("Wert aus Gründen der Geheimhaltung unterdrückt")).toBeInTheDocument();
    expect(container).not.toHaveTextContent("0");
  });

  it("adds the detail the API gives, e.g. which age band is split", () => {
    render(<ValueText value={null} status="band_split" detail="Altersklasse 15-17" />);
    expect(screen.getByText(/Altersklasse 15-17/)).toBeInTheDocument();
  });

  it("marks confidential values as nur für den Dienstgebrauch", () => {
    const { container } = render(<ValueText value={4.2} status="ok" unit="%" confidential />);
    expect(container).toHaveTextContent(/^4,2\s%/);
    expect(screen.getByTitle("nur für den Dienstgebrauch – nicht zur Veröffentlichung")).toBeInTheDocument();
  });

  it("shows analysts the value behind a public dot, with the nfD marker instead of the symbol", () => {
    const { container } = render(<ValueText value={4.2} status="suppressed" unit="%" confidential />);
    expect(container).toHaveTextContent(/^4,2\s%/);
    expect(container).not.toHaveTextContent("Geheimhaltung");
    expect(screen.getByTitle("nur für den Dienstgebrauch – nicht zur Veröffentlichung")).toBeInTheDocument();
  });

  it("lists only the symbols that occur in the legend", () => {
    render(<StatusLegend kinds={["missing", "zero"]} />);
    expect(screen.getByText("…")).toBeInTheDocument();
    expect(screen.getByText("–")).toBeInTheDocument();
    expect(screen.queryByText(".")).not.toBeInTheDocument();
  });
});
