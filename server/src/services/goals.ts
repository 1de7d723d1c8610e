import {
  type Assessment,
  assessProgress,
  type Goal,
  type GoalMeasure,
  type GoalTarget,
  type SeriesPoint,
  TOTAL,
} from "@im/indicators";
import type { DatabaseHandle } from "../db/connection.ts";
import { type Language, translate } from "../i18n/index.ts";
import { type IndicatorValueRow, selectValues } from "../repositories/indicator-values.ts";
import type { GoalProgress, GoalsResponse } from "../schemas/goals.ts";
import { translated } from "./catalogue-language.ts";
import { assessmentText } from "./goal-texts.ts";
import { checkArea, type ReadContext } from "./indicator-reads.ts";
import { RequestProblem } from "./replies.ts";

/** Every goal of the catalogue with its assessment in `area` (the city by default). */
export async function goalsProgress(
  database: DatabaseHandle,
  context: ReadContext,
  area: string,
  analyst: boolean,
): Promise<GoalsResponse> {
  checkArea(context, area);
  const goals: GoalProgress[] = [];
  for (const goal of context.catalogue.catalogue.goals)
    goals.push(await progressOf(database, context, goal, area, analyst));
  return {
    area,
    areaName: context.areaNames.get(area) ?? area,
    goals,
    method: translate(context.language, "goal.method"),
  };
}

export async function goalProgress(
  database: DatabaseHandle,
  context: ReadContext,
  id: string,
  area: string,
  analyst: boolean,
): Promise<GoalProgress> {
  const goal = context.catalogue.catalogue.goals.find((g) => g.id === id);
  if (!goal) {
    const known = context.catalogue.catalogue.goals.map((g) => g.id);
    throw new RequestProblem(404, "goal.unknown", { id, known });
  }
  checkArea(context, area);
  return progressOf(database, context, goal, area, analyst);
}

async function progressOf(
  database: DatabaseHandle,
  context: ReadContext,
  goal: Goal,
  area: string,
  analyst: boolean,
): Promise<GoalProgress> {
  const { catalogue } = context.catalogue;
  const measures: GoalProgress["measures"] = [];
  for (const measure of goal.measures) {
    const indicator = catalogue.indicators.find((i) => i.id === measure.indicator);
    const meta = context.catalogue.meta.get(measure.indicator);
    if (!indicator || !meta) continue; // the catalogue check makes this impossible
    const areas = context.coverage.get(indicator.id)?.areas ?? [];
    const cityOnly = area !== "stadt" && areas.length > 0 && !areas.includes(area);
    const assessedArea = cityOnly ? "stadt" : area;
    const comparison = meta.comparison
      ? { id: meta.comparison.id, groups: meta.comparison.groups.map((g) => g.id) }
      : null;
    const { series, usedSecret } = await seriesOf(
      database,
      context.release,
      measure,
      comparison,
      assessedArea,
      analyst,
    );
    const [short, long] = assessProgress({
      series,
      direction: measure.direction,
      target: measure.target ?? null,
      baseYear: measure.baseYear ?? null,
      breaks: meta.seriesBreaks.map((b) => b.year),
    });
    measures.push({
      indicator: indicator.id,
      title: translated(meta, "title", context.language) ?? indicator.title,
      unit: indicator.unit,
      direction: measure.direction,
      directionText: directionText(measure, meta.comparison?.groups.map((g) => g.label) ?? [], context.language),
      baseYear: measure.baseYear ?? null,
      target: measure.target ?? null,
      area: assessedArea,
      areaName: context.areaNames.get(assessedArea) ?? assessedArea,
      cityOnly,
      series: series.map((p) => ({
        year: p.year,
        value: p.value === null ? null : measure.direction === "close_gap" ? Math.abs(p.value) : p.value,
      })),
      short: labelled(short, context.language, measure.target ?? null, series),
      long: labelled(long, context.language, measure.target ?? null, series),
      ...(usedSecret ? { confidential: true as const } : {}),
    });
  }
  const { language } = context;
  const field = catalogue.fields.find((f) => f.id === goal.field);
  return {
    id: goal.id,
    field: goal.field,
    fieldTitle: translated(field, "title", language) ?? field?.title ?? goal.field,
    title: translated(goal, "title", language) ?? goal.title,
    description: translated(goal, "description", language) ?? goal.description ?? null,
    example: goal.example,
    measures,
  };
}

/**
 * The yearly series a goal measure reads: the total, or the gap first − second comparison group. A withheld
 * value is a gap in the public series; analysts get the true value, and the answer says it used one.
 */
async function seriesOf(
  database: DatabaseHandle,
  release: number,
  measure: GoalMeasure,
  comparison: { id: string; groups: string[] } | null,
  area: string,
  analyst: boolean,
): Promise<{ series: SeriesPoint[]; usedSecret: boolean }> {
  const gap = measure.direction === "close_gap" && comparison !== null;
  const rows = await selectValues(database.db, {
    release,
    indicator: measure.indicator,
    area,
    breakdown: gap ? comparison.id : TOTAL.id,
  });
  let usedSecret = false;
  const point = (year: number, parts: IndicatorValueRow[]): SeriesPoint => {
    if (parts.some((r) => r.status === "suppressed") && !analyst) return { year, value: null, reason: "suppressed" };
    const usable = parts.every((r) => (r.status === "ok" || r.status === "suppressed") && r.value !== null);
    if (!usable) return { year, value: null, reason: "missing" };
    if (parts.some((r) => r.status === "suppressed")) usedSecret = true;
    const values = parts.map((r) => r.value as number);
    return { year, value: gap ? values[0] - values[1] : values[0] };
  };
  const byYear = new Map<number, IndicatorValueRow[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const series: SeriesPoint[] = [];
  for (const [year, yearRows] of [...byYear].sort((a, b) => a[0] - b[0])) {
    if (gap) {
      // The gap is first − second group, in the catalogue's order (as the gap chart shows it).
      const pair = comparison.groups.map((g) => yearRows.find((r) => r.grp === g));
      series.push(
        pair.length === 2 && pair.every((r) => r !== undefined)
          ? point(year, pair as IndicatorValueRow[])
          : { year, value: null, reason: "missing" },
      );
    } else {
      const total = yearRows.find((r) => r.grp === TOTAL.id);
      series.push(total ? point(year, [total]) : { year, value: null, reason: "missing" });
    }
  }
  return { series, usedSecret };
}

function directionText(measure: GoalMeasure, groups: readonly string[], language: Language): string {
  if (measure.direction === "close_gap") {
    return groups.length === 2
      ? translate(language, "goal.direction.closeGapBetween", { first: groups[0], second: groups[1] })
      : translate(language, "goal.direction.closeGap");
  }
  return translate(language, measure.direction === "rise" ? "goal.direction.rise" : "goal.direction.fall");
}

/** The assessment with its label and its reasoning in the reader's language. */
function labelled(a: Assessment, language: Language, target: GoalTarget | null, series: readonly SeriesPoint[]) {
  const text = assessmentText(a, language, target, series);
  if (a.status === "assessed")
    return {
      ...a,
      text,
      label: translate(language, `goal.category.${a.category}`),
      actualRate: Number.isFinite(a.actualRate) ? a.actualRate : null,
    };
  return { ...a, text, label: translate(language, "goal.notAssessable") };
}
