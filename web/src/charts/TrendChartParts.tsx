// Not in components/: those go into the "app" chunk every page loads, and this file needs Recharts.
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { lastValueIndex, spreadLabels, wrapLabel } from "../components/lineLabels.ts";
import { t } from "../i18n/index.ts";
import { markerPath, TEXT_COLOUR } from "../palette.ts";
import type { TrendSeries } from "./TrendChart.tsx";

interface TooltipEntry {
  dataKey?: unknown;
  value?: unknown;
}

/**
 * The tooltip of a line chart, on hover and when the chart has keyboard focus (arrow keys move it): the year as
 * "Jahr 2019", then every series with its marker, name and value in German format — also the series without a
 * value that year ("kein Wert"), so the reader does not have to guess which line is missing.
 */
export function ChartTooltip(props: {
  active?: boolean;
  label?: unknown;
  payload?: readonly TooltipEntry[];
  series: readonly TrendSeries[];
  formatValue: (value: number) => string;
  describeMissing?: (seriesKey: string, year: number) => string;
}) {
  const { active, label, payload, series, formatValue, describeMissing } = props;
  if (!active || label === undefined || label === null) return null;
  const byKey = new Map((payload ?? []).map((entry) => [String(entry.dataKey), entry.value]));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-year">{t("chart.tooltipYear", { year: String(label) })}</p>
      <ul>
        {series.map((s) => {
          const value = byKey.get(s.key);
          return (
            <li key={s.key}>
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                <path d={markerPath(s.marker ?? "circle", 6, 6, 5)} fill={s.colour} />
              </svg>
              <span>{s.label}:</span>{" "}
              <strong>
                {typeof value === "number"
                  ? formatValue(value)
                  : (describeMissing?.(s.key, Number(label)) ?? t("chart.noValue"))}
              </strong>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const LINE_HEIGHT = 16;
/** Room for one label line beside the last value (about 7.5 px a character at 14 px). */
export const LABEL_CHARS = 20;

/**
 * Labels at the end of the lines (inside the chart's SVG, so they are part of the PNG/SVG download): each series'
 * name beside its last value, moved apart where lines end close together. Decorative for screen readers — the
 * legend and the table name the series.
 */
export function DirectLabels({
  data,
  series,
}: {
  data: readonly Record<string, unknown>[];
  series: readonly TrendSeries[];
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  if (!xScale || !yScale) return null;
  const ends = series.flatMap((s) => {
    const i = lastValueIndex(data, s.key);
    if (i < 0) return [];
    const x = xScale(data[i].year, { position: "middle" });
    const y = yScale(data[i][s.key]);
    return typeof x === "number" && typeof y === "number" ? [{ s, x, y }] : [];
  });
  const [top, bottom] = plot ? [plot.y, plot.y + plot.height] : [0, 10_000];
  const lines = new Map(ends.map((e) => [e.s.key, wrapLabel(e.s.label, LABEL_CHARS)]));
  const most = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const placed = spreadLabels(
    ends.map((e) => ({ key: e.s.key, y: e.y })),
    most * LINE_HEIGHT + 2,
    top + 6,
    bottom - 6,
  );
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of text is not focusable; the labels repeat the legend.
    <g className="direct-labels" aria-hidden="true">
      {ends.map(({ s, x, y }) => {
        const ly = placed.get(s.key) ?? y;
        return (
          <g key={s.key} data-series={s.key}>
            {Math.abs(ly - y) > 2 ? (
              <line x1={x + 3} y1={y} x2={x + 10} y2={ly} stroke={s.colour} strokeWidth={1} />
            ) : null}
            <text
              x={x + 12}
              y={ly}
              dominantBaseline="middle"
              fontSize={14}
              fill={TEXT_COLOUR}
              fontWeight={s.strong ? 700 : 400}
            >
              {s.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
