import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import { json, renderAt, stubApi } from "../../test-utils.tsx";
import SozialmonitoringView from "./SozialmonitoringView.tsx";

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

const comparisons = {
  comparisons: [
    {
      id: "auslaender",
      label: "Ausländer/Deutsche",
      kind: "two-group",
      focal: "auslaendisch",
      groups: [],
      reference: "alle Einwohnerinnen und Einwohner",
    },
  ],
};

function unit(stadtteil: number, name: string, patch: Partial<SozialIndexUnit> = {}): SozialIndexUnit {
  return {
    stadtteil,
    name,
    bezirk: "Mitte",
    population: 1000,
    values: {},
    z: {},
    statusIndex: 0,
    statusClass: "mittel",
    dynamicsIndex: 0,
    dynamicsClass: "stabil",
    combinedClass: "2 +/-",
    notes: [],
    ...patch,
  };
}

const muensterIndex: SozialIndexResponse = {
  year: 2025,
  previousYear: 2023,
  config: {
    id: "muenster",
    name: "Münster Sozialmonitoring (Kernindikatoren)",
    minPopulation: 300,
    status: [],
    dynamics: [],
    indicators: [
      { id: "sgb2_15_64_st", title: "SGB-II-Quote 15–64" },
      { id: "kinder_sgb2_u15", title: "Kinder im SGB II" },
      { id: "anteil_mv_u18", title: "Minderjährige mit Migrationsvorgeschichte" },
    ],
  },
  units: [
    unit(91, "Coerde", {
      bezirk: "Nord",
      population: 10234,
      values: { sgb2_15_64_st: 21.4 },
      statusIndex: 1.8,
      statusClass: "sehr niedrig",
      dynamicsIndex: -0.2,
      combinedClass: "4 +/-",
    }),
    unit(61, "Gievenbeck", {
      bezirk: "West",
      population: 22000,
      statusIndex: -0.4,
      dynamicsIndex: 0.1,
    }),
  ],
  excluded: [{ stadtteil: 5, name: "Hafen", reason: "weniger als 300 Einwohner" }],
  problems: [],
  suppressed: {},
};

const SUPPRESSED_VALUE = "Geheimhaltung: der Indikatorwert dieses Stadtteils ist gesperrt";
const SUPPRESSED_INDEX = "Geheimhaltung: der Index wird nur als Klasse veröffentlicht";

/** Berlin's S2 is withheld for Altstadt and Neustadt, so are the status index numbers of every Stadtteil. */
const berlinIndex: SozialIndexResponse = {
  ...muensterIndex,
  previousYear: null,
  config: {
    id: "berlin-mss-s1-s4",
    name: "Berliner Verfahren auf S1–S4",
    minPopulation: 300,
    status: [],
    dynamics: [],
    indicators: [
      { id: "arbeitslosenanteil_st", title: "Arbeitslosenanteil" },
      { id: "mss_s2_langzeitarbeitslosigkeit", title: "Langzeitarbeitslose" },
    ],
  },
  units: [
    unit(11, "Altstadt", {
      values: { arbeitslosenanteil_st: 5, mss_s2_langzeitarbeitslosigkeit: null },
      statusIndex: null,
    }),
    unit(12, "Hafen", { values: { arbeitslosenanteil_st: 0, mss_s2_langzeitarbeitslosigkeit: 5 }, statusIndex: null }),
    unit(13, "Neustadt", {
      values: { arbeitslosenanteil_st: 7.04, mss_s2_langzeitarbeitslosigkeit: null },
      statusIndex: null,
    }),
  ],
  excluded: [],
  suppressed: {
    "units.11.values.mss_s2_langzeitarbeitslosigkeit": SUPPRESSED_VALUE,
    "units.13.values.mss_s2_langzeitarbeitslosigkeit": SUPPRESSED_VALUE,
    "z.mss_s2_langzeitarbeitslosigkeit": "Geheimhaltung: z-Werte",
    statusIndex: SUPPRESSED_INDEX,
  },
};

/** The text of the cell in `row` under the column `column` of a table. */
function cellText(table: HTMLElement, row: string, column: string): string {
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((cell) => cell.textContent);
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
  const tr = within(table).getByRole("row", { name: new RegExp(row) }) as HTMLTableRowElement;
  return tr.cells[index].textContent ?? "";
}

