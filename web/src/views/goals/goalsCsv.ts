import type { GoalAssessment, GoalsResponse } from "../../api/types.ts";
import { type CsvColumn, type CsvFlavour, toCsv } from "../../csv.ts";
import { aimText } from "./assessment.tsx";

interface CsvRow {
  goal: GoalsResponse["goals"][number];
  measure: GoalsResponse["goals"][number]["measures"][number];
}

const period = (a: GoalAssessment) => (a.period ? `${a.period.from}–${a.period.to}` : null);
const rate = (x: number | null | undefined, flavour: CsvFlavour) =>
  x === null || x === undefined ? null : flavour === "de" ? Math.round(x * 1000) / 10 : x;
const term = (pick: (row: CsvRow) => GoalAssessment, name: string): CsvColumn<CsvRow>[] => [
  { header: `${name}: Zeitraum`, value: (r) => period(pick(r)) },
  { header: `${name}: Bewertung`, value: (r, f) => (f === "de" ? pick(r).label : categoryOf(pick(r))) },
  {
    header: `${name}: Veränderung pro Jahr (%)`,
    value: (r, f) => {
      const a = pick(r);
      return a.status === "assessed" ? rate(a.actualRate, f) : null;
    },
  },
  {
    header: `${name}: nötige Veränderung pro Jahr (%)`,
    value: (r, f) => {
      const a = pick(r);
      return a.status === "assessed" ? rate(a.requiredRate, f) : null;
    },
  },
  { header: `${name}: Erläuterung`, value: (r) => pick(r).text },
];

function categoryOf(a: GoalAssessment): string {
  return a.status === "assessed" ? a.category : `not_assessable:${a.reason}`;
}

/** The assessments of one area as CSV: one row per goal and indicator, short and long term side by side. */
export function goalsCsv(response: GoalsResponse, flavour: CsvFlavour): string {
  const columns: CsvColumn<CsvRow>[] = [
    { header: "Handlungsfeld", value: (r) => r.goal.fieldTitle },
    { header: "Ziel", value: (r) => r.goal.title },
    { header: "Beispielziel", value: (r) => (r.goal.example ? "ja" : "nein") },
    { header: "Indikator", value: (r) => r.measure.title },
    { header: "Was als Fortschritt zählt", value: (r) => aimText(r.measure) },
    { header: "Gebiet", value: (r) => r.measure.areaName },
    ...term((r) => r.measure.short, "kurzfristig"),
    ...term((r) => r.measure.long, "langfristig"),
    { header: "Vertraulich", value: (r) => (r.measure.confidential ? "nicht zur Veröffentlichung" : "") },
  ];
  const rows = response.goals.flatMap((goal) => goal.measures.map((measure) => ({ goal, measure })));
  return toCsv(columns, rows, flavour);
}
