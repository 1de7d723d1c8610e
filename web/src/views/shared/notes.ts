import type { ValueRow } from "../../api/types.ts";
import { explainSymbol, SYMBOLS, type SymbolKind, symbolKind } from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";

/** Symbol kinds that occur in the rows (for the legend). */
export function kindsOf(rows: Pick<ValueRow, "value" | "status" | "confidential">[]): Set<SymbolKind> {
  const kinds = new Set<SymbolKind>();
  for (const row of rows) {
    const kind = symbolKind(row.value, row.status, row.confidential);
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/**
 * Footnotes that explain every gap in a chart, one per series and reason:
 * `. mit Migrationsvorgeschichte, 2019 und 2020: Wert aus Gründen der Geheimhaltung unterdrückt`.
 */
export function statusNotes(rows: ValueRow[], seriesLabel: (row: ValueRow) => string): string[] {
  const groups = new Map<string, { kind: SymbolKind; label: string; detail: string | null; years: number[] }>();
  for (const row of rows) {
    // A value shown to analysts needs no gap note; the "nfD" marker and the API's footnote explain it.
    const kind = symbolKind(row.value, row.status, row.confidential);
    if (!kind || kind === "zero") continue;
    const label = seriesLabel(row);
    const key = `${kind}|${label}|${row.statusDetail ?? ""}`;
    const group = groups.get(key) ?? { kind, label, detail: row.statusDetail, years: [] };
    group.years.push(row.year);
    groups.set(key, group);
  }
  const list = new Intl.ListFormat(locale(), { type: "conjunction" });
  return [...groups.values()].map((group) =>
    t("notes.status", {
      symbol: SYMBOLS[group.kind],
      series: group.label,
      years: list.format(group.years.sort((a, b) => a - b).map(String)),
      explanation: group.detail ? `${explainSymbol(group.kind)} (${group.detail})` : explainSymbol(group.kind),
    }),
  );
}

export function anyConfidential(rows: { confidential?: boolean }[]): boolean {
  return rows.some((row) => row.confidential === true);
}
