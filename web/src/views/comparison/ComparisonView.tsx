import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { shownValue } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { catalogueQuery, indicatorQuery, TOTAL, valuesQuery } from "../indicator/queries.ts";
import { CITY } from "../shared/areas.tsx";
import { statusNotes } from "../shared/notes.ts";
import { districtsQuery } from "../shared/queries.ts";
import { Select } from "../shared/Select.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { MultiplesSection } from "./MultiplesSection.tsx";
import { multiples, ranking, selectedRows, stadtteilRows } from "./model.ts";
import { RankMapSection, RankSection } from "./RankSection.tsx";

export default function ComparisonView() {
  const [state, setState] = useUrlState({ indicator: "", year: "", group: TOTAL, stadtteil: "" });
  // A bar selects a Stadtteil for comparison; a map shape opens its profile.
  const navigate = useNavigate();
  const catalogue = useQuery(catalogueQuery());
  const districts = useQuery(districtsQuery());
  const id = state.indicator || catalogue.data?.indicators[0]?.id || "";
  const detail = useQuery({ ...indicatorQuery(id), enabled: id !== "" });
  const meta = detail.data?.indicator;
  const breakdown = state.group === TOTAL ? TOTAL : (meta?.comparison?.id ?? TOTAL);
  // Without `area` the server answers for every area; the city line comes from the same cached query as the Indikator view.
  const all = useQuery({ ...valuesQuery({ id, breakdown }), enabled: Boolean(meta) });
  const city = useQuery({ ...valuesQuery({ id, area: CITY, breakdown }), enabled: Boolean(meta) });
  useDocumentTitle(meta ? `${t("comparison.title")}: ${meta.shortTitle}` : t("comparison.title"));

  const years = detail.data?.years ?? [];
  const year = Number(state.year) || years[years.length - 1] || 0;
  const selected = Number(state.stadtteil) || null;

  const controls = (
    <div className="toolbar">
      {catalogue.data ? (
        <Select
          label={t("indicator.pick")}
          value={id}
          onChange={(value) => setState({ indicator: value, year: null, group: null })}
          options={catalogue.data.indicators.map((indicator) => ({ value: indicator.id, label: indicator.title }))}
        />
      ) : null}
      {years.length ? (
        <Select
          label={t("comparison.year")}
          value={String(year)}
          onChange={(value) => setState({ year: value })}
          options={[...years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
        />
      ) : null}
      {meta?.comparison ? (
        <Select
          label={t("comparison.group")}
          value={state.group}
          onChange={(value) => setState({ group: value })}
          options={[
            { value: TOTAL, label: t("series.total") },
            ...meta.comparison.groups.map((group) => ({ value: group.id, label: group.label })),
          ]}
        />
      ) : null}
    </div>
  );

  const pending = pendingState(catalogue) ?? (id ? pendingState(detail, districts, all, city) : null);
  let body = pending;
  if (!body && meta && districts.data && all.data) {
    const rows = stadtteilRows(selectedRows(all.data.rows, breakdown, state.group));
    const cityRows = selectedRows(city.data?.rows ?? [], breakdown, state.group);
    const cityRow = cityRows.find((row) => row.year === year);
    const cityValue = cityRow ? shownValue(cityRow) : null;
    const groupText =
      state.group === TOTAL
        ? ""
        : ` (${meta.comparison?.groups.find((g) => g.id === state.group)?.label ?? state.group})`;

    if (rows.length === 0) {
      body = <Empty>{t("comparison.noStadtteile")}</Empty>;
    } else {
      const rank = ranking(districts.data.districts, rows, year, cityValue, meta.unit);
      const notes = [...all.data.footnotes, ...statusNotes(rank.yearRows, (row) => row.areaName)];
      const shared = { id, meta, ranking: rank, year, cityValue, selected, groupText };
      body = (
        <>
          <RankSection {...shared} notes={notes} onSelect={(nr) => setState({ stadtteil: String(nr) })} />
          {selected ? (
            <p className="selection">
              {t("comparison.selected", {
                name: districts.data.districts.find((d) => d.number === selected)?.name ?? String(selected),
              })}{" "}
              <Link to={`/stadtteile/${selected}`}>{t("comparison.openProfile")}</Link>
            </p>
          ) : null}
          <RankMapSection {...shared} onSelect={(nr) => navigate(`/stadtteile/${nr}`)} />
          <MultiplesSection
            id={id}
            meta={meta}
            rows={rows}
            multiples={multiples(districts.data.districts, rows, cityRows)}
            selected={selected}
            groupText={groupText}
          />
        </>
      );
    }
  }

  return (
    <>
      <h1>{t("comparison.title")}</h1>
      <p className="lead">{t("comparison.intro")}</p>
      {controls}
      {body}
    </>
  );
}
