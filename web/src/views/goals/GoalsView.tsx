import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import type { GoalProgress, GoalsResponse } from "../../api/types.ts";
import { TableScroll } from "../../components/DataTable.tsx";
import { pendingState } from "../../components/QueryState.tsx";
import { downloadBlob, fileSlug } from "../../download.ts";
import { t } from "../../i18n/index.ts";
import { CITY } from "../shared/areas.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { AssessmentCell, aimText } from "./assessment.tsx";
import { goalsCsv } from "./goalsCsv.ts";
import { goalsQuery } from "./queries.ts";

function download(response: GoalsResponse) {
  const text = goalsCsv(response, "de");
  downloadBlob(new Blob([text], { type: "text/csv;charset=utf-8" }), `ziele-${fileSlug(response.areaName)}.csv`);
}

/** The goals of the Leitbild per Handlungsfeld, each indicator assessed short and long term, city and area. */
export default function GoalsView() {
  const [search] = useSearchParams();
  const area = search.get("area") ?? CITY;
  const city = useQuery(goalsQuery(CITY));
  const local = useQuery({ ...goalsQuery(area), enabled: area !== CITY });
  useDocumentTitle(t("goals.title"));
  const pending = area === CITY ? pendingState(city) : pendingState(city, local);

  return (
    <>
      <h1>{t("goals.title")}</h1>
      <p className="lead">{t("goals.intro")}</p>
      {pending ?? (city.data ? <GoalList city={city.data.goals} local={area === CITY ? null : local.data} /> : null)}
      {city.data && city.data.goals.length > 0 ? (
        <p className="toolbar">
          <button type="button" onClick={() => download(area === CITY ? city.data : (local.data ?? city.data))}>
            {t("goals.download")}
          </button>
        </p>
      ) : null}
      {city.data ? (
        <section aria-labelledby="goals-method">
          <h2 id="goals-method">{t("goals.method")}</h2>
          <p>{city.data.method}</p>
          <p className="muted">{t("goals.legend")}</p>
        </section>
      ) : null}
    </>
  );
}

function GoalList({
  city,
  local,
}: {
  city: GoalProgress[];
  local: { areaName: string; goals: GoalProgress[] } | null | undefined;
}) {
  if (city.length === 0) return <p className="state state-empty">{t("goals.none")}</p>;
  const fields = [...new Map(city.map((g) => [g.field, g.fieldTitle])).entries()];
  return (
    <>
      {city.some((g) => g.example) ? <p className="goal-notice">{t("goals.examples")}</p> : null}
      {fields.map(([field, title]) => (
        <section key={field} aria-labelledby={`goals-field-${field}`}>
          <h2 id={`goals-field-${field}`}>{title}</h2>
          {city
            .filter((g) => g.field === field)
            .map((goal) => (
              <GoalTable
                key={goal.id}
                goal={goal}
                local={local ? (local.goals.find((g) => g.id === goal.id) ?? null) : null}
                areaName={local?.areaName ?? null}
              />
            ))}
        </section>
      ))}
    </>
  );
}

function GoalTable({
  goal,
  local,
  areaName,
}: {
  goal: GoalProgress;
  local: GoalProgress | null;
  areaName: string | null;
}) {
  return (
    <article className="goal" id={`ziel-${goal.id}`}>
      <h3>
        {goal.title}
        {goal.example ? <span className="goal-example">{t("goals.example")}</span> : null}
      </h3>
      {goal.description ? <p>{goal.description}</p> : null}
      <TableScroll caption={t("goals.tableCaption", { goal: goal.title })}>
        <table className="data-table goal-table">
          <caption className="sr-only">{t("goals.tableCaption", { goal: goal.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("goals.indicator")}</th>
              <th scope="col">{t("goals.aim")}</th>
              <th scope="col">{t("goals.cityShort")}</th>
              <th scope="col">{t("goals.cityLong")}</th>
              {areaName ? <th scope="col">{t("goals.areaShort", { area: areaName })}</th> : null}
              {areaName ? <th scope="col">{t("goals.areaLong", { area: areaName })}</th> : null}
            </tr>
          </thead>
          <tbody>
            {goal.measures.map((measure, m) => {
              const there = local?.measures[m] ?? null;
              return (
                <tr key={`${measure.indicator}-${measure.direction}`}>
                  <th scope="row">
                    <Link to={`/indikatoren/${measure.indicator}`}>{measure.title}</Link>
                  </th>
                  <td>{aimText(measure)}</td>
                  <AssessmentCell assessment={measure.short} measure={measure} />
                  <AssessmentCell assessment={measure.long} measure={measure} />
                  {areaName ? <AssessmentCell assessment={there?.short ?? null} measure={there} /> : null}
                  {areaName ? <AssessmentCell assessment={there?.long ?? null} measure={there} /> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </article>
  );
}
