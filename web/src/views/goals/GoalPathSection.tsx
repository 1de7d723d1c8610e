import { useQuery } from "@tanstack/react-query";
import type { GoalMeasureProgress, GoalProgress } from "../../api/types.ts";
import { TrendChart, type TrendDatum } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { formatDecimal, SYMBOLS } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { SERIES_COLOURS, TOTAL_COLOUR } from "../../palette.ts";
import { goalsQuery } from "./queries.ts";

interface PathRow {
  year: number;
  actual: number | null;
  path: number | null;
}

/**
 * The path to a target: the series as assessed, the path the target requires (growing at the required rate from
 * the start of the long term) and the target in its year. Every goal with a target that uses this indicator.
 */
export function GoalPathSection({ indicator, area }: { indicator: string; area: string }) {
  const goals = useQuery(goalsQuery(area));
  const withTargets = (goals.data?.goals ?? []).flatMap((goal) =>
    goal.measures
      .filter((m) => m.indicator === indicator && m.target !== null && m.series.some((p) => p.value !== null))
      .map((measure) => ({ goal, measure })),
  );
  return (
    <>
      {withTargets.map(({ goal, measure }) => (
        <GoalPath key={`${goal.id}-${measure.direction}`} goal={goal} measure={measure} />
      ))}
    </>
  );
}

function pathRows(measure: GoalMeasureProgress): PathRow[] {
  const target = measure.target as { value: number; year: number };
  const long = measure.long;
  const actual = new Map(measure.series.map((p) => [p.year, p.value]));
  const first = measure.series[0]?.year ?? target.year;
  const from = long.status === "assessed" ? long.period.from : null;
  const rate = long.status === "assessed" ? long.requiredRate : null;
  const rows: PathRow[] = [];
  for (let year = first; year <= Math.max(target.year, measure.series.at(-1)?.year ?? first); year++) {
    let path: number | null = null;
    if (long.status === "assessed" && from !== null && rate !== null && year >= from && year <= target.year)
      path = long.startValue * (1 + rate) ** (year - from);
    if (year === target.year) path = target.value;
    rows.push({ year, actual: actual.get(year) ?? null, path });
  }
  return rows;
}

function GoalPath({ goal, measure }: { goal: GoalProgress; measure: GoalMeasureProgress }) {
  const rows = pathRows(measure);
  const unit = measure.direction === "close_gap" ? t("goals.points") : measure.unit;
  const format = (v: number | null) => (v === null ? SYMBOLS.missing : `${formatDecimal(v)} ${unit}`);
  const actualLabel = measure.direction === "close_gap" ? t("goals.gapSize") : t("goals.actual");
  const columns: Column<PathRow>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (r) => r.year, csv: (r) => r.year },
    { id: "actual", header: actualLabel, numeric: true, cell: (r) => format(r.actual), csv: (r) => r.actual },
    { id: "path", header: t("goals.path"), numeric: true, cell: (r) => format(r.path), csv: (r) => r.path },
  ];
  const data: TrendDatum[] = rows.map((r) => ({ year: r.year, actual: r.actual, path: r.path }));
  const target = measure.target as { value: number; year: number };
  return (
    <ChartFrame
      title={t("goals.pathTitle", { goal: goal.title })}
      description={
        <>
          <p>{measure.long.text}</p>
          <p className="muted">{t("goals.pathNote", { area: measure.areaName })}</p>
        </>
      }
      table={{ columns, rows, rowKey: (r) => String(r.year) }}
      exportLegend={[
        { label: actualLabel, colour: TOTAL_COLOUR },
        { label: t("goals.path"), colour: SERIES_COLOURS[1] },
      ]}
    >
      <TrendChart
        data={data}
        series={[
          { key: "actual", label: actualLabel, colour: TOTAL_COLOUR, strong: true },
          { key: "path", label: t("goals.path"), colour: SERIES_COLOURS[1], dash: "8 4", marker: "diamond" },
        ]}
        formatAxis={(v) => formatDecimal(v, 0)}
        formatValue={(v) => format(v)}
        marks={[{ year: target.year, label: t("goals.targetMark", { value: formatDecimal(target.value) }) }]}
        yLabel={unit}
        height={280}
      />
    </ChartFrame>
  );
}
