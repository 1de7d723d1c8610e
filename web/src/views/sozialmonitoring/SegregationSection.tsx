import { useQuery } from "@tanstack/react-query";
import type { SegregationComparison } from "../../api/types.ts";
import { TrendChart } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { formatDecimal, formatIndexPoints } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { seriesColour, seriesDash } from "../../palette.ts";
import { readingAid } from "../../readingAid.ts";
import { Select } from "../shared/Select.tsx";
import { IndexValue } from "./IndexValue.tsx";
import {
  citySeries,
  measureCell,
  measureCsvCell,
  measureKeys,
  measureName,
  type SegregationPoint,
  segregationSymbols,
  segregationTrend,
  shownMeasure,
} from "./model.ts";
import { segregationSeriesQuery } from "./queries.ts";
import { withheldNotes } from "./suppression.ts";

/** One comparison's segregation measures in the city over the years: chart, table and measure switch. */
export function SegregationSection({
  comparison,
  measure,
  onMeasure,
}: {
  comparison: SegregationComparison;
  measure: string;
  onMeasure: (key: string) => void;
}) {
  const series = useQuery(segregationSeriesQuery(comparison.id));
  const pending = pendingState(series);
  if (pending) return pending;
  const points = citySeries(series.data?.series ?? []);
  if (points.length === 0) return <Empty>{t("sozial.noSegregation")}</Empty>;
  const keys = measureKeys(points);
  const shown = shownMeasure(keys, measure);
  const data = segregationTrend(points, shown);
  const sentence = readingAid({
    points: data.map((d) => ({ year: d.year, value: d[shown] ?? null })),
    group: measureName(shown),
    format: (v) => `${formatDecimal(v)} ${t("unit.indexPoints")}`,
  });
  // Analysts see a withheld value marked confidential.
  const columns: Column<SegregationPoint>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (p) => p.year, csv: (p) => p.year },
    ...keys.map<Column<SegregationPoint>>((key) => ({
      id: key,
      header: measureName(key),
      numeric: true,
      cell: (p) => <IndexValue cell={measureCell(p, key)} format={formatIndexPoints} />,
      csv: (p, flavour) => measureCsvCell(measureCell(p, key), flavour),
    })),
  ];
  const { withheld, kinds } = segregationSymbols(points, keys);
  const title = t("sozial.segregationTitle", { measure: measureName(shown), comparison: comparison.label });
  return (
    <>
      <div className="toolbar">
        <Select
          label={t("sozial.measure")}
          value={shown}
          onChange={onMeasure}
          options={keys.map((k) => ({ value: k, label: measureName(k) }))}
        />
      </div>
      <ChartFrame
        title={title}
        description={
          <>
            <p>{sentence}</p>
            <p className="muted">
              {t("sozial.reference", { reference: comparison.reference })} {t("sozial.indexPointsHint")}
            </p>
          </>
        }
        table={{ columns, rows: points, rowKey: (p) => String(p.year) }}
        symbols={kinds}
        confidential={points.some((p) => p.confidential === true)}
        // One note per measure and reason, naming the years (0: never "alle Stadtteile").
        footnotes={withheldNotes(withheld, 0)}
        fileName={`segregation-${comparison.id}`}
        exportLegend={[{ label: measureName(shown), colour: seriesColour(0) }]}
        exportNotes={[t("sozial.indexPointsHint")]}
      >
        <TrendChart
          data={data}
          series={[
            { key: shown, label: measureName(shown), colour: seriesColour(0), dash: seriesDash(0), strong: true },
          ]}
          formatAxis={(v) => formatDecimal(v, 0)}
          formatValue={(v) => `${formatDecimal(v)} ${t("unit.indexPoints")}`}
          yLabel={t("unit.indexPoints")}
          height={360}
        />
      </ChartFrame>
    </>
  );
}
