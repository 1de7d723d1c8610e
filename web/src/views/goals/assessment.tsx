import type { GoalAssessment, GoalMeasureProgress } from "../../api/types.ts";
import { locale, t } from "../../i18n/index.ts";

/** A symbol beside every label, so the assessment never rests on colour or shape alone. */
const SYMBOLS: Record<string, string> = {
  target_reached: "✓",
  significant_progress: "↑",
  moderate_progress: "↗",
  insufficient_progress: "→",
  moderate_movement_away: "↘",
  movement_away: "↓",
  not_assessable: "○",
};

const number = (x: number) => x.toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function aimText(measure: GoalMeasureProgress): string {
  const unit = measure.direction === "close_gap" ? t("goals.points") : measure.unit;
  const target = measure.target
    ? ` ${t("goals.target", { value: `${number(measure.target.value)} ${unit}`, year: measure.target.year })}`
    : "";
  const base = measure.baseYear ? ` ${t("goals.baseYear", { year: measure.baseYear })}` : "";
  return `${measure.directionText}.${target}${base}`;
}

/** One assessment as a table cell: symbol, label, period, and the reasoning in words. */
export function AssessmentCell({
  assessment,
  measure,
}: {
  assessment: GoalAssessment | null;
  measure?: GoalMeasureProgress | null;
}) {
  if (!assessment) return <td>–</td>;
  const key = assessment.status === "assessed" ? assessment.category : "not_assessable";
  const period = assessment.period ? `${assessment.period.from}–${assessment.period.to}` : null;
  return (
    <td className={`goal-cell goal-${key}`}>
      <span className="goal-symbol" aria-hidden="true">
        {SYMBOLS[key]}
      </span>{" "}
      <strong>{assessment.label}</strong>
      {period ? <span className="muted"> ({period})</span> : null}
      {measure?.cityOnly ? <span className="muted"> {t("goals.cityOnly")}</span> : null}
      {measure?.confidential ? <span className="confidential-mark"> {t("goals.confidential")}</span> : null}
      <span className="goal-text">{assessment.text}</span>
    </td>
  );
}
