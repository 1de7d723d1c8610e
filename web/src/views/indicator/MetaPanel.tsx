import { useId } from "react";
import type { IndicatorMeta } from "../../api/types.ts";
import { t } from "../../i18n/index.ts";
import { SeriesBreakList } from "../shared/SeriesBreakList.tsx";

/** Definition, source, notes and series breaks beside the chart. */
export function MetaPanel({ meta }: { meta: IndicatorMeta }) {
  const headingId = useId();
  return (
    <aside className="meta-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("indicator.about")}</h2>
      <dl>
        <dt>{t("indicator.definition")}</dt>
        <dd>{meta.definition}</dd>
        <dt>{t("indicator.numerator")}</dt>
        <dd>{meta.numeratorLabel}</dd>
        <dt>{t("indicator.denominator")}</dt>
        <dd>{meta.denominatorLabel}</dd>
        <dt>{t("indicator.source")}</dt>
        <dd>{meta.source}</dd>
        {meta.migrationDefinition ? (
          <>
            <dt>{t("indicator.migrationDefinition")}</dt>
            <dd>{meta.migrationDefinition}</dd>
          </>
        ) : null}
        {meta.notes.length > 0 ? (
          <>
            <dt>{t("indicator.notes")}</dt>
            <dd>
              <ul>
                {meta.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {meta.seriesBreaks.length > 0 ? (
          <>
            <dt>{t("indicator.seriesBreaks")}</dt>
            <dd>
              <SeriesBreakList breaks={meta.seriesBreaks} />
            </dd>
          </>
        ) : null}
      </dl>
    </aside>
  );
}
