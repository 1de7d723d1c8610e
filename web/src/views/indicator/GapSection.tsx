import type { GapRow, IndicatorMeta } from "../../api/types.ts";
import { TrendChart, type TrendDatum } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { ValueText } from "../../components/StatusSymbol.tsx";
import { formatDecimal, formatPoints, SYMBOLS, shownDifference } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { TOTAL_COLOUR } from "../../palette.ts";
import { gapReading } from "../../readingAid.ts";
import { TrendBadge } from "../shared/trend.tsx";

/** The gap between the comparison pair over the years: chart and table. */
export function GapSection({ meta, rows }: { meta: IndicatorMeta; rows: GapRow[] }) {
  const groups = meta.comparison?.groups ?? [];
  // The gap shown is the difference of the two values shown, so the reader can recompute it.
  const shownGap = (row: GapRow) =>
    row.gap === null ? null : (shownDifference(row.groups[groups[0]?.id], row.groups[groups[1]?.id]) ?? row.gap);
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const data: TrendDatum[] = sorted.map((row) => ({ year: row.year, gap: shownGap(row) }));
  const columns: Column<GapRow>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (row) => row.year, csv: (row) => row.year },
    ...groups.map<Column<GapRow>>((group) => ({
      id: group.id,
      header: group.label,
      numeric: true,
      cell: (row) => {
        const value = row.groups[group.id] ?? null;
        return <ValueText value={value} status={value === null ? "missing" : "ok"} unit={meta.unit} />;
      },
      csv: (row) => row.groups[group.id] ?? null,
    })),
    {
      id: "gap",
      header: t("table.gap"),
      numeric: true,
      cell: (row) => {
        const gap = shownGap(row);
        return gap === null ? SYMBOLS.missing : formatPoints(gap, meta.unit);
      },
      csv: (row) => row.gap,
    },
    {
      id: "ratio",
      header: t("table.ratio"),
      numeric: true,
      cell: (row) => (row.ratio === null ? SYMBOLS.missing : formatDecimal(row.ratio, 2)),
      csv: (row) => row.ratio,
    },
    {
      id: "change",
      header: t("table.gapChange"),
      numeric: true,
      cell: (row) =>
        row.gapChangeVsPrevious === null ? "" : formatPoints(row.gapChangeVsPrevious, meta.unit, { signed: true }),
      csv: (row) => row.gapChangeVsPrevious,
    },
    {
      id: "trend",
      header: t("table.gapTrend"),
      cell: (row) => <TrendBadge trend={row.trend} />,
      csv: (row, flavour) => (flavour === "de" && row.trend ? t(`trend.${row.trend}`) : row.trend),
    },
  ];
  const unitPoints = t(meta.unit === "%" ? "unit.percentPoints" : "unit.permillePoints");
  return (
    <ChartFrame
      title={t("indicator.gapTitle", { a: groups[0]?.label ?? "", b: groups[1]?.label ?? "" })}
      description={
        <>
          <p>
            {gapReading({ unit: meta.unit, points: data.map((d) => ({ year: d.year, value: d.gap })) }) ??
              t("reading.none")}
          </p>
          <p className="muted">
            {t("indicator.gapDefinition", { a: groups[0]?.label ?? "", b: groups[1]?.label ?? "" })}
          </p>
        </>
      }
      table={{ columns, rows: sorted, rowKey: (row) => String(row.year) }}
      exportLegend={[{ label: t("table.gap"), colour: TOTAL_COLOUR }]}
      exportNotes={[t("export.source", { source: meta.source })]}
    >
      <TrendChart
        data={data}
        series={[{ key: "gap", label: t("table.gap"), colour: TOTAL_COLOUR, strong: true }]}
        formatAxis={(v) => formatDecimal(v, 0)}
        formatValue={(v) => formatPoints(v, meta.unit)}
        yLabel={unitPoints}
        height={300}
      />
    </ChartFrame>
  );
}
