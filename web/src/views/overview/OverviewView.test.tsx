import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CatalogueResponse, OverviewResponse } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import OverviewView from "./OverviewView.tsx";

const catalogue: CatalogueResponse = {
  version: "2025-1",
  fields: [
    { id: "bildung", title: "Bildung und Sprache" },
    { id: "arbeit", title: "Wirtschaft und Arbeit" },
  ],
  indicators: [],
};

const overview: OverviewResponse = {
  year: 2025,
  cards: [
    {
      id: "sgb2",
      title: "Anteil Leistungsberechtigter nach SGB II",
      shortTitle: "SGB-II-Quote",
      field: "arbeit",
      unit: "%",
      latest: { year: 2025, value: 12.3, status: "ok" },
      series: [
        { year: 2023, value: 13.1, status: "ok" },
        { year: 2024, value: null, status: "suppressed" },
        { year: 2025, value: 12.3, status: "ok" },
      ],
      comparison: {
        year: 2025,
        groups: [
          { id: "mit", label: "mit Migrationsvorgeschichte", value: 21.4, status: "ok" },
          { id: "ohne", label: "ohne Migrationsvorgeschichte", value: 6.2, status: "ok" },
        ],
        gap: 15.2,
        trend: "narrowed",
      },
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("the Übersicht", () => {
  it("shows each indicator as a card with latest value, group values and whether the gap closed", async () => {
    const fetchMock = stubApi({
      "/api/overview": overview,
      "/api/indicators": catalogue,
      "/api/districts": { districts: [], bezirke: [] },
    });
    renderAt(<OverviewView />, { path: "/", route: "/?area=bezirk%3AMitte" });

    const section = await screen.findByRole("region", { name: "Wirtschaft und Arbeit" });
    const card = within(section).getByRole("listitem");
    expect(within(card).getByRole("link", { name: "SGB-II-Quote" })).toHaveAttribute(
      "href",
      "/indikatoren/sgb2?area=bezirk%3AMitte",
    );
    expect(card).toHaveTextContent(/12,3\s%\s*2025/);
    expect(card).toHaveTextContent(/mit Migrationsvorgeschichte\s*21,4\s%/);
    expect(card).toHaveTextContent(/Abstand: 15,2\sProzentpunkte/);
    expect(card).toHaveTextContent("Abstand verringert gegenüber dem Vorjahr");
    expect(within(card).getByRole("img", { name: /Der Anteil sank von 2023 bis 2025/ })).toBeInTheDocument();
    // Fields without indicators are left out.
    expect(screen.queryByRole("region", { name: "Bildung und Sprache" })).not.toBeInTheDocument();
    expect(String(fetchMock.mock.calls[0][0])).toContain("area=bezirk%3AMitte");
  });

  it("counts one indicator in the singular and leaves out the gap sentence when no indicator compares groups", async () => {
    const kita: OverviewResponse["cards"][number] = {
      id: "kita",
      title: "Kita-Besuchsquote",
      shortTitle: "Kita-Quote",
      field: "bildung",
      unit: "%",
      latest: { year: 2025, value: 90.4, status: "ok" },
      series: [{ year: 2025, value: 90.4, status: "ok" }],
      comparison: null,
    };
    stubApi({
      "/api/overview": { ...overview, cards: [kita, ...overview.cards, { ...overview.cards[0], id: "alq" }] },
      "/api/indicators": catalogue,
      "/api/districts": { districts: [], bezirke: [] },
    });
    renderAt(<OverviewView />, { path: "/", route: "/" });

    const bildung = await screen.findByRole("region", { name: "Bildung und Sprache" });
    expect(within(bildung).getByText("1 Indikator.")).toBeInTheDocument();
    expect(bildung).not.toHaveTextContent("Abstand zwischen den Gruppen");
    expect(bildung).not.toHaveTextContent("Indikatoren");

    const arbeit = screen.getByRole("region", { name: "Wirtschaft und Arbeit" });
    expect(
      within(arbeit).getByText(
        "2 Indikatoren. Beim neuesten Vergleich hat sich der Abstand zwischen den Gruppen bei 2 verringert und bei 0 vergrößert.",
      ),
    ).toBeInTheDocument();
  });

  it("reads a suppressed year on the sparkline as secret, not as missing", async () => {
    stubApi({
      "/api/overview": overview,
      "/api/indicators": catalogue,
      "/api/districts": { districts: [], bezirke: [] },
    });
    renderAt(<OverviewView />, { path: "/", route: "/" });
    expect(
      await screen.findByRole("img", {
        name: /Der Wert für 2024 ist aus Gründen der Geheimhaltung nicht veröffentlicht\.$/,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /liegt kein Wert vor/ })).not.toBeInTheDocument();
  });

  it("offers the same numbers as a table, with the dot for the suppressed year", async () => {
    stubApi({
      "/api/overview": overview,
      "/api/indicators": catalogue,
      "/api/districts": { districts: [], bezirke: [] },
    });
    const user = userEvent.setup();
    renderAt(<OverviewView />, { path: "/", route: "/" });
    await user.click(await screen.findByRole("button", { name: "Tabelle" }));
    const table = screen.getByRole("table", { name: "Wirtschaft und Arbeit" });
    const row = within(table).getByRole("row", { name: /Anteil Leistungsberechtigter/ });
    expect(within(row).getAllByRole("cell")[2]).toHaveTextContent(/^\.Wert aus Gründen der Geheimhaltung unterdrückt$/);
    expect(screen.getByText("Zeichenerklärung")).toBeInTheDocument();
  });

  it("shows the API's German message when the request fails", async () => {
    stubApi({
      "/api/overview": () => new Response(JSON.stringify({ error: "Unbekanntes Gebiet „99“." }), { status: 400 }),
      "/api/indicators": catalogue,
      "/api/districts": { districts: [], bezirke: [] },
    });
    renderAt(<OverviewView />, { path: "/", route: "/?area=99" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Unbekanntes Gebiet „99“.");
  });
});
