import type { IndicatorDetailResponse } from "../../api/types.ts";
import { TrendChart } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { RowValue } from "../../components/StatusSymbol.tsx";
import { displayValue, explainSymbol, formatDecimal, formatValue, symbolKind } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { IndicatorXlsxLink } from "../report/ExportLinks.tsx";
import { anyConfidential, kindsOf } from "../shared/notes.ts";
import { type IndicatorSeries, valueCsvColumns, type YearRow } from "./model.ts";
import { type ValuesParams, valuesCsvUrl } from "./queries.ts";

/** The indicator's lines in an area: chart, reading aid, table and downloads. */
export function IndicatorChart({
  detail,
  model,
  place,
  sentences,
  footnotes,
  params,
}: {
  detail: IndicatorDetailResponse;
  model: IndicatorSeries;
  /** The area's readable name. */
  place: string;
  sentences: string[];
  footnotes: string[];
  params: Required<Pick<ValuesParams, "id" | "area" | "breakdown">>;
}) {
  const meta = detail.indicator;
  const { rows, series, byYear, data } = model;
  const columns: Column<YearRow>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (row) => row.year },
    ...series.map<Column<YearRow>>((s) => ({
      id: s.key,
      header: s.label,
      numeric: true,
      cell: (row) => <RowValue row={row.cells[s.key]} unit={meta.unit} detail />,
    })),
  ];
  return (
    <ChartFrame
      title={t("indicator.chartTitle", { title: meta.title, area: place })}
      description={
        <>
          <p className="reading-aid-label">{t("indicator.readingAid")}</p>
          {sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </>
      }
      table={{ columns, rows: byYear, rowKey: (row) => String(row.year) }}
      csv={{ columns: valueCsvColumns(detail.breakdowns), rows }}
      fileName={`${params.id}-${params.area.replace(":", "-")}-${params.breakdown}`}
      footnotes={footnotes}
      symbols={kindsOf(rows)}
      confidential={anyConfidential(rows)}
      exportLegend={series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, marker: s.marker }))}
      exportNotes={[t("export.source", { source: meta.source }), ...footnotes]}
      extraDownloads={
        <>
          <a href={valuesCsvUrl(params, "de")} download>
            {t("frame.apiCsvDe")}
          </a>
          <a href={valuesCsvUrl(params, "en")} download>
            {t("frame.apiCsvEn")}
          </a>
          <IndicatorXlsxLink params={params} />
        </>
      }
    >
      <TrendChart
        data={data}
        series={series}
        formatAxis={(v) => formatDecimal(v, 0)}
        formatValue={(v) => formatValue(v, meta.unit)}
        marks={meta.seriesBreaks.map((b) => ({ year: b.year, label: t("indicator.breakMark") }))}
        yLabel={meta.unit}
        pointsOnly={model.pointsOnly}
        directLabels
        describeMissing={(key, year) => {
          // A withheld value is "." with its reason, not "no value".
          const row = byYear.find((r) => r.year === year)?.cells[key];
          const kind = row ? symbolKind(row.value, row.status, row.confidential) : null;
          return kind
            ? `${displayValue(row?.value ?? null, row?.status ?? "missing")} ${explainSymbol(kind)}`
            : t("chart.noValue");
        }}
      />
    </ChartFrame>
  );
}
