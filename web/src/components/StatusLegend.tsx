import { type SymbolKind, symbolLegend } from "../format.ts";
import { t } from "../i18n/index.ts";

/** "Zeichenerklärung": only the symbols that occur, so the legend stays short. */
export function StatusLegend({ kinds, confidential }: { kinds: Iterable<SymbolKind>; confidential?: boolean }) {
  const lines = symbolLegend(kinds);
  if (lines.length === 0 && !confidential) return null;
  return (
    <div className="status-legend">
      <h3 className="legend-title">{t("legend.title")}</h3>
      <dl>
        {lines.map((line) => (
          <div key={line.kind} className="legend-row">
            <dt>{line.symbol}</dt>
            <dd>{line.text}</dd>
          </div>
        ))}
        {confidential ? (
          <div className="legend-row">
            <dt>{t("confidential.short")}</dt>
            <dd>{t("confidential.long")}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
