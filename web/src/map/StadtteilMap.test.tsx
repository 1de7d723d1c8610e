import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import { contrast } from "../test-contrast.ts";
import { ALMELO_LAYOUT } from "./almelo-layout.ts";
import { BEZIRK_BORDER, STADTTEIL_BORDER, sequentialPalette } from "./colours.ts";
import { MUENSTER_LAYOUT } from "./layout.ts";
import { availableMapKinds, MapKindToggle } from "./MapKindToggle.tsx";
import { StadtteilMap } from "./StadtteilMap.tsx";
import { GRID_FEATURES, pathPoints, readMuensterGeojson, SYNTHETIC_CITY, THREE_FEATURES, value } from "./testdata.ts";
import type { StadtteilValue } from "./types.ts";

const reference = referenceFolder("Karten-Tests mit Münsters echten Stadtteilgrenzen");
const format = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Values for all 45 Stadtteile: 10,0 %, 10,5 %, … in layout order; 14 Buddenturm is secret. */
const MUENSTER_VALUES: StadtteilValue[] = MUENSTER_LAYOUT.tiles.map((t, i) => {
  if (t.stadtteil === 14) return value(14, t.name, t.bezirk, null, ".");
  if (t.stadtteil === 61) return value(61, t.name, t.bezirk, 22.4, "22,4\u00a0%");
  const v = 10 + i / 2;
  return value(t.stadtteil, t.name, t.bezirk, v, `${format.format(v)}\u00a0%`);
});

describe("StadtteilMap as a tile cartogram", () => {
  it("renders 45 focusable tiles, one per Stadtteil, with data-stadtteil and class map-shape", () => {
    const { container } = render(<StadtteilMap kind="cartogram" values={MUENSTER_VALUES} title="SGB-II-Quote" />);
    const shapes = [...container.querySelectorAll(".map-shape")];
    expect(shapes).toHaveLength(45);
    expect(new Set(shapes.map((s) => s.getAttribute("data-stadtteil"))).size).toBe(45);
    for (const s of shapes) expect(s.getAttribute("tabindex")).toBe("0");
    expect(container.querySelector('[data-stadtteil="61"]')).not.toBeNull();
  });

  it("names each tile with number, name and formatted value, and calls onSelect on Enter and Space", async () => {
    const onSelect = vi.fn();
    render(<StadtteilMap kind="cartogram" values={MUENSTER_VALUES} title="SGB-II-Quote" onSelect={onSelect} />);
    expect(screen.getAllByRole("button")).toHaveLength(45);
    const coerde = screen.getByRole("button", { name: "61 Coerde: 22,4\u00a0%" });
    const user = userEvent.setup();
    coerde.focus();
    expect(document.activeElement).toBe(coerde);
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledWith(61);
    await user.keyboard(" ");
    expect(onSelect).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole("button", { name: /^13 Dom: / }));
    expect(onSelect).toHaveBeenLastCalledWith(13);
  });

  it("describes the map for screen readers and marks the selected Stadtteil", () => {
    render(
      <StadtteilMap kind="cartogram" values={MUENSTER_VALUES} title="SGB-II-Quote" selected={61} onSelect={() => {}} />,
    );
    const map = screen.getByRole("group", { name: "SGB-II-Quote" });
    expect(map.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
    expect(map.getAttribute("width")).toBe("100%");
    expect(map.querySelector("desc")?.textContent).toContain("1 ohne Angabe oder geheim");
    expect(screen.getByRole("button", { name: "61 Coerde: 22,4\u00a0%" }).getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("button", { name: "14 Buddenturm: keine Angabe / geheim (.)" })).toBeTruthy();
  });

  it("shows a legend with German class boundaries and the entry for secret values", () => {
    const { container } = render(
      <StadtteilMap
        kind="cartogram"
        values={MUENSTER_VALUES}
        title="SGB-II-Quote"
        scale={{ type: "sequential", method: "equal", classes: 5, unit: "%", label: "Anteil in %" }}
      />,
    );
    const items = [...(container.querySelector(".im-map-legend")?.querySelectorAll("li") ?? [])].map(
      (li) => li.textContent,
    );
    // Values 10,0 … 32,0 in steps of 0,5 (14 Buddenturm secret): five equal intervals of 4,4.
    expect(items).toEqual([
      "10,0 bis unter 14,4\u00a0%",
      "14,4 bis unter 18,8\u00a0%",
      "18,8 bis unter 23,2\u00a0%",
      "23,2 bis unter 27,6\u00a0%",
      "27,6 bis 32,0\u00a0%",
      "keine Angabe / geheim (.)",
    ]);
    expect(screen.getByText("Anteil in %")).toBeTruthy();
  });

  it("draws the tiles and lets Tab walk them in reading order, row by row from the north, west to east", async () => {
    const { container } = render(
      <StadtteilMap kind="cartogram" values={MUENSTER_VALUES} title="SGB-II-Quote" onSelect={() => {}} />,
    );
    const order = [...container.querySelectorAll(".map-shape")].map((s) => Number(s.getAttribute("data-stadtteil")));
    // Row 0: Sprakel; row 1: Kinderhaus-West, Kinderhaus-Ost, Coerde, Gelmer; row 2 starts with Nienberge …
    expect(order.slice(0, 7)).toEqual([68, 63, 62, 61, 76, 58, 28]);
    // … and the last row holds Amelsbüren and Hiltrup-West.
    expect(order.slice(-2)).toEqual([98, 97]);
    const at = new Map(MUENSTER_LAYOUT.tiles.map((t) => [t.stadtteil, t.row * 100 + t.col]));
    const positions = order.map((n) => at.get(n) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement?.getAttribute("data-stadtteil")).toBe("68");
    await user.tab();
    expect(document.activeElement?.getAttribute("data-stadtteil")).toBe("63");
    await user.tab();
    expect(document.activeElement?.getAttribute("data-stadtteil")).toBe("62");
  });

  it("falls back to a plain grid grouped by Stadtbezirk for another city's districts", () => {
    const other = [
      value(101, "Altstadt", "Innenstadt", 5, "5"),
      value(102, "Hafen", "Innenstadt", 6, "6"),
      value(201, "Heide", "Nord", 7, "7"),
    ];
    const { container } = render(<StadtteilMap kind="cartogram" values={other} title="Andere Stadt" />);
    expect(container.querySelectorAll(".map-shape")).toHaveLength(3);
    expect(within(container.querySelector("svg") as unknown as HTMLElement).getByText("Innenstadt")).toBeTruthy();
  });
});

