import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { extent, niceTicks } from "../../charts/niceTicks.ts";
import { formatDecimal } from "../../format.ts";
import { BAR_COLOUR, HIGHLIGHT_COLOUR, TOTAL_COLOUR } from "../../palette.ts";

export interface RankedBar {
  stadtteil: number;
  name: string;
  value: number | null;
  /** The value as shown: `22,4 %` or a status symbol. */
  label: string;
  selected: boolean;
}

interface Props {
  data: RankedBar[];
  cityValue: number | null;
  cityLabel: string;
  formatAxis: (value: number) => string;
  onSelect: (stadtteil: number) => void;
}

/** All Stadtteile as horizontal bars, highest first, against a line for the city value. */
export function RankedBars({ data, cityValue, cityLabel, formatAxis, onSelect }: Props) {
  const [min, max] = extent([...data, { value: cityValue }], ["value"]);
  const axis = niceTicks(min, max);
  // A Stadtteil without a number (secret, missing) keeps its row: a bar of length 0 that carries its symbol
  // (`.`, `…`) as the label, explained in the frame's Zeichenerklärung, instead of an empty row.
  const rows = data.map((bar) => ({ ...bar, drawn: bar.value ?? 0 }));
  // On a phone the names take less room, so the bars keep a readable length (390 px: ~170 px instead of 30).
  const narrow = typeof window.matchMedia === "function" && window.matchMedia("(max-width: 600px)").matches;
  return (
    <BarChart
      layout="vertical"
      responsive
      data={rows}
      style={{ width: "100%", height: data.length * 28 + 72 }}
      margin={{ top: 32, right: narrow ? 60 : 80, bottom: 8, left: narrow ? 0 : 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e0e0e0" horizontal={false} />
      <XAxis
        type="number"
        tickFormatter={axis.digits > 0 ? (value: number) => formatDecimal(value, axis.digits) : formatAxis}
        tick={{ fontSize: 14, fill: "#222" }}
        stroke="#555"
        domain={[axis.ticks[0], axis.ticks[axis.ticks.length - 1]]}
        ticks={axis.ticks}
        interval="preserveStartEnd"
      />
      <YAxis
        type="category"
        dataKey="name"
        width={narrow ? 118 : 190}
        interval={0}
        tick={{ fontSize: narrow ? 12 : 14, fill: "#222" }}
        stroke="#555"
      />
      <Tooltip formatter={(_value, _name, item) => (item.payload as RankedBar).label} contentStyle={{ fontSize: 15 }} />
      <Bar
        dataKey="drawn"
        name={cityLabel}
        isAnimationActive={false}
        onClick={(_data, index) => {
          const bar = data[index];
          if (bar) onSelect(bar.stadtteil);
        }}
        shape={(props) => (
          <Rectangle
            {...props}
            fill={(props.payload as RankedBar | undefined)?.selected ? HIGHLIGHT_COLOUR : BAR_COLOUR}
          />
        )}
        cursor="pointer"
      >
        <LabelList dataKey="label" position="right" fontSize={narrow ? 12 : 14} fill="#222" />
      </Bar>
      {cityValue !== null ? (
        <ReferenceLine
          x={cityValue}
          stroke={TOTAL_COLOUR}
          strokeWidth={2}
          strokeDasharray="6 3"
          label={{ value: cityLabel, position: "top", fill: "#111", fontSize: 14 }}
        />
      ) : null}
    </BarChart>
  );
}
