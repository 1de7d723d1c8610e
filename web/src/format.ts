import type { SeriesPoint, Unit, ValueRow, ValueStatus } from "./api/types.ts";
import { locale, type MessageKey, t } from "./i18n/index.ts";

// Numbers and dates follow the current language: `1.234,5` in German and Dutch, `1,234.5` in English.
// Formatters are cached per locale and options: Intl.NumberFormat construction is the expensive part.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const current = locale();
  const key = `${current} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(current, options);
    numberFormats.set(key, format);
  }
  return format;
}

function decimalFormat(digits: number): Intl.NumberFormat {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `1234` → `1.234` (counts: no decimals). */
export function formatNumber(value: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(value);
}

/** Typeset minus (U+2212) instead of the hyphen Intl writes: `−1,2`, as printed statistics do. */
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
  const format = numberFormat({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: "exceptZero",
  });
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const current = locale();
  const key = `${current} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(current, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** `04.12.2026, 14:05` (de), `4 dec 2026, 14:05` (nl), `4 Dec 2026, 14:05` (en). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat({ dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** `04.12.2026` (de), `4 dec 2026` (nl), `4 Dec 2026` (en). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat({ dateStyle: "medium" }).format(date);
}

// ---- Status symbols: the Zeichenerklärung of each language's official statistics ----
// German and English: DIN 55301 / Destatis (`.` geheim, `…` fällt später an, `x` nicht sinnvoll, `/` nicht
// sicher genug, `–` nichts vorhanden). Dutch: CBS's verklaring van tekens (`x` geheim, `.` gegevens ontbreken,
// blank: kan op logische gronden niet voorkomen, `-` nihil). The symbols are texts of the dictionaries.

/** What a cell shows instead of a number, and why. `zero` is an `ok` value of exactly 0. */
export type SymbolKind = Exclude<ValueStatus, "ok"> | "zero";

/** The symbol of each kind in the current language (read at each use, so a language switch applies at once). */
export const SYMBOLS: Readonly<Record<SymbolKind, string>> = {
  get suppressed() {
    return t("symbol.suppressed");
  },
  get withheld() {
    return t("symbol.withheld");
  },
  get missing() {
    return t("symbol.missing");
  },
  get denominator_zero() {
    return t("symbol.denominator_zero");
  },
  get band_split() {
    return t("symbol.band_split");
  },
  get zero() {
    return t("symbol.zero");
  },
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
    .map((kind) => ({ kind, symbol: SYMBOLS[kind] || t("symbol.blank"), text: explainSymbol(kind) }));
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