describe("StadtteilMap with Almelo's 71 buurten in 12 wijken", () => {
  const almelo = ALMELO_LAYOUT.tiles.map((t) => value(t.stadtteil, t.name, t.bezirk, 10, "10,0\u00a0%"));

  it("names each wijk with its buurt numbers below the tiles, too dense to write the names into", () => {
    const { container } = render(<StadtteilMap kind="cartogram" values={almelo} title="Aandeel" />);
    const key = container.querySelector(".im-map-parent-key") as HTMLElement;
    const entries = within(key)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(entries).toHaveLength(12);
    // Ordered by their first buurt number: Binnenstad 1000–1003 first, Bornerbroek 2100–2109 last.
    expect(entries[0]).toBe("1000–1003 Binnenstad");
    expect(entries).toContain("1200–1209 Noorderkwartier");
    expect(entries.at(-1)).toBe("2100–2109 Bornerbroek");
  });

  it("says the wijk of the hovered buurt, and Münster's map, which names its Stadtbezirke, has no key", async () => {
    render(<StadtteilMap kind="cartogram" values={almelo} title="Aandeel" />);
    await userEvent.setup().hover(screen.getByRole("img", { name: /1202 / }));
    expect(document.querySelector(".im-map-tooltip-parent")?.textContent).toBe("Noorderkwartier");
    const { container } = render(<StadtteilMap kind="cartogram" values={MUENSTER_VALUES} title="SGB-II-Quote" />);
    expect(container.querySelector(".im-map-parent-key")).toBeNull();
  });
});

