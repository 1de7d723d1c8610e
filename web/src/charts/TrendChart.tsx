import { useEffect, useRef, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { wrapLabel } from "../components/lineLabels.ts";
import { formatDecimal } from "../format.ts";
import { type MarkerShape, markerPath, TEXT_COLOUR } from "../palette.ts";
import { extent, niceTicks } from "./niceTicks.ts";
import { ChartTooltip, DirectLabels, LABEL_CHARS } from "./TrendChartParts.tsx";

export interface TrendSeries {
  key: string;
  label: string;
  colour: string;
  dash?: string;
  /** Marker on each value (default circle), so series differ in shape as well as colour and dash. */
  marker?: MarkerShape;
  /** The total is drawn heavier than the groups. */
  strong?: boolean;
}

export type TrendDatum = { year: number } & Record<string, number | null>;

interface Props {
  data: TrendDatum[];
  series: TrendSeries[];
  /** Tick labels on the value axis. */
  formatAxis: (value: number) => string;
  /** Values in the tooltip. */
  formatValue: (value: number) => string;
  /** Series breaks and similar marks on the year axis. */
  marks?: { year: number; label: string }[];
  yLabel?: string;
  height?: number;
  /** Values of single survey years (elections): markers only, no line across the years between. */
  pointsOnly?: boolean;
  /** Each series' name at the end of its line (besides the legend), where the chart is at least 600 px wide. */
  directLabels?: boolean;
  /** The tooltip's text for a year without a number, e.g. ". (geheim)"; default "kein Wert". */
  describeMissing?: (seriesKey: string, year: number) => string;
}

const ICON_WIDTH = 36;
const ICON_HEIGHT = 14;

/** A legend sample: a short stretch of the line with its dash pattern and its marker in the middle. */
export function SeriesIcon({ series, pointsOnly = false }: { series: TrendSeries; pointsOnly?: boolean }) {
  const y = ICON_HEIGHT / 2;
  return (
    <svg
      className="series-icon"
      width={ICON_WIDTH}
      height={ICON_HEIGHT}
      viewBox={`0 0 ${ICON_WIDTH} ${ICON_HEIGHT}`}
      aria-hidden="true"
      focusable="false"
    >
      {/* Survey years only (elections): the marker alone, as in the chart, no line. */}
      {pointsOnly ? null : (
        <line
          x1={1}
          y1={y}
          x2={ICON_WIDTH - 1}
          y2={y}
          stroke={series.colour}
          strokeWidth={series.strong ? 3.5 : 2.5}
          strokeDasharray={series.dash || undefined}
        />
      )}
      <path d={markerPath(series.marker ?? "circle", ICON_WIDTH / 2, y, pointsOnly ? 6 : 4.5)} fill={series.colour} />
    </svg>
  );
}

/**
 * The chart's legend: the series in the order given (total first, then the groups as the breakdown lists them;
 * Recharts' own legend sorts by name), the text in the normal text colour — coloured text would miss the 4.5:1
 * contrast — and only the icon coloured.
 */
export function SeriesLegend({ series, pointsOnly = false }: { series: TrendSeries[]; pointsOnly?: boolean }) {
  return (
    <ul className="series-legend" style={{ color: TEXT_COLOUR }}>
      {series.map((s) => (
        <li key={s.key} data-series={s.key}>
          <SeriesIcon series={s} pointsOnly={pointsOnly} />
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The marker of one value; nothing for a missing value. */
function markerDot(s: TrendSeries, r: number) {
  return (props: { cx?: number | string; cy?: number | string }) => {
    const { cx, cy } = props;
    if (typeof cx !== "number" || typeof cy !== "number" || !Number.isFinite(cx) || !Number.isFinite(cy)) {
      return <g />;
    }
    return (
      <path
        className="series-marker"
        d={markerPath(s.marker ?? "circle", cx, cy, r)}
        fill={s.colour}
        stroke="#ffffff"
        strokeWidth={1}
      />
    );
  };
}

/**
 * A line chart over the years. Missing values stay gaps (connectNulls off) — the frame's footnotes say why.
 * No animation: the chart is complete at once (and so are its PNG/SVG exports).
 */
export function TrendChart({
  data,
  series,
  formatAxis,
  formatValue,
  marks = [],
  yLabel,
  height = 420,
  pointsOnly = false,
  directLabels = false,
  describeMissing,
}: Props) {
  // Direct labels need room on the right: only on a wide chart (on a phone the legend alone names the lines).
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = boxRef.current;
    if (!directLabels || !box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 0));
    observer.observe(box);
    return () => observer.disconnect();
  }, [directLabels]);
  const labelled = directLabels && width >= 600;
  const longest = Math.max(0, ...series.flatMap((s) => wrapLabel(s.label, LABEL_CHARS).map((line) => line.length)));
  const labelRoom = labelled ? 20 + Math.ceil(7.5 * longest) : 0;
  // Our own nice ticks: Recharts' would end on the data's maximum (0/7/14/21/27). Steps below 1 get the
  // decimals they need, or the labels would repeat ("0, 0, 1, 1").
  const [min, max] = extent(
    data,
    series.map((s) => s.key),
  );
  const axis = niceTicks(min, max);
  const tickLabel = axis.digits > 0 ? (value: number) => formatDecimal(value, axis.digits) : formatAxis;
  return (
    <div ref={boxRef} className="trend-chart">
      <LineChart
        responsive
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 24, right: 32 + labelRoom, bottom: 8, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="#d9d9d9" vertical={false} />
        <XAxis dataKey="year" tick={{ fontSize: 15, fill: "#222" }} tickMargin={8} stroke="#555" />
        <YAxis
          // The axis always includes zero, so a small change does not look like a big one (and a negative gap
          // shows on which side of zero it lies).
          domain={[axis.ticks[0], axis.ticks[axis.ticks.length - 1]]}
          ticks={axis.ticks}
          interval={0}
          allowDataOverflow
          tickFormatter={tickLabel}
          tick={{ fontSize: 15, fill: "#222" }}
          width={64}
          stroke="#555"
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: "#222", fontSize: 15 } : undefined}
        />
        <Tooltip
          content={(tip) => (
            <ChartTooltip {...tip} series={series} formatValue={formatValue} describeMissing={describeMissing} />
          )}
        />
        <Legend
          wrapperStyle={{ fontSize: 15, paddingTop: 8 }}
          itemSorter={null}
          content={() => <SeriesLegend series={series} pointsOnly={pointsOnly} />}
        />
        {marks.map((mark) => (
          <ReferenceLine
            key={`${mark.year}-${mark.label}`}
            x={mark.year}
            stroke="#555"
            strokeDasharray="4 4"
            label={{ value: mark.label, position: "top", fill: "#222", fontSize: 13 }}
          />
        ))}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={pointsOnly ? "none" : s.colour}
            strokeWidth={s.strong ? 3.5 : 2.5}
            strokeDasharray={s.dash || undefined}
            dot={markerDot(s, pointsOnly ? 6 : 4.5)}
            activeDot={markerDot(s, 6.5)}
            connectNulls={false}
            isAnimationActive={false}
            type="linear"
          />
        ))}
        {labelled ? <DirectLabels data={data} series={series} /> : null}
      </LineChart>
    </div>
  );
}
