import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { json, renderAt, stubApi } from "../../test-utils.tsx";
import ReportView from "./ReportView.tsx";
import { catalogue, overview, values } from "./testdata.ts";
import { VALUES_CONCURRENCY } from "./useReportValues.ts";

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

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function valuesRoute(url: URL) {
  const id = url.pathname.split("/")[3];
  return json(200, values[id] ?? { rows: [], footnotes: [] });
}

function stub() {
  return stubApi({
    "/api/indicators": catalogue,
    "/api/overview": overview,
    "/api/districts": { districts: [{ number: 61, name: "Gievenbeck", bezirk: "West" }], bezirke: ["West"] },
    "/api/indicators/anteil_mv/values": valuesRoute,
    "/api/indicators/sgb2/values": valuesRoute,
    "/api/indicators/kita/values": valuesRoute,
  });
}

const paths = (mock: ReturnType<typeof stub>) => mock.mock.calls.map(([input]) => String(input));

describe("the Bericht", () => {
  it("renders a title block, contents and one section per chosen Handlungsfeld, with one request per indicator", async () => {
    const fetchMock = stub();
    renderAt(<ReportView />, { path: "/bericht", route: "/bericht?fields=GD,RI" });

    const report = await screen.findByRole("article", { name: "Integrationsmonitoring Gesamtstadt" });
    expect(report).toHaveTextContent("Stand 2025");
    expect(report).toHaveTextContent("Indikatorenkatalog Version 2026.1");
    expect(report).toHaveTextContent(/Erstellt am \d{1,2}\. \p{L}+ \d{4}/u);
    expect(report).toHaveTextContent("2 Indikatoren in 2 Handlungsfeldern");

    const contents = within(report).getByRole("navigation", { name: "Inhalt" });
    expect(within(contents).getByRole("link", { name: "1.1 Bevölkerung mit Migrationsvorgeschichte" })).toHaveAttribute(
      "href",
      "#bericht-anteil_mv",
    );

    const gd = within(report).getByRole("region", { name: "1 Grunddaten (Kontext)" });
    const ri = within(report).getByRole("region", { name: "2 Rechtliche Integrationsbegleitung" });
    expect(within(report).queryByRole("region", { name: /Bildung und Sprache/ })).not.toBeInTheDocument();
    expect(
      within(gd).getByRole("article", { name: "1.1 Bevölkerung mit Migrationsvorgeschichte" }),
    ).toBeInTheDocument();
    expect(gd).toHaveTextContent("Für Gesamtstadt nicht verfügbar: Zuzüge aus dem Ausland.");
    expect(within(ri).getByRole("article", { name: "2.1 SGB-II-Quote" })).toHaveTextContent("Quelle von SGB-II-Quote");

    // One overview, one values request per shown indicator (with its comparison breakdown), none for BS.
    const requests = paths(fetchMock);
    expect(requests.filter((path) => path.startsWith("/api/overview"))).toHaveLength(1);
    expect(requests.filter((path) => path.includes("/values")).sort()).toEqual([
      "/api/indicators/anteil_mv/values?area=stadt&breakdown=gesamt",
      "/api/indicators/sgb2/values?area=stadt&breakdown=migration",
    ]);

    // Closing: the full legend and the disclosure note.
    const closing = within(report).getByRole("region", { name: "3 Zeichenerklärung und Hinweise" });
    expect(closing).toHaveTextContent("Zeichenerklärung");
    expect(closing).toHaveTextContent("nichts vorhanden (genau null)");
    expect(closing).toHaveTextContent("Geheimhaltung");
  });

  it("shows suppressed values as a dot with a footnote, never as 0, and the gap with trend words", async () => {
    stub();
    renderAt(<ReportView />, { path: "/bericht", route: "/bericht?fields=GD,RI" });

    const mv = await screen.findByRole("article", { name: "1.1 Bevölkerung mit Migrationsvorgeschichte" });
    const mvTable = within(mv).getByRole("table", { name: /Gesamtstadt, 2021 bis 2025/ });
    // Years run across; the 2024 value (4th year column) is the dot, with its explanation for screen readers.
    const total = within(within(mvTable).getByRole("row", { name: /^Insgesamt/ })).getAllByRole("cell");
    expect(total.map((cell) => cell.textContent)).toEqual([
      "30,1\u00a0%",
      "31,2\u00a0%",
      "32,4\u00a0%",
      ".Wert aus Gründen der Geheimhaltung unterdrückt",
      "34,9\u00a0%",
    ]);
    expect(total[3]).not.toHaveTextContent("0");
    expect(
      within(mv).getByText(". Insgesamt, 2024: Wert aus Gründen der Geheimhaltung unterdrückt"),
    ).toBeInTheDocument();
    expect(mv).toHaveTextContent(
      /Der Anteil stieg von 2021 bis 2025 von 30,1\s% auf 34,9\s%\. Der Wert für 2024 ist aus Gründen der Geheimhaltung nicht veröffentlicht\./,
    );
    // The series break is listed with the definition, not repeated as a footnote.
    expect(mv).toHaveTextContent("2022: Umstellung auf den Zensus 2022.");
    expect(within(mv).queryByText(/^Zeitreihenbruch/)).not.toBeInTheDocument();

    const sgb2 = screen.getByRole("article", { name: "2.1 SGB-II-Quote" });
    const table = within(sgb2).getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Einheit: %", "2021", "2022", "2023", "2024", "2025"]);
    const cells = (name: RegExp) =>
      within(within(table).getByRole("row", { name }))
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells(/^Insgesamt/)).toEqual(["14,2\u00a0%", "13,9\u00a0%", "13,1\u00a0%", "12,8\u00a0%", "12,3\u00a0%"]);
    expect(cells(/^mit Migrationsvorgeschichte/)[3]).toBe(".Wert aus Gründen der Geheimhaltung unterdrückt");
    // No gap from a suppressed value: the gap is a dot as well; the trend compares with the last year with a gap.
    expect(cells(/^Abstand \(Prozentpunkte\)/)).toEqual([
      "+18,0",
      "+17,1",
      "+16,0",
      ".Wert aus Gründen der Geheimhaltung unterdrückt",
      "+15,2",
    ]);
    expect(cells(/^Entwicklung des Abstands/)).toEqual([
      "",
      "↘ Abstand verringert",
      "↘ Abstand verringert",
      "",
      "↘ Abstand verringert",
    ]);
    expect(
      within(sgb2).getByText(". mit Migrationsvorgeschichte, 2024: Wert aus Gründen der Geheimhaltung unterdrückt"),
    ).toBeInTheDocument();
    expect(sgb2).toHaveTextContent(
      "Der Abstand zwischen den Gruppen verringerte sich von 2021 bis 2025 von 18,0 auf 15,2 Prozentpunkte.",
    );
  });

  it("prints with window.print once every indicator is loaded", async () => {
    stub();
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const user = userEvent.setup();
    renderAt(<ReportView />, { path: "/bericht", route: "/bericht" });

    await screen.findByRole("article", { name: "Integrationsmonitoring Gesamtstadt" });
    await user.click(screen.getByRole("button", { name: "Drucken / als PDF speichern" }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("limits the values requests in flight and shows the progress", async () => {
    const many = {
      ...catalogue,
      indicators: Array.from({ length: 6 }, (_, index) => ({ ...catalogue.indicators[0], id: `i${index}` })),
    };
    const cards = many.indicators.map((meta) => ({ ...overview.cards[0], id: meta.id }));
    const pending: (() => void)[] = [];
    const fetchMock = stubApi({
      "/api/indicators": many,
      "/api/overview": { year: 2025, cards },
      "/api/districts": { districts: [], bezirke: [] },
      ...Object.fromEntries(
        many.indicators.map((meta) => [
          `/api/indicators/${meta.id}/values`,
          () =>
            new Promise<Response>((resolve) => {
              pending.push(() => resolve(json(200, values.anteil_mv)));
            }),
        ]),
      ),
    });
    const valuesCalls = () => paths(fetchMock).filter((path) => path.includes("/values")).length;
    renderAt(<ReportView />, { path: "/bericht", route: "/bericht" });

    expect(await screen.findByText("Lade 0 von 6 Indikatoren …")).toBeInTheDocument();
    expect(valuesCalls()).toBe(VALUES_CONCURRENCY);
    expect(screen.getByRole("button", { name: "Drucken / als PDF speichern" })).toBeDisabled();

    pending.shift()?.();
    expect(await screen.findByText("Lade 1 von 6 Indikatoren …")).toBeInTheDocument();
    await vi.waitFor(() => expect(valuesCalls()).toBe(VALUES_CONCURRENCY + 1));

    while (pending.length > 0 || valuesCalls() < 6) {
      pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await screen.findByRole("article", { name: "Integrationsmonitoring Gesamtstadt" })).toBeInTheDocument();
    expect(valuesCalls()).toBe(6);
  });
});
