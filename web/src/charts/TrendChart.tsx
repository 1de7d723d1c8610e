import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendSeries {
  key: string;
  label: string;
  colour: string;
  dash?: string;
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
}

/**
 * A line chart over the years. Missing values stay gaps (connectNulls off) — the frame's footnotes say why.
 * No animation: the chart is complete at once (and so are its PNG/SVG exports).
 */
export function TrendChart({ data, series, formatAxis, formatValue, marks = [], yLabel, height = 420 }: Props) {
  return (
    <LineChart
      responsive
      data={data}
      style={{ width: "100%", height }}
      margin={{ top: 24, right: 32, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#d9d9d9" vertical={false} />
      <XAxis dataKey="year" tick={{ fontSize: 15, fill: "#222" }} tickMargin={8} stroke="#555" />
      <YAxis
        // The axis always includes zero, so a small change does not look like a big one (and a negative gap
        // shows on which side of zero it lies).
        domain={[(min: number) => Math.min(0, min), (max: number) => Math.max(0, max)]}
        tickFormatter={formatAxis}
        tick={{ fontSize: 15, fill: "#222" }}
        width={64}
        stroke="#555"
        label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", fill: "#222", fontSize: 15 } : undefined}
      />
      <Tooltip
        formatter={(value) => (typeof value === "number" ? formatValue(value) : String(value ?? ""))}
        contentStyle={{ fontSize: 15 }}
      />
      <Legend wrapperStyle={{ fontSize: 15, paddingTop: 8 }} />
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
          stroke={s.colour}
          strokeWidth={s.strong ? 3.5 : 2.5}
          strokeDasharray={s.dash || undefined}
          dot={{ r: 4, fill: s.colour, strokeWidth: 0 }}
          activeDot={{ r: 6 }}
          connectNulls={false}
          isAnimationActive={false}
          type="linear"
        />
      ))}
    </LineChart>
  );
}
