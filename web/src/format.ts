import type { SeriesPoint, Unit, ValueRow, ValueStatus } from "./api/types.ts";
import { LOCALE, type MessageKey, t } from "./i18n/index.ts";

// Formatters are created once: Intl.NumberFormat construction is the expensive part.
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimals = new Map<number, Intl.NumberFormat>();
const signed = new Map<number, Intl.NumberFormat>();

function decimalFormat(digits: number): Intl.NumberFormat {
  let format = decimals.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimals.set(digits, format);
  }
  return format;
}

/** `1234` → `1.234` (counts: no decimals). */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** Typeset minus (U+2212) instead of the hyphen Intl writes for German: `−1,2`, as printed statistics do. */
const MINUS = "\u2212";
const typesetMinus = (text: string) => text.replace("-", MINUS);

/** `22.44` → `22,4`, `-1.2` → `−1,2` */
export function formatDecimal(value: number, digits = 1): string {
  return typesetMinus(decimalFormat(digits).format(value));
}

/** `22.4, "%"` → `22,4 %` (with a no-break space, as Intl does, so the unit never wraps alone). */
export function formatValue(value: number, unit: Unit, digits = 1): string {
  return `${formatDecimal(value, digits)}\u00a0${unit}`;
}

/** A signed difference: `+5,8`, `−1,2`, `0,0`. */
export function formatSigned(value: number, digits = 1): string {
  let format = signed.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: "exceptZero",
    });
    signed.set(digits, format);
  }
  return typesetMinus(format.format(value));
}

/** A difference of two shares: `5,8 Prozentpunkte` (`‰` → Promillepunkte); `signed` adds `+`/`-`. */
export function formatPoints(value: number, unit: Unit, options: { signed?: boolean } = {}): string {
  const number = options.signed ? formatSigned(value) : formatDecimal(Math.abs(value));
  return `${number}\u00a0${t(unit === "%" ? "unit.percentPoints" : "unit.permillePoints")}`;
}

/** Segregation indices come on [0, 1]; the UI shows them × 100 as "Indexpunkte" (`0.194` → `19,4`). */
export function formatIndexPoints(value: number | null): string {
  return value === null ? SYMBOLS.missing : formatDecimal(value * 100);
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

const dateOnly = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium" });

/** `04.12.2026`. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

// ---- Status symbols (Zeichenerklärung of German official statistics, DIN 55301 / Destatis) ----

/** What a cell shows instead of a number, and why. `zero` is an `ok` value of exactly 0. */
export type SymbolKind = Exclude<ValueStatus, "ok"> | "zero";

export const SYMBOLS: Record<SymbolKind, string> = {
  suppressed: ".",
  withheld: ".",
  missing: "…",
  denominator_zero: "x",
  band_split: "/",
  zero: "–",
};

const EXPLANATIONS: Record<SymbolKind, MessageKey> = {
  suppressed: "status.suppressed",
  withheld: "status.withheld",
  missing: "status.missing",
  denominator_zero: "status.denominator_zero",
  band_split: "status.band_split",
  zero: "status.zero",
};

/**
 * The number a reader may see: ok values, and for analysts (`confidential`) the values that are suppressed
 * for the public. Everything else is null and shown as a symbol.
 */
export function shownValue(point: Pick<ValueRow | SeriesPoint, "value" | "status" | "confidential">): number | null {
  return point.status === "ok" || (point.confidential === true && point.value !== null) ? point.value : null;
}

/** The symbol kind of a value, or `null` when the number itself is shown. */
export function symbolKind(value: number | null, status: ValueStatus, confidential = false): SymbolKind | null {
  if (status !== "ok" && !(confidential && value !== null)) return status;
  if (value === null) return "missing";
  return value === 0 ? "zero" : null;
}

export function explainSymbol(kind: SymbolKind): string {
  return t(EXPLANATIONS[kind]);
}

/** A value as a table cell shows it: `22,4 %`, or the status symbol (`.` for suppressed, never 0). */
export function displayValue(value: number | null, status: ValueStatus, unit?: Unit, confidential = false): string {
  const kind = symbolKind(value, status, confidential);
  if (kind) return SYMBOLS[kind];
  const number = unit ? formatValue(value as number, unit) : formatDecimal(value as number);
  return confidential ? `${number}\u00a0${t("confidential.short")}` : number;
}

/** Legend lines for the symbols that occur, in a fixed order: `. = Wert aus Gründen der Geheimhaltung unterdrückt`. */
export function symbolLegend(kinds: Iterable<SymbolKind>): { kind: SymbolKind; symbol: string; text: string }[] {
  const present = new Set(kinds);
  return (Object.keys(SYMBOLS) as SymbolKind[])
    .filter((kind) => present.has(kind))
    .map((kind) => ({ kind, symbol: SYMBOLS[kind], text: explainSymbol(kind) }));
}

/** A value as the reader sees it: rounded to one decimal. */
const shown1 = (value: number) => Number(value.toFixed(1));

/**
 * The gap between two shown values as the reader can recompute it from them (56,2 − 16,0 = 40,2, never the
 * 40,1 of the unrounded values); null when either is not shown.
 */
export function shownDifference(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : shown1(a) - shown1(b);
}
