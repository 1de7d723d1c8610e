import type { IndicatorMeta } from "../../api/types.ts";

/** An indicator's series breaks: "2024: Neue Zählweise …". */
export function SeriesBreakList({ breaks }: { breaks: IndicatorMeta["seriesBreaks"] }) {
  return (
    <ul>
      {breaks.map((item) => (
        <li key={`${item.year}-${item.note}`}>
          <strong>{item.year}:</strong> {item.note}
        </li>
      ))}
    </ul>
  );
}
