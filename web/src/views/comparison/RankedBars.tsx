import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
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
  return (
    <BarChart
      layout="vertical"
      responsive
      data={data}
      style={{ width: "100%", height: data.length * 28 + 72 }}
      margin={{ top: 32, right: 80, bottom: 8, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="#e0e0e0" horizontal={false} />
      <XAxis
        type="number"
        tickFormatter={formatAxis}
        tick={{ fontSize: 14, fill: "#222" }}
        stroke="#555"
        domain={[0, "auto"]}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={190}
        interval={0}
        tick={{ fontSize: 14, fill: "#222" }}
        stroke="#555"
      />
      <Tooltip formatter={(_value, _name, item) => (item.payload as RankedBar).label} contentStyle={{ fontSize: 15 }} />
      <Bar
        dataKey="value"
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
        <LabelList dataKey="label" position="right" fontSize={14} fill="#222" />
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
