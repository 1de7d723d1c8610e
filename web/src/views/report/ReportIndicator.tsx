import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import type { ValuesResponse } from "../../api/types.ts";
import { TrendChart, type TrendSeries } from "../../charts/TrendChart.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { ErrorMessage } from "../../components/QueryState.tsx";
import { RowValue, StatusSymbol } from "../../components/StatusSymbol.tsx";
import { formatDecimal, formatSigned, formatValue } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { seriesColour, seriesDash, seriesMarker, TOTAL_COLOUR } from "../../palette.ts";
import { TOTAL } from "../indicator/queries.ts";
import { SeriesBreakList } from "../shared/SeriesBreakList.tsx";
import { TrendBadge } from "../shared/trend.tsx";
import { buildIndicatorReport, type PlannedIndicator } from "./model.ts";

/** Fixed chart size, the same drawing on screen and on paper: A4 minus margins is about 650 px; the reading aid
 * takes the rest of the line. */
export const CHART_WIDTH = 390;
export const CHART_HEIGHT = 180;
/** With the comparison groups the legend takes two lines; the plot keeps its height. */
export const CHART_HEIGHT_GROUPS = 250;

export function indicatorAnchor(id: string): string {
  return `bericht-${id}`;
}

interface TableRow {
  key: string;
  label: string;
  cell: (year: number) => ReactNode;
}

interface Props {
  /** Section number, e.g. `2.3`. */
  number: string;
  item: PlannedIndicator;
  result: UseQueryResult<ValuesResponse>;
  year: number;
  place: string;
}

/** One indicator in the report: chart, reading aid, table of the last years, notes, definition and source. */
export function ReportIndicator({ number, item, result, year, place }: Props) {
  const { meta } = item;
  const report = useMemo(() => buildIndicatorReport(item, result.data, year), [item, result.data, year]);
  const headingId = indicatorAnchor(meta.id);
  const groups = meta.comparison?.groups ?? [];
  const points = t(meta.unit === "%" ? "unit.percentPoints" : "unit.permillePoints");
  const first = report.years[0];
  const tableFirst = report.tableYears[0];
  const last = report.years[report.years.length - 1];

  const chartSeries: TrendSeries[] = report.series.map((s, index) =>
    s.key === TOTAL
      ? { key: s.key, label: s.label, colour: TOTAL_COLOUR, strong: true }
      : {
          key: s.key,
          label: s.label,
          colour: seriesColour(index - 1),
          dash: seriesDash(index),
          marker: seriesMarker(index),
        },
  );

  // A chart without a single published value would be an empty frame; the table and notes say why.
  const hasValues = report.chart.some((datum) => report.series.some((s) => datum[s.key] !== null));

  // Years run across, as in printed statistical tables: one row per series, then the gap and its trend.
  const gapByYear = new Map(report.gaps.map((gap) => [gap.year, gap]));
  const rows: TableRow[] = [
    ...report.series.map<TableRow>((s) => ({
      key: s.key,
      label: s.label,
      cell: (y) => <RowValue row={report.cell(s.key, y)} unit={meta.unit} detail />,
    })),
    ...(report.gaps.length
      ? [
          {
            key: "gap",
            label: t("report.gapColumn", { points }),
            cell: (y: number) => {
              const gap = gapByYear.get(y);
              if (gap?.gap != null) return formatSigned(gap.gap);
              return <StatusSymbol kind={gap?.gapKind ?? "missing"} />;
            },
          },
          {
            key: "trend",
            label: t("table.gapTrend"),
            cell: (y: number) => <TrendBadge trend={gapByYear.get(y)?.trend ?? null} />,
          },
        ]
      : []),
  ];
  const columns: Column<TableRow>[] = [
    { id: "series", header: t("report.unit", { unit: meta.unit }), rowHeader: true, cell: (row) => row.label },
    ...report.tableYears.map<Column<TableRow>>((y) => ({
      id: String(y),
      header: String(y),
      numeric: true,
      cell: (row) => row.cell(y),
    })),
  ];

  // A break in the first year shown has nothing before it on the chart (it is still listed below).
  const marks = meta.seriesBreaks
    .filter((b) => first !== undefined && b.year > first && b.year <= year)
    .map((b) => ({ year: b.year, label: t("indicator.breakMark") }));

  return (
    <article className="report-indicator" aria-labelledby={headingId}>
      <h3 id={headingId} className="report-indicator-title">
        <span className="report-number">{number}</span> {meta.title}
      </h3>
      {result.isError ? (
        <ErrorMessage
          error={new Error(t("report.valuesFailed", { message: result.error.message }))}
          onRetry={() => void result.refetch()}
        />
      ) : null}
      {report.confidential ? <p className="confidential-banner">{t("confidential.banner")}</p> : null}
      {report.years.length > 0 ? (
        <>
          <div className="report-indicator-top">
            {hasValues ? (
              <figure
                className="report-chart"
                aria-label={t("report.chartLabel", { title: meta.title, area: place, from: first, to: last })}
              >
                <div style={{ width: CHART_WIDTH }}>
                  <TrendChart
                    data={report.chart}
                    series={chartSeries}
                    formatAxis={(v) => formatDecimal(v, 0)}
                    formatValue={(v) => formatValue(v, meta.unit)}
                    marks={marks}
                    yLabel={meta.unit}
                    height={chartSeries.length > 1 ? CHART_HEIGHT_GROUPS : CHART_HEIGHT}
                    pointsOnly={Boolean(meta.surveyYearsOnly)}
                  />
                </div>
              </figure>
            ) : null}
            <div className="report-reading">
              <p className="reading-aid-label">{t("indicator.readingAid")}</p>
              {report.sentences.map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
            </div>
          </div>
          <DataTable
            caption={t("report.tableCaption", { title: meta.shortTitle, area: place, from: tableFirst, to: last })}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.key}
          />
          {groups.length >= 2 ? (
            <p className="report-note">{t("indicator.gapDefinition", { a: groups[0].label, b: groups[1].label })}</p>
          ) : null}
          {report.footnotes.length > 0 ? (
            <ul className="report-footnotes" aria-label={t("frame.footnotes")}>
              {report.footnotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="report-note">{t("reading.none")}</p>
      )}
      <dl className="report-facts">
        <div>
          <dt>{t("indicator.definition")}</dt>
          <dd>{meta.definition}</dd>
        </div>
        <div>
          <dt>{t("indicator.source")}</dt>
          <dd>{meta.source}</dd>
        </div>
        {meta.migrationDefinition ? (
          <div>
            <dt>{t("indicator.migrationDefinition")}</dt>
            <dd>{meta.migrationDefinition}</dd>
          </div>
        ) : null}
        {meta.seriesBreaks.length > 0 ? (
          <div>
            <dt>{t("indicator.seriesBreaks")}</dt>
            <dd>
              <SeriesBreakList breaks={meta.seriesBreaks} />
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