describe("the Sozialmonitoring", () => {
  it("shows D times 100 as Indexpunkte and the status classes of the Stadtteile", async () => {
    stubApi({
      "/api/sozialmonitoring/comparisons": comparisons,
      "/api/sozialmonitoring/segregation/series": {
        comparison: "auslaender",
        series: [
          {
            year: 2014,
            area: "stadt",
            measures: { dissimilarity: 0.194, isolation: 0.12 },
            multigroup: null,
            coverage: 1,
          },
          {
            year: 2025,
            area: "stadt",
            measures: { dissimilarity: 0.21, isolation: null },
            multigroup: null,
            coverage: 0.98,
          },
        ],
      },
      "/api/sozialmonitoring/index": muensterIndex,
      "/api/geo/stadtteile": () => new Response("{}", { status: 404 }),
    });
    const user = userEvent.setup();
    renderAt(<SozialmonitoringView />, { path: "/sozialmonitoring", route: "/sozialmonitoring" });

    expect(
      await screen.findByText(
        /^Segregationsindex \(D\): Der Wert stieg von 2014 bis 2025 von 19,4 Indexpunkte auf 21,0 Indexpunkte\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Bezugsbevölkerung: alle Einwohnerinnen und Einwohner\./)).toBeInTheDocument();
    const index = await screen.findByRole("region", { name: "Status- und Dynamikindex 2025" });
    expect(index).toHaveTextContent("Hafen: nicht eingeordnet (weniger als 300 Einwohner)");
    await user.click(within(index).getByRole("button", { name: "Tabelle" }));
    const coerde = within(index).getByRole("row", { name: /Coerde/ });
    expect(coerde).toHaveTextContent("10.234");
    expect(coerde).toHaveTextContent("sehr niedrig");
    expect(coerde).toHaveTextContent("stabil");
  });

  it("shows series values withheld by Geheimhaltung as a dot with the reason, never 0 or …", async () => {
    const reason = "Geheimhaltung: Fallzahl unter 3";
    stubApi({
      "/api/sozialmonitoring/comparisons": comparisons,
      "/api/sozialmonitoring/segregation/series": {
        comparison: "auslaender",
        series: [
          {
            year: 2018,
            area: "stadt",
            measures: { dissimilarity: 0.2, isolation: null },
            multigroup: null,
            coverage: 1,
            suppressed: { isolation: reason },
          },
          {
            year: 2020,
            area: "stadt",
            measures: { dissimilarity: 0, isolation: null },
            multigroup: null,
            coverage: 1,
            suppressed: { isolation: reason },
          },
          {
            year: 2022,
            area: "stadt",
            measures: { dissimilarity: 0.25, isolation: null },
            multigroup: null,
            coverage: 1,
            suppressed: {},
          },
        ],
      },
      "/api/sozialmonitoring/index": muensterIndex,
      "/api/geo/stadtteile": () => json(404, { error: "Keine Geometrie konfiguriert." }),
    });
    const user = userEvent.setup();
    renderAt(<SozialmonitoringView />, { path: "/sozialmonitoring", route: "/sozialmonitoring" });

    const frame = await screen.findByRole("region", { name: /^Segregationsindex \(D\)/ });
    await user.click(within(frame).getByRole("button", { name: "Tabelle" }));
    const table = within(frame).getByRole("table");
    const header = "Isolationsindex (xPx)";
    expect(cellText(table, "2018", header)).toBe(`.Wert aus Gründen der Geheimhaltung unterdrückt (${reason})`);
    expect(cellText(table, "2020", header)).toMatch(/^\./);
    expect(cellText(table, "2022", header)).toMatch(/^…/);
    expect(cellText(table, "2020", "Segregationsindex (D)")).toBe("0,0");
    expect(within(frame).getByText(`. ${header} (2018 und 2020): ${reason}`)).toBeInTheDocument();
    expect(frame).toHaveTextContent(/Zeichenerklärung\.Wert aus Gründen der Geheimhaltung unterdrückt/);
  });

  it("switches the index configuration, keeps it in the URL and names the columns after its indicators", async () => {
    const fetch = stubApi({
      "/api/sozialmonitoring/comparisons": { comparisons: [] },
      "/api/sozialmonitoring/index": (url: URL) => {
        const config = url.searchParams.get("config");
        return config === "berlin-mss-s1-s4"
          ? json(200, berlinIndex)
          : config === "muenster"
            ? json(200, muensterIndex)
            : json(400, { error: `Unbekannte Konfiguration „${config}“.` });
      },
      "/api/geo/stadtteile": () => json(404, { error: "Keine Geometrie konfiguriert." }),
    });
    const user = userEvent.setup();
    renderAt(<SozialmonitoringView />, { path: "/sozialmonitoring", route: "/sozialmonitoring" });

    const select = screen.getByLabelText("Indexkonfiguration");
    expect(
      within(select)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Münster (3 Kernindikatoren)", "Berliner Verfahren auf S1–S4"]);
    expect(select).toHaveValue("muenster");
    const index = await screen.findByRole("region", { name: "Status- und Dynamikindex 2025" });
    await user.click(within(index).getByRole("button", { name: "Tabelle" }));
    expect(cellText(within(index).getByRole("table"), "Coerde", "SGB-II-Quote 15–64 (%)")).toBe("21,4");

    await user.selectOptions(select, "Berliner Verfahren auf S1–S4");
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/sozialmonitoring\?config=berlin-mss-s1-s4$/);
    expect(fetch.mock.calls.map(([input]) => new URL(String(input), "http://localhost").search)).toContain(
      "?config=berlin-mss-s1-s4",
    );
    expect(await within(index).findByRole("columnheader", { name: "Langzeitarbeitslose (%)" })).toBeInTheDocument();
    const table = within(index).getByRole("table");
    expect(within(table).queryByRole("columnheader", { name: "SGB-II-Quote 15–64 (%)" })).toBeNull();
    expect(index).toHaveTextContent("Konfiguration: Berliner Verfahren auf S1–S4.");

    // Withheld values are a dot with the reason, never 0; a true 0 stays a number.
    expect(cellText(table, "Neustadt", "Langzeitarbeitslose (%)")).toBe(
      `.Wert aus Gründen der Geheimhaltung unterdrückt (${SUPPRESSED_VALUE})`,
    );
    expect(cellText(table, "Hafen", "Langzeitarbeitslose (%)")).toBe("5,0");
    expect(cellText(table, "Hafen", "Statusindex")).toMatch(/^\./);
    expect(cellText(table, "Hafen", "Arbeitslosenanteil (%)")).toBe("0,0");
    expect(cellText(table, "Hafen", "Status")).toBe("mittel");
    const footnotes = within(index)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(footnotes).toEqual([
      `. Langzeitarbeitslose (%) (Altstadt und Neustadt): ${SUPPRESSED_VALUE}`,
      `. Statusindex (alle Stadtteile): ${SUPPRESSED_INDEX}`,
    ]);
    expect(index).toHaveTextContent(/Zeichenerklärung\.Wert aus Gründen der Geheimhaltung unterdrückt/);

    await user.selectOptions(select, "Münster (3 Kernindikatoren)");
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/sozialmonitoring$/);
    expect(await within(index).findByRole("columnheader", { name: "SGB-II-Quote 15–64 (%)" })).toBeInTheDocument();
  });

  it("opens a link with ?config=berlin-mss-s1-s4 on the Berlin configuration", async () => {
    const fetch = stubApi({
      "/api/sozialmonitoring/comparisons": { comparisons: [] },
      "/api/sozialmonitoring/index": berlinIndex,
      "/api/geo/stadtteile": () => json(404, { error: "Keine Geometrie konfiguriert." }),
    });
    renderAt(<SozialmonitoringView />, {
      path: "/sozialmonitoring",
      route: "/sozialmonitoring?config=berlin-mss-s1-s4",
    });

    expect(screen.getByLabelText("Indexkonfiguration")).toHaveValue("berlin-mss-s1-s4");
    expect(await screen.findByText(/Konfiguration: Berliner Verfahren auf S1–S4\./)).toBeInTheDocument();
    const requested = fetch.mock.calls
      .map(([input]) => new URL(String(input), "http://localhost"))
      .filter((url) => url.pathname === "/api/sozialmonitoring/index");
    expect(requested.map((url) => url.searchParams.get("config"))).toEqual(["berlin-mss-s1-s4"]);
  });
});

