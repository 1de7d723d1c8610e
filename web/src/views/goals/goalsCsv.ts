import type { GoalAssessment, GoalsResponse } from "../../api/types.ts";
import { type CsvColumn, type CsvFlavour, toCsv } from "../../csv.ts";
import { t } from "../../i18n/index.ts";
import { aimText } from "./assessment.tsx";

interface CsvRow {
  goal: GoalsResponse["goals"][number];
  measure: GoalsResponse["goals"][number]["measures"][number];
}

const period = (a: GoalAssessment) => (a.period ? `${a.period.from}–${a.period.to}` : null);
const rate = (x: number | null | undefined, flavour: CsvFlavour) =>
  x === null || x === undefined ? null : flavour === "de" ? Math.round(x * 1000) / 10 : x;
const term = (pick: (row: CsvRow) => GoalAssessment, term: string): CsvColumn<CsvRow>[] => [
  { header: t("goalsCsv.period", { term }), value: (r) => period(pick(r)) },
  { header: t("goalsCsv.assessment", { term }), value: (r, f) => (f === "de" ? pick(r).label : categoryOf(pick(r))) },
  {
    header: t("goalsCsv.rate", { term }),
    value: (r, f) => {
      const a = pick(r);
      return a.status === "assessed" ? rate(a.actualRate, f) : null;
    },
  },
  {
    header: t("goalsCsv.required", { term }),
    value: (r, f) => {
      const a = pick(r);
      return a.status === "assessed" ? rate(a.requiredRate, f) : null;
    },
  },
  { header: t("goalsCsv.explanation", { term }), value: (r) => pick(r).text },
];

function categoryOf(a: GoalAssessment): string {
  return a.status === "assessed" ? a.category : `not_assessable:${a.reason}`;
}

/** The assessments of one area as CSV: one row per goal and indicator, short and long term side by side. */
export function goalsCsv(response: GoalsResponse, flavour: CsvFlavour): string {
  const columns: CsvColumn<CsvRow>[] = [
    { header: t("areaTable.field"), value: (r) => r.goal.fieldTitle },
    { header: t("report.goalsGoal"), value: (r) => r.goal.title },
    { header: t("goalsCsv.example"), value: (r) => t(r.goal.example ? "goalsCsv.yes" : "goalsCsv.no") },
    { header: t("goals.indicator"), value: (r) => r.measure.title },
    { header: t("goals.aim"), value: (r) => aimText(r.measure) },
    { header: t("table.area"), value: (r) => r.measure.areaName },
    ...term((r) => r.measure.short, t("goalsCsv.short")),
    ...term((r) => r.measure.long, t("goalsCsv.long")),
    { header: t("table.confidential"), value: (r) => (r.measure.confidential ? t("goals.confidential") : "") },
  ];
  const rows = response.goals.flatMap((goal) => goal.measures.map((measure) => ({ goal, measure })));
  return toCsv(columns, rows, flavour);
}
