import { describe, expect, it } from "vitest";
import type { GoalsResponse } from "../../api/types.ts";
import { goalsCsv } from "./goalsCsv.ts";

const response: GoalsResponse = {
  area: "stadt",
  areaName: "Gesamtstadt",
  method: "…",
  goals: [
    {
      id: "g",
      field: "BS",
      fieldTitle: "Bildung",
      title: "=Ziel mit Formelzeichen",
      description: null,
      example: true,
      measures: [
        {
          indicator: "kita",
          title: "Kita-Quote",
          unit: "%",
          direction: "rise",
          directionText: "Wert soll steigen",
          baseYear: 2015,
          target: null,
          area: "stadt",
          areaName: "Gesamtstadt",
          cityOnly: false,
          series: [],
          short: {
            status: "not_assessable",
            term: "short",
            period: null,
            reason: "suppressed",
            label: "nicht bewertbar",
            text: "Nicht bewertbar: der Wert 2025 ist geheim zu halten.",
          },
          long: {
            status: "assessed",
            term: "long",
            period: { from: 2015, to: 2025, afterBreak: null },
            category: "significant_progress",
            label: "deutlicher Fortschritt",
            startValue: 40,
            endValue: 50,
            actualRate: 0.022565,
            requiredRate: null,
            ratio: null,
            text: "Deutlicher Fortschritt: …",
          },
        },
      ],
    },
  ],
};

describe("the goals CSV", () => {
  it("has one row per goal and indicator with both terms, German numbers for people", () => {
    const [header, row] = goalsCsv(response, "de").replace("\uFEFF", "").trim().split("\r\n");
    expect(header.split(";")).toContain("langfristig: Veränderung pro Jahr (%)");
    const cells = row.split(";");
    expect(cells[2]).toBe("ja");
    expect(cells[6]).toBe(""); // no short-term period
    expect(cells[7]).toBe("nicht bewertbar");
    // 0.022565 → 2,3 % a year
    expect(cells.slice(11, 14)).toEqual(["2015–2025", "deutlicher Fortschritt", "2,3"]);
  });

  it("gives machines the categories and full rates", () => {
    const row = goalsCsv(response, "en").trim().split("\r\n")[1];
    expect(row).toContain("not_assessable:suppressed");
    expect(row).toContain(",significant_progress,0.022565,");
  });
});
