import { SYMBOLS } from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";

// Geheimhaltung of the index answer (docs/architecture.md §3): `suppressed` maps each withheld value to its
// German reason. Keys: `units.<nr>` (the whole Stadtteil), `units.<nr>.values.<id>`, and `statusIndex` /
// `dynamicsIndex` for the index numbers of every Stadtteil. Public answers carry null there; analysts get the
// value, which then is confidential.

/** Where a cell of a Stadtteil's row comes from: `values.<id>`, `statusIndex`, `population`, … */
export type IndexPath = `values.${string}` | "statusIndex" | "dynamicsIndex" | "population" | "class";

/** Keys that stand for the whole column, not for one Stadtteil. */
const COLUMN_KEYS = new Set<string>(["statusIndex", "dynamicsIndex"]);

/** The German reason a Stadtteil's value is withheld, or undefined when it is public. */
export function withheldReason(
  suppressed: Record<string, string>,
  stadtteil: number,
  path: IndexPath,
): string | undefined {
  return (
    suppressed[`units.${stadtteil}`] ??
    suppressed[`units.${stadtteil}.${path}`] ??
    (COLUMN_KEYS.has(path) ? suppressed[path] : undefined)
  );
}

/**
 * What a cell shows: the number (marked confidential when only analysts may see it), `.` for a withheld
 * value (never 0), or `…` when there is none.
 */
export type IndexCell =
  | { kind: "value"; value: number; confidential: boolean }
  | { kind: "suppressed"; reason: string }
  | { kind: "missing" };

export function indexCell(value: number | null, reason: string | undefined): IndexCell {
  if (value !== null) return { kind: "value", value, confidential: reason !== undefined };
  return reason !== undefined ? { kind: "suppressed", reason } : { kind: "missing" };
}

/** A withheld cell of the table: its column header, the Stadtteil and the reason. */
export interface WithheldCell {
  column: string;
  name: string;
  reason: string;
}

/**
 * One footnote per column and reason, naming the Stadtteile (or "alle Stadtteile"):
 * `. Statusindex (alle Stadtteile): Geheimhaltung: der Index wird nur als Klasse veröffentlicht; …`.
 */
export function withheldNotes(cells: WithheldCell[], unitCount: number): string[] {
  const groups = new Map<string, { column: string; reason: string; names: string[] }>();
  for (const cell of cells) {
    const key = `${cell.column}\u0000${cell.reason}`;
    const group = groups.get(key) ?? { column: cell.column, reason: cell.reason, names: [] };
    if (!group.names.includes(cell.name)) group.names.push(cell.name);
    groups.set(key, group);
  }
  const list = new Intl.ListFormat(locale(), { type: "conjunction" });
  return [...groups.values()].map((group) =>
    t("sozial.withheldNote", {
      symbol: SYMBOLS.suppressed,
      column: group.column,
      units:
        group.names.length === unitCount && unitCount > 1
          ? t("sozial.allUnits")
          : list.format([...group.names].sort((a, b) => a.localeCompare(b, locale()))),
      reason: group.reason,
    }),
  );
}
