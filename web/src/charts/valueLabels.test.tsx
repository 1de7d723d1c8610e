import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { render } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RankedBar, RankedBars } from "../views/comparison/RankedBars.tsx";

const STYLES = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../styles.css"), "utf8");
/** The app's rule for value labels (jsdom cannot parse the whole stylesheet). */
const LABEL_RULE = /\.recharts-label-list text \{[^}]*\}/.exec(STYLES)?.[0] ?? "";

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
  // jsdom has no layout: give the chart's container a size so that Recharts draws the bars.
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(
    DOMRect.fromRect({ width: 800, height: 200 }),
  );
});

afterEach(() => {
  for (const style of document.head.querySelectorAll("style[data-test-styles]")) style.remove();
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const BARS: RankedBar[] = [
  { stadtteil: 61, name: "Coerde", value: 30.2, label: "30,2\u00a0%", selected: false },
  // Just below the city value: its label starts right where the reference line runs.
  { stadtteil: 51, name: "Gievenbeck", value: 26.7, label: "26,7\u00a0%", selected: false },
  { stadtteil: 11, name: "Aegidii", value: 12.1, label: "12,1\u00a0%", selected: false },
];

describe("the value labels of the ranked bars", () => {
  it("are drawn above the Gesamtstadt line and carry a white halo, so the line never cuts through the digits", () => {
    const style = document.createElement("style");
    style.dataset.testStyles = "";
    style.textContent = LABEL_RULE;
    document.head.append(style);
    const { container } = render(
      <RankedBars
        data={BARS}
        cityValue={27.1}
        cityLabel="Gesamtstadt 27,1 %"
        formatAxis={String}
        onSelect={() => {}}
      />,
    );
    const svg = container.querySelector("svg.recharts-surface");
    const line = svg?.querySelector(".recharts-reference-line");
    const labels = [...(svg?.querySelectorAll<SVGTextElement>(".recharts-label-list text") ?? [])];
    expect(line).toBeTruthy();
    expect(labels.map((l) => l.textContent)).toEqual(BARS.map((b) => b.label));
    // Later in the SVG = painted on top.
    for (const label of labels) {
      expect((line?.compareDocumentPosition(label) ?? 0) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(getComputedStyle(label).stroke).toBe("#ffffff");
      // 3 px each side: wide enough to close the gaps between the glyphs, too.
      expect(Number.parseFloat(getComputedStyle(label).strokeWidth)).toBeGreaterThanOrEqual(6);
    }
    // jsdom does not compute paint-order; the rule must paint the halo under the glyphs, not over them.
    expect(LABEL_RULE).toMatch(/paint-order: stroke fill;/);
  });

  it("keep a row for a secret Stadtteil with its symbol `.`, not an empty row", () => {
    const { container } = render(
      <RankedBars
        data={[...BARS, { stadtteil: 91, name: "Geheimdorf", value: null, label: ".", selected: false }]}
        cityValue={27.1}
        cityLabel="Gesamtstadt 27,1 %"
        formatAxis={String}
        onSelect={() => {}}
      />,
    );
    const labels = [...container.querySelectorAll<SVGTextElement>(".recharts-label-list text")];
    expect(labels.map((l) => l.textContent)).toContain(".");
  });
});