describe("StadtteilMap with real boundaries", () => {
  it("draws one path per feature of a small GeoJSON, inside the viewBox, with the attribution", () => {
    const values = [
      value(11, "Aegidii", "Mitte", 1, "1,0"),
      value(12, "Überwasser", "Mitte", null, "."),
      value(51, "Gievenbeck", "West", 3, "3,0"),
    ];
    const onSelect = vi.fn();
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={THREE_FEATURES} values={values} title="Test" onSelect={onSelect} />,
    );
    const paths = [...container.querySelectorAll("path.map-shape")];
    expect(paths.map((p) => p.getAttribute("data-stadtteil"))).toEqual(["11", "12", "51"]);
    const [, , width, height] = (container.querySelector("svg")?.getAttribute("viewBox") ?? "").split(" ").map(Number);
    for (const p of paths) {
      const points = pathPoints(p.getAttribute("d") ?? "");
      expect(points.length).toBeGreaterThanOrEqual(4);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
      }
      // Each square takes a third of the width (a wrongly wound ring would cover the whole world instead).
      const xs = points.map(([x]) => x);
      expect((Math.max(...xs) - Math.min(...xs)) / width).toBeCloseTo(1 / 3, 1);
    }
    expect(screen.getByText("Testgeometrie, frei erfunden")).toBeTruthy();
    expect(paths[1].getAttribute("fill")).toMatch(/^url\(#/);
    expect(screen.getByRole("button", { name: "51 Gievenbeck: 3,0" })).toBe(paths[2]);
  });

  it("outlines the focused Stadtteil on top of its neighbours and selects it with Enter", async () => {
    const values = [value(11, "Aegidii", "Mitte", 1, "1,0"), value(12, "Überwasser", "Mitte", 2, "2,0")];
    const onSelect = vi.fn();
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={THREE_FEATURES} values={values} title="Test" onSelect={onSelect} />,
    );
    expect(container.querySelector(".im-map-focus-ring")).toBeNull();
    const user = userEvent.setup();
    await user.tab();
    const focused = screen.getByRole("button", { name: "11 Aegidii: 1,0" });
    expect(document.activeElement).toBe(focused);
    const ring = container.querySelector(".im-map-focus-ring path");
    expect(ring?.getAttribute("d")).toBe(focused.getAttribute("d"));
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledWith(11);
    expect(screen.getByRole("button", { name: "51 Gievenbeck: keine Angabe / geheim (.)" })).toBeTruthy();
  });

  it("draws the shapes and lets Tab walk them in reading order of their centroids, not by Stadtteil number", async () => {
    // A 2 × 2 grid: 61 | 12 on top, 11 | 51 below.
    const values = [
      value(11, "Aegidii", "Mitte", 1, "1,0"),
      value(12, "Überwasser", "Mitte", 2, "2,0"),
      value(51, "Gievenbeck", "West", 3, "3,0"),
      value(61, "Coerde", "Nord", 4, "4,0"),
    ];
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={GRID_FEATURES} values={values} title="Test" onSelect={() => {}} />,
    );
    const order = [...container.querySelectorAll("path.map-shape")].map((p) => p.getAttribute("data-stadtteil"));
    expect(order).toEqual(["61", "12", "11", "51"]);
    const user = userEvent.setup();
    const tabbed: (string | null | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      tabbed.push(document.activeElement?.getAttribute("data-stadtteil"));
    }
    expect(tabbed).toEqual(["61", "12", "11", "51"]);
  });

  reference.it("walks Münster's Stadtteile from Sprakel in the north to Amelsbüren in the south", () => {
    const { container } = render(
      <StadtteilMap
        kind="boundaries"
        geojson={readMuensterGeojson(reference)}
        values={MUENSTER_VALUES}
        title="Grenzen"
      />,
    );
    const paths = [...container.querySelectorAll<SVGPathElement>("path.map-shape")];
    const order = paths.map((p) => p.getAttribute("data-stadtteil"));
    // Sprakel; then Nienberge and Gelmer-Dyckburg side by side (west first); then Kinderhaus-West, -Ost, Coerde.
    expect(order.slice(0, 6)).toEqual(["68", "58", "76", "63", "62", "61"]);
    expect(order.at(-1)).toBe("98");
    // The first shape reached is the northernmost one.
    const top = (p: SVGPathElement) => Math.min(...pathPoints(p.getAttribute("d") ?? "").map(([, y]) => y));
    expect(top(paths[0])).toBe(Math.min(...paths.map(top)));
  });

  it("outlines Stadtteile in mid-grey that shows between pale neighbours, with darker Stadtbezirk borders", () => {
    const { container } = render(<StadtteilMap kind="boundaries" geojson={THREE_FEATURES} values={[]} title="Test" />);
    const css = container.querySelector("style")?.textContent ?? "";
    expect(css).toContain(`path.map-shape { stroke: ${STADTTEIL_BORDER};`);
    expect(css).toContain(`.im-map-bezirk-border { fill: none; stroke: ${BEZIRK_BORDER};`);
    // Visible against the palest class colour and against white (WCAG 1.4.11: 3:1) …
    for (const background of ["#ffffff", sequentialPalette(7)[0], sequentialPalette(5)[0]]) {
      expect(contrast(STADTTEIL_BORDER, background)).toBeGreaterThanOrEqual(3);
    }
    // … and clearly lighter than the Stadtbezirk borders.
    expect(contrast(STADTTEIL_BORDER, BEZIRK_BORDER)).toBeGreaterThanOrEqual(2.5);
  });

  reference.it("renders the 45 Stadtteile of Münster's boundary file with non-empty paths", () => {
    const geojson = readMuensterGeojson(reference);
    expect(geojson.features).toHaveLength(45);
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={geojson} values={MUENSTER_VALUES} title="Grenzen" />,
    );
    const paths = [...container.querySelectorAll("path.map-shape")];
    expect(paths).toHaveLength(45);
    const width = Number(container.querySelector("svg")?.getAttribute("viewBox")?.split(" ")[2]);
    for (const p of paths) {
      const d = p.getAttribute("d") ?? "";
      expect(d.length).toBeGreaterThan(20);
      // No Stadtteil spans more than half of the city's width.
      const xs = pathPoints(d).map(([x]) => x);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(width / 2);
    }
    expect(new Set(paths.map((p) => p.getAttribute("data-stadtteil")))).toEqual(
      new Set(MUENSTER_LAYOUT.tiles.map((t) => String(t.stadtteil))),
    );
    expect(container.querySelector(".im-map-attribution")?.textContent).toContain("Stadt Münster");
    expect(container.querySelector(".im-map-bezirk-border")?.getAttribute("d")?.length ?? 0).toBeGreaterThan(100);
  });

  it("renders every Stadtteil of the made-up city in reading order from the north, with Stadtbezirk borders", () => {
    const values = SYNTHETIC_CITY.features.map(({ properties: p }, i) =>
      value(Number(p.code), p.name ?? "", p.bezirk ?? "", i, String(i)),
    );
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={SYNTHETIC_CITY} values={values} title="Grenzen" />,
    );
    const paths = [...container.querySelectorAll("path.map-shape")];
    expect(paths.map((p) => p.getAttribute("data-stadtteil"))).toEqual(["21", "22", "12", "11", "13", "31", "32"]);
    const width = Number(container.querySelector("svg")?.getAttribute("viewBox")?.split(" ")[2]);
    for (const p of paths) {
      const xs = pathPoints(p.getAttribute("d") ?? "").map(([x]) => x);
      expect(xs.length).toBeGreaterThanOrEqual(4);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(width / 2);
    }
    expect(container.querySelector(".im-map-attribution")?.textContent).toContain("erfundenen Stadt");
    // Nord | Mitte and Mitte | Süd: four edges each, drawn as one path.
    expect(pathPoints(container.querySelector(".im-map-bezirk-border")?.getAttribute("d") ?? "")).toHaveLength(16);
  });

  it("draws tiles when no boundaries are available", () => {
    const { container } = render(
      <StadtteilMap kind="boundaries" geojson={null} values={MUENSTER_VALUES} title="Test" />,
    );
    expect(container.querySelector(".im-map")?.getAttribute("data-kind")).toBe("cartogram");
    expect(container.querySelectorAll(".map-shape")).toHaveLength(45);
  });
});

describe("MapKindToggle", () => {
  it("offers Kachelkarte and Grenzen only when boundaries exist", async () => {
    expect(availableMapKinds(null)).toEqual(["cartogram"]);
    expect(availableMapKinds(THREE_FEATURES)).toEqual(["cartogram", "boundaries"]);
    const onChange = vi.fn();
    render(<MapKindToggle value="cartogram" onChange={onChange} kinds={availableMapKinds(THREE_FEATURES)} />);
    const group = screen.getByRole("group", { name: "Kartenart" });
    expect(within(group).getByRole("button", { name: "Kachelkarte" }).getAttribute("aria-pressed")).toBe("true");
    await userEvent.setup().click(screen.getByRole("button", { name: "Grenzen" }));
    expect(onChange).toHaveBeenCalledWith("boundaries");
  });
});
