import type { GapTrend } from "../../api/types.ts";
import { t } from "../../i18n/index.ts";

export type TrendKind = "closed" | "widened" | "unchanged";

/** The contract does not fix the wording of `trend`; accept the usual English and German spellings. */
export function trendKind(trend: GapTrend): TrendKind | null {
  if (!trend) return null;
  const text = trend.toLowerCase();
  if (/narrow|clos|verring|verklein|decreas|shrink|smaller/.test(text)) return "closed";
  if (/wid|vergr|increas|grow|larger/.test(text)) return "widened";
  if (/stab|unchang|same|gleich|konstant|constant/.test(text)) return "unchanged";
  return null;
}

/** Arrow and words, so the direction never depends on colour alone. */
export function TrendBadge({ trend }: { trend: GapTrend }) {
  const kind = trendKind(trend);
  if (!kind) return null;
  const arrow = kind === "closed" ? "↘" : kind === "widened" ? "↗" : "→";
  return (
    <span className={`trend trend-${kind}`}>
      <span aria-hidden="true">{arrow} </span>
      {t(`trend.${kind}`)}
    </span>
  );
}
