import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderAt } from "../../test-utils.tsx";
import { IndicatorXlsxLink, ReportExportLinks } from "./ExportLinks.tsx";

describe("the export links", () => {
  it("offer the report's PDF for the chosen area, the workbook and the archive as a labelled group", () => {
    renderAt(<ReportExportLinks area="bezirk:West" />, { path: "/bericht", route: "/bericht" });
    const group = screen.getByRole("group", { name: "Herunterladen:" });
    const links = within(group).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Bericht als PDF", "/api/report.pdf?area=bezirk%3AWest&lang=de"],
      ["Alle Werte als Excel (XLSX)", "/api/export.xlsx?lang=de"],
      ["Gesamte Veröffentlichung (ZIP)", "/api/export.zip"],
    ]);
    for (const link of links) expect(link).toHaveAttribute("download");
  });

  it("leave the area out for the whole city, and give one indicator's workbook its selection", () => {
    renderAt(
      <>
        <ReportExportLinks area="stadt" />
        <IndicatorXlsxLink params={{ id: "sgb2_quote", area: "61", breakdown: "nationalitaet" }} />
      </>,
      { path: "/bericht", route: "/bericht" },
    );
    expect(screen.getByRole("link", { name: "Bericht als PDF" })).toHaveAttribute("href", "/api/report.pdf?lang=de");
    expect(screen.getByRole("link", { name: "Alle Spalten als Excel (XLSX)" })).toHaveAttribute(
      "href",
      "/api/indicators/sgb2_quote/values.xlsx?area=61&breakdown=nationalitaet&lang=de",
    );
  });
});
