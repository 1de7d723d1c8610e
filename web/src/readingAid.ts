import type { Unit, ValueStatus } from "./api/types.ts";
import { formatDecimal, formatValue } from "./format.ts";
import { locale, t } from "./i18n/index.ts";

export interface TrendPoint {
  year: number;
  value: number | null;
  /**
   * Why a value is absent: `suppressed`/`withheld` values exist but are secret (Geheimhaltung), which the
   * sentence says instead of calling them missing. Without a status an absent value counts as missing.
   */
  status?: ValueStatus;
}

/** A value that exists but is not published for secrecy ("." in the tables). */
function isSecret(point: TrendPoint): boolean {
  return point.value === null && (point.status === "suppressed" || point.status === "withheld");
}

/** "2014, 2016 und 2019" in the current language. */
const years = {
  format: (list: string[]) => new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(list),
};

/** Values that look equal at one decimal are "unverändert": the reader only ever sees one decimal. */
function sameWhenShown(a: number, b: number): boolean {
  return formatDecimal(a) === formatDecimal(b);
}

/**
 * A plain-language sentence about a time series, for the reading aid beside a chart.
 * Missing years are named instead of silently skipped; years whose values are secret are named as such
 * ("aus Gründen der Geheimhaltung nicht veröffentlicht"), not as missing.
 * @example readingAid({ unit: "%", points: [{ year: 2013, value: 21.5 }, { year: 2025, value: 27.3 }] })
 *   // "Der Anteil stieg von 2013 bis 2025 von 21,5 % auf 27,3 %."
 */
export function readingAid(input: {
  unit?: Unit;
  points: TrendPoint[];
  /** Prefix naming the series: `mit Migrationsvorgeschichte: Der Anteil …`. */
  group?: string;
  /** Sentence subject; defaults by unit ("Der Anteil", "Die Quote", "Der Wert"). */
  subject?: string;
  /** Formats a value; defaults to `22,4 %`. */
  format?: (value: number) => string;
}): string {
  const points = [...input.points].sort((a, b) => a.year - b.year);
  const known = points.filter((point): point is { year: number; value: number } => point.value !== null);
  const subject =
    input.subject ??
    t(
      input.unit === "%"
        ? "reading.subject.percent"
        : input.unit === "‰"
          ? "reading.subject.permille"
          : "reading.subject.value",
    );
  const format =
    input.format ?? ((value: number) => (input.unit ? formatValue(value, input.unit) : formatDecimal(value)));

  const absent = points.filter((point) => point.value === null);
  const secret = absent.filter(isSecret).map((point) => String(point.year));
  const missing = absent.filter((point) => !isSecret(point)).map((point) => String(point.year));
  const notes = [
    secret.length > 0 ? t("reading.secret", { count: secret.length, years: years.format(secret) }) : "",
    missing.length > 0 ? t("reading.missing", { count: missing.length, years: years.format(missing) }) : "",
  ].filter(Boolean);

  let sentence: string;
  if (known.length === 0) {
    // Nothing published: say why year by year when some values are secret, otherwise that there are none.
    sentence = secret.length > 0 ? notes.join(" ") : t("reading.none");
  } else {
    const first = known[0];
    const last = known[known.length - 1];
    const start = format(first.value);
    const end = format(last.value);
    // "unverändert" is only true when every year in between is known; otherwise only the ends are compared.
    const gapInside = absent.some((point) => point.year > first.year && point.year < last.year);
    if (known.length === 1) {
      sentence = t("reading.single", { subject, year: last.year, value: end });
    } else if (sameWhenShown(first.value, last.value)) {
      sentence = t(gapInside ? "reading.sameEnds" : "reading.unchanged", {
        subject,
        from: first.year,
        to: last.year,
        value: end,
      });
    } else {
      const key = last.value > first.value ? "reading.rose" : "reading.fell";
      sentence = t(key, { subject, from: first.year, to: last.year, start, end });
    }
    sentence += extremes(known, format);
    if (notes.length > 0) sentence += ` ${notes.join(" ")}`;
  }
  return input.group ? t("reading.group", { group: input.group, sentence }) : sentence;
}

/**
 * A peak or a low inside the series that first and last year hide (e.g. the Zuzüge of 2015), as a sentence
 * each; only when it is visibly above (below) both ends.
 */
function extremes(known: { year: number; value: number }[], format: (value: number) => string): string {
  if (known.length < 3) return "";
  const first = known[0];
  const last = known[known.length - 1];
  const inside = known.slice(1, -1);
  const peak = inside.reduce((a, b) => (b.value > a.value ? b : a));
  const low = inside.reduce((a, b) => (b.value < a.value ? b : a));
  let text = "";
  const visiblyAbove = (a: number, b: number) => a > b && !sameWhenShown(a, b);
  if (visiblyAbove(peak.value, first.value) && visiblyAbove(peak.value, last.value))
    text += ` ${t("reading.peak", { year: peak.year, value: format(peak.value) })}`;
  if (visiblyAbove(first.value, low.value) && visiblyAbove(last.value, low.value))
    text += ` ${t("reading.low", { year: low.year, value: format(low.value) })}`;
  return text;
}

/**
 * The series breaks inside the shown years, as one sentence: a rise or fall across a break may come from the
 * new definition, not from the people counted. Breaks before the second shown year change no comparison.
 * @example breakReading([2024], [2013, 2025]) // "Zeitreihenbruch 2024: Werte ab 2024 sind mit den Jahren davor nur eingeschränkt vergleichbar."
 */
export function breakReading(breaks: number[], shownYears: number[]): string | null {
  if (shownYears.length < 2) return null;
  const first = Math.min(...shownYears);
  const last = Math.max(...shownYears);
  const inside = [...new Set(breaks)].filter((year) => year > first && year <= last).sort((a, b) => a - b);
  if (inside.length === 0) return null;
  return t("reading.break", { count: inside.length, years: years.format(inside.map(String)) });
}

/**
 * A sentence about the gap between the two comparison groups (sizes compared, sign ignored).
 * @example gapReading({ unit: "%", points: [{ year: 2013, value: 9.1 }, { year: 2025, value: 6 }] })
 *   // "Der Abstand zwischen den Gruppen verringerte sich von 2013 bis 2025 von 9,1 auf 6,0 Prozentpunkte."
 */
export function gapReading(input: { unit: Unit; points: TrendPoint[] }): string | null {
  const known = input.points
    .filter((point): point is { year: number; value: number } => point.value !== null)
    .sort((a, b) => a.year - b.year);
  if (known.length < 2) return null;
  const first = known[0];
  const last = known[known.length - 1];
  const from = Math.abs(first.value);
  const to = Math.abs(last.value);
  const points = t(input.unit === "%" ? "unit.percentPoints" : "unit.permillePoints");
  if (sameWhenShown(from, to)) {
    return t("reading.gapUnchanged", { from: first.year, to: last.year, value: formatDecimal(to), points });
  }
  return t(to < from ? "reading.gapClosed" : "reading.gapWidened", {
    from: first.year,
    to: last.year,
    start: formatDecimal(from),
    end: formatDecimal(to),
    points,
  });
}
