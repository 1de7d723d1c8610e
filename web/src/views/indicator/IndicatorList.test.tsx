import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndicatorMeta } from "../../api/types.ts";
import { renderAt, stubApi } from "../../test-utils.tsx";
import IndicatorList from "./IndicatorList.tsx";

const meta = (id: string, field: string, title: string, definition: string): IndicatorMeta => ({
  id,
  title,
  shortTitle: title,
  field,
  unit: "%",
  polarity: "neutral",
  definition,
  numeratorLabel: "Zähler",
  denominatorLabel: "Nenner",
  source: "Quelle",
  migrationDefinition: "",
  comparison: null,
  breakdowns: [],
  notes: [],
  seriesBreaks: [],
});

const catalogue = {
  version: "1",
  fields: [
    { id: "RI", title: "Rechtliche Integrationsbegleitung" },
    { id: "BS", title: "Bildung und Sprache" },
  ],
  indicators: [
    meta("einbuergerungsquote", "RI", "Einbürgerungsquote", "Einbürgerungen je 100 Ausländer/-innen"),
    meta("kita", "BS", "Betreuungsquote U3", "Kinder unter 3 Jahren in Kitas"),
    meta("gymnasium", "BS", "Gymnasialquote", "Schülerinnen und Schüler der Klasse 8 am Gymnasium"),
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("searching the indicator list", () => {
  it("finds by title, definition or Handlungsfeld, without caring for umlauts, and keeps the query in the URL", async () => {
    stubApi({ "/api/indicators": catalogue });
    renderAt(<IndicatorList />, { path: "/indikatoren", route: "/indikatoren?area=91" });
    const search = await screen.findByRole("searchbox", { name: /Indikatoren durchsuchen/ });
    const user = userEvent.setup();

    await user.type(search, "einburgerung");
    expect(screen.getAllByRole("link").map((l) => l.textContent)).toEqual(["Einbürgerungsquote"]);
    expect(screen.getByText("1 Treffer")).toBeInTheDocument();
    expect(screen.getByTestId("location")).toHaveTextContent("/indikatoren?area=91&q=einburgerung");

    await user.clear(search);
    await user.type(search, "bildung klasse");
    expect(screen.getAllByRole("link").map((l) => l.textContent)).toEqual(["Gymnasialquote"]);

    await user.clear(search);
    await user.type(search, "Wohnen");
    expect(screen.getByText("Kein Indikator passt zu „Wohnen“.")).toBeInTheDocument();
  });

  it("restores the search from a permalink", async () => {
    stubApi({ "/api/indicators": catalogue });
    renderAt(<IndicatorList />, { path: "/indikatoren", route: "/indikatoren?q=kitas" });
    expect(await screen.findByRole("searchbox")).toHaveValue("kitas");
    expect((await screen.findAllByRole("link")).map((l) => l.textContent)).toEqual(["Betreuungsquote U3"]);
  });
});
