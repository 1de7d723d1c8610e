import { assessProgress, type GoalTarget, type ProgressInput, type SeriesPoint } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { assessmentText, spokenText } from "./goal-texts.ts";

const series = (values: Record<number, number | null>): SeriesPoint[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));

// One series per branch of indicators/src/goals/progress.ts.
const cases: Record<string, ProgressInput> = {
  "no data": { series: [], direction: "rise" },
  "secret start": { series: series({ 2019: null, 2020: 10, 2021: 11, 2022: 12 }), direction: "rise" },
  "too few years": { series: series({ 2021: 10, 2022: 11 }), direction: "rise" },
  "zero start": { series: series({ 2019: 0, 2020: 1, 2021: 2, 2022: 3 }), direction: "rise" },
  "target reached": {
    series: series({ 2018: 10, 2019: 12, 2020: 14, 2021: 16 }),
    direction: "rise",
    target: { value: 15, year: 2025 },
  },
  "towards a target": {
    series: series({ 2018: 20, 2019: 19.5, 2020: 19, 2021: 18.4, 2022: 18 }),
    direction: "fall",
    target: { value: 12, year: 2030 },
  },
  "no target, rising": { series: series({ 2018: 10, 2019: 10.4, 2020: 10.9, 2021: 11.3 }), direction: "rise" },
  "no target, unchanged": { series: series({ 2018: 10, 2019: 10.01, 2020: 9.99, 2021: 10.02 }), direction: "fall" },
  "after a break": {
    series: series({ 2014: 5, 2015: 6, 2016: 7, 2017: 9, 2018: 10, 2019: 11, 2020: 12 }),
    direction: "rise",
    breaks: [2017],
  },
};

describe("the reasoning of a goal assessment", () => {
  for (const [name, input] of Object.entries(cases)) {
    it(`says in German word for word what the indicators package says: ${name}`, () => {
      for (const a of assessProgress(input)) {
        expect(spokenText(a, "de", input.target ?? null, input.series)).toBe(a.text);
      }
    });
  }

  it("is said again in Dutch and English, numbers in their locale", () => {
    const input = cases["towards a target"];
    const [short] = assessProgress(input);
    const target = input.target as GoalTarget;
    expect(assessmentText(short, "de", target, input.series)).toBe(short.text);
    // 20 → 18 in four years: −2.6 % a year; 20 → 12 by 2030 needs −4.2 %: 62 % of the pace, moderate progress.
    expect(assessmentText(short, "nl", target, input.series)).toBe(
      "Matige vooruitgang: 2018–2022 daalde de waarde van 20,0 naar 18,0 (−2,6 % per jaar); nodig zou zijn −4,2 % per jaar om 12,0 in 2030 te bereiken (62 % van het benodigde tempo).",
    );
    expect(assessmentText(short, "en", target, input.series)).toBe(
      "Moderate progress: 2018–2022 the value fell from 20.0 to 18.0 (−2.6 % a year); −4.2 % a year would be needed to reach 12.0 by 2030 (62 % of the required pace).",
    );
    const [secret] = assessProgress(cases["secret start"]);
    expect(assessmentText(secret, "en", null, cases["secret start"].series)).toBe(
      "Not assessable: the value of 2019 is confidential.",
    );
  });
});
