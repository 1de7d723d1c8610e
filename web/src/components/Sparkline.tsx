import type { SeriesPoint } from "../api/types.ts";
import { TOTAL_COLOUR } from "../palette.ts";

interface Point {
  year: number;
  value: number | null;
}

interface Props {
  points: Point[] | SeriesPoint[];
  /** A comparison line drawn thin and dashed, e.g. the city value behind a Stadtteil. */
  reference?: Point[];
  label: string;
  width?: number;
  height?: number;
  colour?: string;
  /** A shared value range, so small multiples can be compared panel by panel. */
  domain?: [number, number];
}

/** Splits a series at missing values so a gap stays a gap instead of a misleading straight line. */
function segments(points: Point[], x: (year: number) => number, y: (value: number) => number): string[] {
  const paths: string[] = [];
  let current: string[] = [];
  for (const point of points) {
    if (point.value === null) {
      if (current.length) paths.push(current.join(" "));
      current = [];
      continue;
    }
    current.push(`${current.length ? "L" : "M"}${x(point.year).toFixed(1)},${y(point.value).toFixed(1)}`);
  }
  if (current.length) paths.push(current.join(" "));
  return paths;
}

/** A small trend line in plain SVG: no chart library, so the Übersicht draws at once. */
export function Sparkline({
  points,
  reference = [],
  label,
  width = 160,
  height = 44,
  colour = "#0072B2",
  domain,
}: Props) {
  const series = [...points].sort((a, b) => a.year - b.year);
  const all = [...series, ...reference];
  const values = all.flatMap((point) => (point.value === null ? [] : [point.value]));
  const years = all.map((point) => point.year);
  if (values.length === 0) return null;
  const pad = 4;
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  let min = domain ? domain[0] : Math.min(...values);
  let max = domain ? domain[1] : Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x = (year: number) =>
    maxYear === minYear ? width / 2 : pad + ((year - minYear) / (maxYear - minYear)) * (width - 2 * pad);
  const y = (value: number) => height - pad - ((value - min) / (max - min)) * (height - 2 * pad);
  const last = [...series].reverse().find((point) => point.value !== null);

  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {segments(
        [...reference].sort((a, b) => a.year - b.year),
        x,
        y,
      ).map((d) => (
        <path
          key={`r${d}`}
          d={d}
          fill="none"
          stroke={TOTAL_COLOUR}
          strokeWidth={1.2}
          strokeDasharray="3 3"
          opacity={0.7}
        />
      ))}
      {segments(series, x, y).map((d) => (
        <path key={d} d={d} fill="none" stroke={colour} strokeWidth={2.5} strokeLinejoin="round" />
      ))}
      {last && last.value !== null ? <circle cx={x(last.year)} cy={y(last.value)} r={3.5} fill={colour} /> : null}
    </svg>
  );
}
