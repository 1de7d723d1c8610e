import type { GoalsResponse } from "../../api/types.ts";
import { TableScroll } from "../../components/DataTable.tsx";
import { t } from "../../i18n/index.ts";
import { AssessmentCell, aimText } from "../goals/assessment.tsx";

export const GOALS_ANCHOR = "bericht-ziele";

/** The chapter „Zielerreichung“: one summary table of every goal's indicators, short and long term, in the area. */
export function ReportGoals({ goals, number, place }: { goals: GoalsResponse; number: number; place: string }) {
  return (
    <section className="report-field" aria-labelledby={GOALS_ANCHOR}>
      <h2 id={GOALS_ANCHOR} className="report-field-title">
        <span className="report-number">{number}</span> {t("report.goalsTitle")}
      </h2>
      {goals.goals.some((g) => g.example) ? <p className="goal-notice">{t("goals.examples")}</p> : null}
      <TableScroll caption={t("report.goalsCaption", { area: place })}>
        <table className="data-table goal-table">
          <caption>{t("report.goalsCaption", { area: place })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.goalsGoal")}</th>
              <th scope="col">{t("goals.indicator")}</th>
              <th scope="col">{t("goals.aim")}</th>
              <th scope="col">{t("report.goalsShort")}</th>
              <th scope="col">{t("report.goalsLong")}</th>
            </tr>
          </thead>
          <tbody>
            {goals.goals.flatMap((goal) =>
              goal.measures.map((measure, m) => (
                <tr key={`${goal.id}-${measure.indicator}-${measure.direction}`}>
                  {m === 0 ? (
                    <th scope="rowgroup" rowSpan={goal.measures.length}>
                      {goal.title}
                    </th>
                  ) : null}
                  <td>{measure.title}</td>
                  <td>{aimText(measure)}</td>
                  <AssessmentCell assessment={measure.short} measure={measure} />
                  <AssessmentCell assessment={measure.long} measure={measure} />
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableScroll>
      <p className="report-note">{goals.method}</p>
    </section>
  );
}