describe("the combined status × dynamics map", () => {
  it("colours every Stadtteil by its pair of classes by default and counts them in the legend matrix", async () => {
    stubApi({
      "/api/sozialmonitoring/comparisons": { comparisons: [] },
      "/api/sozialmonitoring/index": muensterIndex,
      "/api/geo/stadtteile": () => new Response("{}", { status: 404 }),
    });
    const { container } = renderAt(<SozialmonitoringView />, { path: "/sozialmonitoring", route: "/sozialmonitoring" });
    await screen.findByRole("region", { name: "Status- und Dynamikindex 2025" });
    const matrix = container.querySelector(".bivariate-legend table") as HTMLTableElement;
    expect(matrix.caption?.textContent).toContain("Anzahl Stadtteile je Status- und Dynamikklasse");
    // Coerde: sehr niedrig × stabil, Gievenbeck: mittel × stabil; every other cell 0.
    const rows = within(matrix)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["0", "0", "0"],
      ["0", "1", "0"],
      ["0", "0", "0"],
      ["0", "1", "0"],
    ]);
    // The colours of those two cells: teal (mittel) and red (sehr niedrig), the middle shade for "stabil".
    const fill = (nr: number) => container.querySelector(`[data-stadtteil="${nr}"] .im-map-tile`)?.getAttribute("fill");
    expect(fill(61)).toBe("#80cdc1");
    expect(fill(91)).toBe("#fb6a4a");
    expect(screen.getByRole("button", { name: "91 Coerde: Status sehr niedrig, Dynamik stabil" })).toBeInTheDocument();
  });
});
