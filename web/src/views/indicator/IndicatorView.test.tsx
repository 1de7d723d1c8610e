import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { IndicatorDetailResponse, ValueRow } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import IndicatorView from "./IndicatorView.tsx";

const detail: IndicatorDetailResponse = {
  indicator: {
    id: "kita",
    title: "Anteil der Kinder von 3 bis 5 Jahren in Kindertageseinrichtungen",
    shortTitle: "Kita-Quote",
    field: "bildung",
    unit: "%",
    polarity: "neutral",
    definition: "Kinder von 3 bis unter 6 Jahren in Kitas je 100 Kinder dieses Alters",
    numeratorLabel: "Kinder in Kitas",
    denominatorLabel: "Kinder von 3 bis 5 Jahren",
    source: "Amt für Kinder, Jugendliche und Familien",
    migrationDefinition: "Migrationsvorgeschichte nach Melderegister (MigraPro)",
    comparison: {
      id: "migration",
      groups: [
        { id: "mit", label: "mit Migrationsvorgeschichte" },
        { id: "ohne", label: "ohne Migrationsvorgeschichte" },
      ],
    },
    breakdowns: ["migration", "geschlecht"],
    notes: ["Stichtag 1. März"],
    seriesBreaks: [{ year: 2024, note: "Neue Zählweise nach KiBiz-Reform" }],
  },
  years: [2023, 2024, 2025],
  areas: ["stadt", "61"],
  breakdowns: [
    { id: "migration", label: "Migrationsvorgeschichte", groups: detail_groups() },
    {
      id: "geschlecht",
      label: "Geschlecht",
      groups: [
        { id: "w", label: "weiblich" },
        { id: "m", label: "männlich" },
      ],
    },
  ],
};

function detail_groups() {
  return [
    { id: "mit", label: "mit Migrationsvorgeschichte" },
    { id: "ohne", label: "ohne Migrationsvorgeschichte" },
  ];
}

function row(
  year: number,
  breakdown: string,
  group: string,
  value: number | null,
  status: ValueRow["status"] = "ok",
): ValueRow {
  return {
    year,
    area: "stadt",
    areaName: "Gesamtstadt",
    breakdown,
    group,
    groupLabel: group,
    numerator: value === null ? null : value * 10,
    denominator: value === null ? null : 1000,
    value,
    status,
    statusDetail: null,
  };
}

const values: Record<string, ValueRow[]> = {
  gesamt: [row(2023, "gesamt", "gesamt", 88.1), row(2024, "gesamt", "gesamt", 89), row(2025, "gesamt", "gesamt", 90.4)],
  migration: [
    row(2023, "migration", "mit", 80.5),
    row(2024, "migration", "mit", null, "suppressed"),
    row(2025, "migration", "mit", 84.2),
    row(2023, "migration", "ohne", 93),
    row(2024, "migration", "ohne", 93.5),
    row(2025, "migration", "ohne", 94.1),
  ],
  geschlecht: [row(2025, "geschlecht", "w", 90.1), row(2025, "geschlecht", "m", 90.6)],
};

beforeAll(() => {
  // Recharts measures its container; jsdom has no layout.
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

function stub() {
  return stubApi({
    "/api/indicators/kita": detail,
    "/api/indicators/kita/values": (url: URL) =>
      new Response(
        JSON.stringify({
          rows: values[url.searchParams.get("breakdown") ?? "gesamt"],
          footnotes: ["Vorläufige Zahlen für 2025."],
        }),
      ),
    "/api/indicators/kita/gaps": {
      comparison: detail.indicator.comparison,
      rows: [
        {
          year: 2023,
          groups: { mit: 80.5, ohne: 93 },
          gap: -12.5,
          ratio: 0.87,
          gapChangeVsPrevious: null,
          gapChangeVsFirst: null,
          trend: null,
        },
        {
          year: 2025,
          groups: { mit: 84.2, ohne: 94.1 },
          gap: -9.9,
          ratio: 0.89,
          gapChangeVsPrevious: 2.6,
          gapChangeVsFirst: 2.6,
          trend: "narrowing",
        },
      ],
    },
    "/api/indicators": {
      version: "1",
      fields: [{ id: "bildung", title: "Bildung und Sprache" }],
      indicators: [detail.indicator],
    },
    "/api/districts": { districts: [{ number: 61, name: "Gievenbeck", bezirk: "West" }], bezirke: ["West"] },
  });
}

describe("the Indikator view", () => {
  it("reads the comparison groups, the gap and the series break out in plain language", async () => {
    stub();
    renderAt(<IndicatorView />, { path: "/indikatoren/:id", route: "/indikatoren/kita" });
    expect(
      await screen.findByText(/^Insgesamt: Der Anteil stieg von 2023 bis 2025 von 88,1\s% auf 90,4\s%\.$/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^mit Migrationsvorgeschichte: Der Anteil stieg von 2023 bis 2025 von 80,5\s% auf 84,2\s%\. Der Wert für 2024 ist aus Gründen der Geheimhaltung nicht veröffentlicht\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /Abstand zwischen den Gruppen verringerte sich von 2023 bis 2025 von 12,5 auf 9,9 Prozentpunkte/,
      ),
    ).toHaveLength(2);
    // The gap in the line is explained, never left silent.
    expect(
      screen.getByText(". mit Migrationsvorgeschichte, 2024: Wert aus Gründen der Geheimhaltung unterdrückt"),
    ).toBeInTheDocument();
    expect(screen.getByText("Vorläufige Zahlen für 2025.")).toBeInTheDocument();
    const about = screen.getByRole("complementary", { name: "Über diesen Indikator" });
    expect(about).toHaveTextContent("Amt für Kinder, Jugendliche und Familien");
    expect(about).toHaveTextContent("2024: Neue Zählweise nach KiBiz-Reform");
  });

  it("switches the breakdown through the URL and shows it as a table", async () => {
    stub();
    const user = userEvent.setup();
    renderAt(<IndicatorView />, { path: "/indikatoren/:id", route: "/indikatoren/kita?area=stadt" });
    await user.selectOptions(await screen.findByLabelText("Aufschlüsselung"), "geschlecht");
    expect(screen.getByTestId("location")).toHaveTextContent("/indikatoren/kita?area=stadt&breakdown=geschlecht");

    const frame = await screen.findByRole("region", { name: /Anteil der Kinder .*: Gesamtstadt/ });
    await user.click(within(frame).getByRole("button", { name: "Tabelle" }));
    const table = within(frame).getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Jahr", "Insgesamt", "weiblich", "männlich"]);
    expect(within(table).getByRole("row", { name: /2025/ })).toHaveTextContent(/90,4\s%\s*90,1\s%\s*90,6\s%/);
    expect(within(table).getByRole("row", { name: /2023/ })).toHaveTextContent("Angabe fällt später an");
  });
});
