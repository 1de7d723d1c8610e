import { useQuery } from "@tanstack/react-query";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { Select } from "../shared/Select.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { IndexSection } from "./IndexSection.tsx";
import { comparisonsQuery, DEFAULT_INDEX_CONFIG, segregationSeriesQuery } from "./queries.ts";
import { SegregationSection } from "./SegregationSection.tsx";

export default function SozialmonitoringView() {
  const [state, setState] = useUrlState({ comparison: "", measure: "", year: "", config: DEFAULT_INDEX_CONFIG });
  const comparisons = useQuery(comparisonsQuery());
  useDocumentTitle(t("sozial.title"));
  const list = comparisons.data?.comparisons ?? [];
  const comparison = state.comparison || list[0]?.id || "";
  const current = list.find((c) => c.id === comparison);
  const series = useQuery({ ...segregationSeriesQuery(comparison), enabled: comparison !== "" });
  const years = [...new Set((series.data?.series ?? []).map((p) => p.year))].sort((a, b) => a - b);

  return (
    <>
      <h1>{t("sozial.title")}</h1>
      <p className="lead">{t("sozial.intro")}</p>
      <h2 className="section-title">{t("sozial.segregationHeading")}</h2>
      {pendingState(comparisons) ??
        (list.length === 0 ? (
          <Empty>{t("sozial.noSegregation")}</Empty>
        ) : (
          <>
            <div className="toolbar">
              <Select
                label={t("sozial.comparison")}
                value={comparison}
                onChange={(value) => setState({ comparison: value })}
                options={list.map((c) => ({ value: c.id, label: c.label }))}
              />
            </div>
            {current ? (
              <SegregationSection
                comparison={current}
                measure={state.measure}
                onMeasure={(key) => setState({ measure: key })}
              />
            ) : (
              <Empty>{t("sozial.noSegregation")}</Empty>
            )}
          </>
        ))}
      <h2 className="section-title">{t("sozial.indexHeading")}</h2>
      <IndexSection
        year={Number(state.year) || undefined}
        onYear={(y) => setState({ year: y })}
        years={years}
        config={state.config}
        onConfig={(config) => setState({ config })}
      />
    </>
  );
}
