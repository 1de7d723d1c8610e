import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MUENSTER_LAYOUT } from "./layout.ts";
import { StadtteilMap } from "./StadtteilMap.tsx";
import { THREE_FEATURES, value } from "./testdata.ts";

const TILE_VALUES = MUENSTER_LAYOUT.tiles.map((t) =>
  t.stadtteil === 61
    ? value(61, t.name, t.bezirk, 22.4, "22,4\u00a0%")
    : value(t.stadtteil, t.name, t.bezirk, 10, "10,0\u00a0%"),
);

const tooltip = (container: HTMLElement) => container.querySelector(".im-map-tooltip");

describe("the map's visible label on hover and keyboard focus", () => {
  it("shows number, name and value of a focused tile, hides it on Escape and on blur", () => {
    const { container } = render(
      <StadtteilMap kind="cartogram" values={TILE_VALUES} title="SGB-II-Quote" onSelect={() => {}} />,
    );
    expect(tooltip(container)).toBeNull();
    const coerde = screen.getByRole("button", { name: "61 Coerde: 22,4\u00a0%" });
    // jsdom does not move focus to SVG elements; the focus event is what the map listens to.
    fireEvent.focus(coerde);
    expect(tooltip(container)?.textContent).toBe("61 Coerde22,4\u00a0%");
    // Not a native tooltip: no <title> inside the shape any more (that one would pop up a second time).
    expect(coerde.querySelector("title")).toBeNull();
    fireEvent.keyDown(coerde, { key: "Escape" });
    expect(tooltip(container)).toBeNull();
    fireEvent.focus(coerde);
    expect(tooltip(container)).not.toBeNull();
    fireEvent.blur(coerde);
    expect(tooltip(container)).toBeNull();
  });

  it("shows the label of the shape under the pointer on the boundaries map and removes it when the pointer leaves", () => {
    const values = [value(11, "Altstadt", "Mitte", 5, "5,0\u00a0%"), value(12, "Hafen", "Mitte", null, ".")];
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={THREE_FEATURES} values={values} title="Test" />,
    );
    const hafen = container.querySelector('path[data-stadtteil="12"]') as SVGPathElement;
    fireEvent.mouseEnter(hafen);
    expect(tooltip(container)?.textContent).toBe("12 Hafenkeine Angabe / geheim (.)");
    fireEvent.mouseLeave(hafen);
    expect(tooltip(container)).toBeNull();
  });

  it("says who made the boundaries and under which licence in plain words, the full notice behind a disclosure", () => {
    const notice =
      "Datenquelle: Stadt Münster (Open-Data-Portal, Stand 2022-01-03), Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (https://www.govdata.de/dl-de/by-2-0). Verändert: Ringe gegen den Uhrzeigersinn orientiert.";
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={{ ...THREE_FEATURES, attribution: notice }} values={[]} title="Test" />,
    );
    const first = container.querySelector(".im-map-attribution > p")?.textContent;
    expect(first).toBe(
      "Stadtteilgrenzen: Stadt Münster (Stand 03.01.2022) · Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 · für die Karte vereinfacht",
    );
    expect(first).not.toContain("Uhrzeigersinn");
    expect(screen.getByRole("link", { name: "Datenlizenz Deutschland – Namensnennung – Version 2.0" })).toHaveProperty(
      "href",
      "https://www.govdata.de/dl-de/by-2-0",
    );
    expect(container.querySelector(".im-map-attribution details")?.textContent).toContain("Uhrzeigersinn");
  });
});
