import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seriesColour, seriesDash, seriesMarker, TEXT_COLOUR, TOTAL_COLOUR } from "../palette.ts";
import { TrendChart, type TrendDatum, type TrendSeries } from "./TrendChart.tsx";

beforeEach(() => {
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

/** The age groups as the breakdown lists them: not alphabetical ("15 bis 17" sorts before "6 bis 14"). */
const GROUPS = ["0 bis 5", "6 bis 14", "15 bis 17", "18 bis 24", "25 bis 44", "45 bis 64", "65+"];

const SERIES: TrendSeries[] = [
  { key: "gesamt", label: "Insgesamt", colour: TOTAL_COLOUR, strong: true },
  ...GROUPS.map((label, index) => ({
    key: `g${index}`,
    label,
    colour: seriesColour(index),
    dash: seriesDash(index + 1),
    marker: seriesMarker(index + 1),
  })),
];

const DATA: TrendDatum[] = [2023, 2024, 2025].map((year, i) => ({
  year,
  ...Object.fromEntries(SERIES.map((s, j) => [s.key, 10 + i + j])),
}));

function renderChart() {
  return render(<TrendChart data={DATA} series={SERIES} formatAxis={String} formatValue={String} />);
}

function legendItems(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(".recharts-legend-wrapper li")];
}

describe("the trend chart's legend", () => {
  it("lists the series in the order given (total first, then the groups as the breakdown has them)", () => {
    const { container } = renderChart();
    expect(legendItems(container).map((li) => li.textContent)).toEqual(["Insgesamt", ...GROUPS]);
  });

  it("writes the labels in the dark text colour and colours only the icons", () => {
    const { container } = renderChart();
    const items = legendItems(container);
    expect(items).toHaveLength(SERIES.length);
    items.forEach((li, index) => {
      // No text in the legend takes the line colour (Recharts' default legend colours the label).
      for (const element of [li, ...li.querySelectorAll<HTMLElement>("*")]) {
        if (element.style.color) expect(element.style.color).not.toBe(hexToRgb(SERIES[index].colour));
      }
      expect(li.closest<HTMLElement>(".series-legend")?.style.color).toBe(hexToRgb(TEXT_COLOUR));
      expect(li.querySelector("svg line")?.getAttribute("stroke")).toBe(SERIES[index].colour);
      expect(li.querySelector("svg path")?.getAttribute("fill")).toBe(SERIES[index].colour);
    });
  });

  it("gives every series its own dash pattern and marker shape, so colour is not the only cue", () => {
    const { container } = renderChart();
    const items = legendItems(container);
    const dashes = items.map((li) => li.querySelector("svg line")?.getAttribute("stroke-dasharray") ?? "");
    const markers = items.map((li) => li.querySelector("svg path")?.getAttribute("d"));
    expect(new Set(dashes).size).toBe(SERIES.length);
    expect(new Set(markers).size).toBe(SERIES.length);
  });
});

describe("the trend chart's lines", () => {
  it("mark each value with the series' own shape and leave a missing value unmarked", () => {
    // jsdom has no layout: give the chart's container a size so that Recharts draws the lines.
    // (The legend gets a legend's height; otherwise it would take the whole plot area.)
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const legend = this.classList.contains("recharts-legend-wrapper") || this.closest(".recharts-legend-wrapper");
      return DOMRect.fromRect({ width: 800, height: legend ? 30 : 420 });
    });
    const data = DATA.map((d) => (d.year === 2024 ? { ...d, g6: null } : d));
    const { container } = render(<TrendChart data={data} series={SERIES} formatAxis={String} formatValue={String} />);
    const markers = [...container.querySelectorAll(".recharts-line-dots .series-marker")];
    // 8 series × 3 years, minus the missing 2024 value of "65+".
    expect(markers).toHaveLength(SERIES.length * 3 - 1);
    SERIES.forEach((s) => {
      const own = markers.filter((m) => m.getAttribute("fill") === s.colour);
      expect(own.length, s.label).toBe(s.key === "g6" ? 2 : 3);
      // The same shape as in the legend: the path data differ only in position.
      const shape = (d: string | null) => (d ?? "").replace(/-?\d+(\.\d+)?/g, "#").length;
      expect(new Set(own.map((m) => shape(m.getAttribute("d")))).size, s.label).toBe(1);
    });
    const shapes = new Set(markers.map((m) => (m.getAttribute("d") ?? "").replace(/[^A-Za-z]/g, "")));
    // Circle (arcs), polygons with 3, 4, 10 and 12 corners: at least five distinct outlines among eight series.
    expect(shapes.size).toBeGreaterThanOrEqual(5);
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
