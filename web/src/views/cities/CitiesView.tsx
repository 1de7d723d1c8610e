import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { DataTable, TableScroll } from "../../components/DataTable.tsx";
import { pendingState } from "../../components/QueryState.tsx";
import { displayValue, formatPoints } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import {
  type ComparabilityLevel,
  type CrossCityIndicator,
  type CrossCityList,
  crossCityIndicatorQuery,
  crossCityListQuery,
} from "./queries.ts";

const LEVEL_TEXT: Record<ComparabilityLevel, "cities.level.comparable" | "cities.level.limited" | "cities.level.not"> =
  {
    vergleichbar: "cities.level.comparable",
    eingeschraenkt: "cities.level.limited",
    nicht_vergleichbar: "cities.level.not",
  };

type Status = Parameters<typeof displayValue>[1];

/**
 * The cities of one instance side by side on the indicators they both compute: how comparable each is and why,
 * both definitions one click away, the group gap in each city, the districts of all in one ranking where that
 * is meaningful, and which indicators each city can break down by sex.
 */
export default function CitiesView() {
  const list = useQuery(crossCityListQuery());
  const [state, setState] = useUrlState({ indicator: "" });
  const chosen = state.indicator || list.data?.indicators[0]?.id || "";
  const compared = useQuery({ ...crossCityIndicatorQuery(chosen), enabled: chosen !== "" });
  const selectId = useId();
  useDocumentTitle(t("cities.title"));

  return (
    <>
      <h1>{t("cities.title")}</h1>
      <p className="lead">{t("cities.intro")}</p>
      {pendingState(list) ??
        (list.data && list.data.indicators.length > 0 ? (
          <>
            <div className="toolbar">
              <div className="field">
                <label htmlFor={selectId}>{t("cities.indicator")}</label>
                <select id={selectId} value={chosen} onChange={(event) => setState({ indicator: event.target.value })}>
                  {list.data.indicators.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.cities[0]?.title ?? i.id} – {t(LEVEL_TEXT[i.comparability.level])}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {pendingState(compared) ?? (compared.data ? <Comparison data={compared.data} /> : null)}
            <IndicatorList data={list.data} />
            <GenderCoverage data={list.data} />
          </>
        ) : (
          <p>{t("cities.none")}</p>
        ))}
    </>
  );
}

function Comparison({ data }: { data: CrossCityIndicator }) {
  const level = t(LEVEL_TEXT[data.comparability.level]);
  return (
    <section className="panel" aria-labelledby="cities-compared">
      <h2 id="cities-compared">{data.cities[0]?.title}</h2>
      <p className={`comparability comparability-${data.comparability.level}`}>
        <strong>{level}.</strong> {data.comparability.note}
      </p>
      <p className="muted">
        {data.year === null ? t("cities.noCommonYear") : t("cities.commonYear", { year: data.year })}
      </p>
      <div className="card-grid cities-side-by-side">
        {data.cities.map((city) => (
          <article key={city.slug} className="card">
            <h3>{city.name}</h3>
            {city.published ? (
              <>
                <p className="big-number">
                  {displayValue(city.value, city.status as Status, city.unit)}
                  {city.year !== null ? <span className="muted"> ({city.year})</span> : null}
                </p>
                {city.gap ? (
                  <p>
                    {city.gap.groups
                      .map(
                        (g) =>
                          `${g.label}: ${displayValue(g.value, g.value === null ? "suppressed" : "ok", city.unit)}`,
                      )
                      .join(" · ")}
                    {city.gap.gap !== null ? (
                      <> · {t("cities.gap", { gap: formatPoints(city.gap.gap, city.unit, { signed: true }) })}</>
                    ) : null}
                  </p>
                ) : (
                  <p className="muted">{t("cities.noGap")}</p>
                )}
              </>
            ) : (
              <p className="muted">{t("cities.unpublished")}</p>
            )}
            <details>
              <summary>{t("cities.definition", { city: city.name })}</summary>
              <p>{city.definition}</p>
            </details>
          </article>
        ))}
      </div>
      {data.ranking ? (
        <DataTable
          caption={t("cities.rankingCaption", { year: data.year ?? "" })}
          rows={data.ranking.map((r, i) => ({ ...r, rank: i + 1 }))}
          rowKey={(r) => `${r.city}-${r.code}`}
          columns={[
            { id: "rank", header: t("cities.rank"), cell: (r) => r.rank, numeric: true },
            { id: "area", header: t("cities.area"), cell: (r) => r.name, rowHeader: true },
            { id: "city", header: t("cities.city"), cell: (r) => data.cities.find((c) => c.slug === r.city)?.name },
            {
              id: "value",
              header: t("cities.value"),
              cell: (r) => displayValue(r.value, "ok", data.cities[0]?.unit),
              numeric: true,
            },
          ]}
        />
      ) : (
        <p className="muted">{t("cities.noRanking")}</p>
      )}
    </section>
  );
}

function IndicatorList({ data }: { data: CrossCityList }) {
  return (
    <DataTable
      caption={t("cities.listCaption")}
      rows={data.indicators}
      rowKey={(i) => i.id}
      columns={[
        { id: "title", header: t("cities.indicator"), cell: (i) => i.cities[0]?.title ?? i.id, rowHeader: true },
        {
          id: "level",
          header: t("cities.comparability"),
          cell: (i) => (
            <>
              <strong>{t(LEVEL_TEXT[i.comparability.level])}</strong>
              {i.comparability.level === "vergleichbar" ? null : <>: {i.comparability.note}</>}
            </>
          ),
        },
      ]}
    />
  );
}

/** Per Handlungsfeld and city: how many indicators have a breakdown by sex, and why the others have none. */
function GenderCoverage({ data }: { data: CrossCityList }) {
  const fields = [...new Map(data.genderCoverage.flatMap((c) => c.fields).map((f) => [f.field, f.title])).entries()];
  return (
    <section className="panel" aria-labelledby="cities-gender">
      <h2 id="cities-gender">{t("cities.genderTitle")}</h2>
      <p>{t("cities.genderIntro")}</p>
      <TableScroll caption={t("cities.genderTitle")}>
        <table className="data-table">
          <caption>{t("cities.genderCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("cities.field")}</th>
              {data.genderCoverage.map((c) => (
                <th key={c.city} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map(([id, title]) => (
              <tr key={id}>
                <th scope="row">{title}</th>
                {data.genderCoverage.map((c) => {
                  const field = c.fields.find((f) => f.field === id);
                  if (!field || field.indicators.length === 0) return <td key={c.city}>–</td>;
                  const without = field.indicators.filter((i) => !i.bySex);
                  return (
                    <td key={c.city}>
                      {t("cities.genderCount", {
                        count: field.indicators.length - without.length,
                        total: field.indicators.length,
                      })}
                      {without.length > 0 ? (
                        <ul className="plain-list">
                          {without.map((i) => (
                            <li key={i.id}>
                              {i.title}: {i.reason}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
