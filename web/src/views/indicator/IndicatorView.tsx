import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { GoalPathSection } from "../goals/GoalPathSection.tsx";
import { IndicatorProvenance } from "../releases/IndicatorProvenance.tsx";
import { areaLabel, CITY, stadtteilNumber } from "../shared/areas.tsx";
import { districtsQuery } from "../shared/queries.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { GapSection } from "./GapSection.tsx";
import { IndicatorChart } from "./IndicatorChart.tsx";
import { BreakdownSelect, IndicatorPicker } from "./IndicatorControls.tsx";
import { IndicatorMapSection } from "./IndicatorMapSection.tsx";
import { MetaPanel } from "./MetaPanel.tsx";
import { indicatorFootnotes, indicatorSentences, indicatorSeries } from "./model.ts";
import { gapsQuery, indicatorQuery, TOTAL, valuesQuery } from "./queries.ts";

export default function IndicatorView() {
  const { id = "" } = useParams();
  const [state, setState] = useUrlState({ area: CITY, breakdown: "", year: "" });
  const detail = useQuery(indicatorQuery(id));
  const districts = useQuery(districtsQuery());
  const meta = detail.data?.indicator;
  const breakdown = state.breakdown || meta?.comparison?.id || TOTAL;
  // An indicator without values for the chosen area (e.g. one that exists only for the city) shows the city and
  // says so; the chosen area stays in the URL for the next indicator.
  const available = detail.data?.areas ?? [];
  const elsewhere = state.area !== CITY && available.length > 0 && !available.includes(state.area);
  const area = elsewhere ? CITY : state.area;
  // For the city the total does not depend on the metadata: start it at once so the first line is drawn early.
  const total = useQuery({
    ...valuesQuery({ id, area, breakdown: TOTAL }),
    enabled: state.area === CITY || Boolean(detail.data),
  });
  const groups = useQuery({
    ...valuesQuery({ id, area, breakdown }),
    enabled: Boolean(meta) && breakdown !== TOTAL,
  });
  const gaps = useQuery({ ...gapsQuery(id, area), enabled: Boolean(meta?.comparison) });
  const chosen = areaLabel(state.area, districts.data);
  const place = areaLabel(area, districts.data);
  useDocumentTitle(meta ? `${meta.shortTitle}: ${place}` : t("nav.indicators"));

  const pending = pendingState(detail) ?? pendingState(total) ?? (breakdown !== TOTAL ? pendingState(groups) : null);

  let body = pending;
  if (!body && detail.data && meta) {
    const model = indicatorSeries(detail.data, breakdown, total.data, groups.data);
    const sentences = indicatorSentences(meta, model, breakdown === meta.comparison?.id ? gaps.data?.rows : undefined);
    const footnotes = indicatorFootnotes(model, total.data, groups.data);

    body = (
      <div className="indicator-layout">
        <div className="indicator-main">
          {elsewhere ? (
            <p className="notice-city" role="note">
              {available.length === 1
                ? t("indicator.cityOnly", { area: chosen })
                : t("indicator.notForAreaCity", { area: chosen })}
            </p>
          ) : null}
          {model.rows.length === 0 ? (
            <Empty>{t("indicator.notForArea", { area: place })}</Empty>
          ) : (
            <IndicatorChart
              detail={detail.data}
              model={model}
              place={place}
              sentences={sentences}
              footnotes={footnotes}
              params={{ id, area, breakdown }}
            />
          )}
          {districts.data && available.some((a) => stadtteilNumber(a) !== null) ? (
            <IndicatorMapSection
              id={id}
              meta={meta}
              districts={districts.data.districts}
              area={area}
              year={Number(state.year) || 0}
              onYear={(y) => setState({ year: String(y) })}
              onArea={(next) => setState({ area: next })}
            />
          ) : null}
          {meta.comparison && gaps.data && gaps.data.rows.length > 0 ? (
            <GapSection meta={meta} rows={gaps.data.rows} />
          ) : null}
          <GoalPathSection indicator={id} area={area} />
          <IndicatorProvenance indicator={id} unit={meta.unit} />
        </div>
        <MetaPanel meta={meta} />
      </div>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link
          to={{
            pathname: "/indikatoren",
            search: state.area === CITY ? "" : `?area=${encodeURIComponent(state.area)}`,
          }}
        >
          {t("nav.indicators")}
        </Link>
      </p>
      <h1>{meta ? meta.title : t("nav.indicators")}</h1>
      <div className="toolbar">
        <IndicatorPicker current={id} />
        {detail.data ? (
          <BreakdownSelect
            value={breakdown}
            options={detail.data.breakdowns}
            onChange={(next) => setState({ breakdown: next })}
          />
        ) : null}
      </div>
      {body}
    </>
  );
}
