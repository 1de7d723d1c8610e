import type { GapTrend } from "../../api/types.ts";
import { t } from "../../i18n/index.ts";

const ARROWS = { narrowed: "↘", widened: "↗", unchanged: "→" } as const;

/** Arrow and words, so the direction never depends on colour alone. */
export function TrendBadge({ trend }: { trend: GapTrend }) {
  if (!trend) return null;
  return (
    <span className={`trend trend-${trend}`}>
      <span aria-hidden="true">{ARROWS[trend]} </span>
      {t(`trend.${trend}`)}
    </span>
  );
}
