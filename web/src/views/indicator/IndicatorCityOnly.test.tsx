import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndicatorDetailResponse, ValueRow } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import IndicatorView from "./IndicatorView.tsx";

const detail: IndicatorDetailResponse = {
  indicator: {
    id: "gymnasialquote_kl8",
    title: "Gymnasialbesuch in Klasse 8",
    shortTitle: "Gymnasialquote",
    field: "BS",
    unit: "%",
    polarity: "higher_is_better",
    definition: "Schülerinnen und Schüler der Klasse 8 am Gymnasium je 100 in Klasse 8",
    numeratorLabel: "am Gymnasium",
    denominatorLabel: "in Klasse 8",
    source: "Schulamt",
    migrationDefinition: "",
    comparison: null,
    breakdowns: [],
    notes: [],
    seriesBreaks: [],
  },
  years: [2024, 2025],
  areas: ["stadt"],
  breakdowns: [{ id: "gesamt", label: "Insgesamt", groups: [{ id: "gesamt", label: "Insgesamt" }] }],
};

const row = (year: number, value: number): ValueRow => ({
  year,
  area: "stadt",
  areaName: "Gesamtstadt",
  breakdown: "gesamt",
  group: "gesamt",
  groupLabel: "Insgesamt",
  numerator: value,
  denominator: 100,
  value,
  status: "ok",
  statusDetail: null,
});

afterEach(() => vi.unstubAllGlobals());

describe("an indicator that exists only for the city, with a Stadtteil chosen", () => {
  it("shows the city, says so plainly, keeps the Stadtteil in the URL and never asks for its values", async () => {
    const fetch = stubApi({
      "/api/indicators/gymnasialquote_kl8": detail,
      "/api/indicators/gymnasialquote_kl8/values": (url: URL) =>
        url.searchParams.get("area") === "stadt"
          ? new Response(JSON.stringify({ rows: [row(2024, 41.5), row(2025, 42.0)], footnotes: [] }))
          : new Response(JSON.stringify({ error: "Unbekanntes Gebiet" }), { status: 400 }),
      "/api/districts": { districts: [{ number: 91, name: "Coerde", bezirk: "Nord" }], bezirke: ["Nord"] },
      "/api/goals": { area: "stadt", areaName: "Gesamtstadt", goals: [], method: "" },
    });
    renderAt(<IndicatorView />, { path: "/indikatoren/:id", route: "/indikatoren/gymnasialquote_kl8?area=91" });

    expect(await screen.findByRole("note")).toHaveTextContent(
      "Diesen Indikator gibt es nur für die Gesamtstadt; gezeigt wird die Gesamtstadt. Für die anderen Indikatoren bleibt Coerde ausgewählt.",
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("location")).toHaveTextContent("/indikatoren/gymnasialquote_kl8?area=91");
    const asked = fetch.mock.calls.map(([input]) => String(input));
    expect(asked.filter((u) => u.includes("/values") && u.includes("area=91"))).toEqual([]);
  });
});
