// Whether a series moves towards a goal, by the method of Eurostat's EU SDG monitoring report (edition 2024,
// "Sustainable development in the European Union", annex on the assessment of progress): the compound annual
// growth rate (CAGR) over a period, against the rate a target requires or, without a target, against fixed
// thresholds. See docs/goals.md for the method as the product applies it.

/** What counts as progress: the value rises, falls, or the gap between the comparison groups closes. */
export type GoalDirection = "rise" | "fall" | "close_gap";

/** A value to reach by a year, e.g. a gap of 5 percentage points by 2030. */
export interface GoalTarget {
  value: number;
  year: number;
}

/** One year of the series assessed. `value: null` with the reason why there is none. */
export interface SeriesPoint {
  year: number;
  value: number | null;
  /** `suppressed`: withheld by Geheimhaltung (never used to infer anything); `missing`: no data that year. */
  reason?: "suppressed" | "missing";
}

export type ProgressCategory =
  | "target_reached"
  | "significant_progress"
  | "moderate_progress"
  | "insufficient_progress"
  | "moderate_movement_away"
  | "movement_away";

export type NotAssessableReason = "no_data" | "too_few_years" | "suppressed" | "zero_start";

export type AssessmentTerm = "short" | "long";

export interface Period {
  from: number;
  to: number;
  /** The series break the period starts at (only the years after it are comparable), or null. */
  afterBreak: number | null;
}

export type Assessment =
  | {
      status: "assessed";
      term: AssessmentTerm;
      period: Period;
      category: ProgressCategory;
      startValue: number;
      endValue: number;
      /** CAGR of the period, e.g. 0.018 = 1.8 % per year. */
      actualRate: number;
      /** CAGR needed from the period's start to reach the target in its year; null without a target. */
      requiredRate: number | null;
      /** actualRate / requiredRate, rounded to four decimals; null without a target or when reached. */
      ratio: number | null;
      /** German, one sentence on what was compared. */
      text: string;
    }
  | {
      status: "not_assessable";
      term: AssessmentTerm;
      period: Period | null;
      reason: NotAssessableReason;
      text: string;
    };

export interface ProgressInput {
  series: readonly SeriesPoint[];
  direction: GoalDirection;
  target?: GoalTarget | null;
  /** Start of the long term; default the first year of the series. */
  baseYear?: number | null;
  /** Years from which the series is not comparable with earlier years (the catalogue's series breaks). */
  breaks?: readonly number[];
}

/** Eurostat's short term: the last five years. */
export const SHORT_TERM_YEARS = 5;
/** Fewer years with values than this in a period: no trend is stated. */
export const MIN_YEARS_WITH_VALUES = 3;
/** With a target: the share of the required rate reached. */
const RATIO = { significant: 0.95, moderate: 0.6 };
/** Without a target: the rate per year in the desired direction. */
const RATE = { significant: 0.01 };

export const CATEGORY_LABELS: Record<ProgressCategory, string> = {
  target_reached: "Ziel erreicht",
  significant_progress: "deutlicher Fortschritt",
  moderate_progress: "mäßiger Fortschritt",
  insufficient_progress: "unzureichender Fortschritt",
  moderate_movement_away: "leichte Entfernung vom Ziel",
  movement_away: "Entfernung vom Ziel",
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const de = (x: number, digits = 1) =>
  x.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentPerYear = (rate: number) => `${de(Math.abs(rate) * 100)} % pro Jahr`;

/** Compound annual growth rate from `start` to `end` over `years`. */
export function compoundAnnualGrowthRate(start: number, end: number, years: number): number {
  return (end / start) ** (1 / years) - 1;
}

/**
 * The short-term (last five years) and long-term (since the base year) assessment of one series.
 *
 * @example
 * assessProgress({ series, direction: "rise", target: { value: 60, year: 2030 }, baseYear: 2015 });
 * // [{ term: "short", status: "assessed", category: "moderate_progress", ratio: 0.72, … }, { term: "long", … }]
 */
export function assessProgress(input: ProgressInput): [Assessment, Assessment] {
  return [assessTerm(input, "short"), assessTerm(input, "long")];
}

export function assessTerm(input: ProgressInput, term: AssessmentTerm): Assessment {
  const known = input.series.filter((p) => p.reason !== "missing" || p.value !== null);
  const points = [...known].sort((a, b) => a.year - b.year);
  if (points.length === 0)
    return { status: "not_assessable", term, period: null, reason: "no_data", text: "Keine Werte vorhanden." };
  const to = points[points.length - 1].year;
  const first = points[0].year;
  let from = term === "short" ? Math.max(to - SHORT_TERM_YEARS, first) : Math.max(input.baseYear ?? first, first);
  const afterBreak = [...(input.breaks ?? [])].filter((b) => b > from && b <= to).sort((a, b) => b - a)[0] ?? null;
  if (afterBreak !== null) from = afterBreak;
  // The start moves to the first year in the period with data (a year without an extract is no trend).
  const inPeriod = points.filter((p) => p.year >= from && p.year <= to);
  from = inPeriod[0]?.year ?? from;
  const period: Period = { from, to, afterBreak };
  const breakNote = afterBreak === null ? "" : ` Bewertet erst ab dem Reihenbruch ${afterBreak}.`;
  const notAssessable = (reason: NotAssessableReason, text: string): Assessment => ({
    status: "not_assessable",
    term,
    period,
    reason,
    text: text + breakNote,
  });

  const start = inPeriod[0];
  const end = inPeriod[inPeriod.length - 1];
  if (start.value === null || end.value === null)
    return notAssessable(
      "suppressed",
      `Nicht bewertbar: der Wert ${start.value === null ? start.year : end.year} ist geheim zu halten.`,
    );
  const withValues = inPeriod.filter((p) => p.value !== null).length;
  if (withValues < MIN_YEARS_WITH_VALUES || to - from < MIN_YEARS_WITH_VALUES - 1)
    return notAssessable(
      "too_few_years",
      `Nicht bewertbar: für ${from}–${to} liegen weniger als ${MIN_YEARS_WITH_VALUES} Jahre mit Werten vor.`,
    );

  const magnitude = (v: number) => (input.direction === "close_gap" ? Math.abs(v) : v);
  const startValue = magnitude(start.value);
  const endValue = magnitude(end.value);
  const rises = input.direction === "rise";
  const target = input.target ?? null;
  const meets = (v: number) => target !== null && (rises ? v >= target.value : v <= target.value);
  const span = `${from}–${to}`;
  const moved =
    de(startValue) === de(endValue)
      ? `${span} blieb der Wert bei ${de(endValue)}`
      : `${span} ${endValue > startValue ? "stieg" : "sank"} der Wert von ${de(startValue)} auf ${de(endValue)}`;

  if (meets(endValue)) {
    return {
      status: "assessed",
      term,
      period,
      category: "target_reached",
      startValue,
      endValue,
      actualRate: startValue === 0 ? Number.NaN : compoundAnnualGrowthRate(startValue, endValue, to - from),
      requiredRate: null,
      ratio: null,
      text: `Ziel erreicht: ${moved}; Zielwert ${de(target?.value ?? 0)} bis ${target?.year}.${breakNote}`,
    };
  }
  if (startValue === 0)
    return notAssessable(
      "zero_start",
      `Nicht bewertbar: der Wert ${from} ist 0, eine jährliche Veränderungsrate ist nicht bestimmbar.`,
    );

  const actualRate = compoundAnnualGrowthRate(startValue, endValue, to - from);
  if (target !== null && target.year > from && !meets(startValue)) {
    const requiredRate = compoundAnnualGrowthRate(startValue, target.value, target.year - from);
    const ratio = round4(actualRate / requiredRate);
    const category: ProgressCategory =
      ratio >= RATIO.significant
        ? "significant_progress"
        : ratio >= RATIO.moderate
          ? "moderate_progress"
          : ratio >= 0
            ? "insufficient_progress"
            : "movement_away";
    return {
      status: "assessed",
      term,
      period,
      category,
      startValue,
      endValue,
      actualRate,
      requiredRate,
      ratio,
      text:
        `${capitalise(CATEGORY_LABELS[category])}: ${moved} (${actualRate >= 0 ? "+" : "−"}${percentPerYear(actualRate)}); ` +
        `nötig wären ${requiredRate >= 0 ? "+" : "−"}${percentPerYear(requiredRate)}, um ${de(target.value)} bis ${target.year} zu erreichen ` +
        `(${de(ratio * 100, 0)} % des nötigen Tempos).${breakNote}`,
    };
  }

  // No target (or one met at the start and lost since): the rate in the desired direction against fixed thresholds.
  const towards = round4(rises ? actualRate : -actualRate);
  const category: ProgressCategory =
    towards >= RATE.significant
      ? "significant_progress"
      : towards >= 0
        ? "moderate_progress"
        : towards >= -RATE.significant
          ? "moderate_movement_away"
          : "movement_away";
  return {
    status: "assessed",
    term,
    period,
    category,
    startValue,
    endValue,
    actualRate,
    requiredRate: null,
    ratio: null,
    text: `${capitalise(CATEGORY_LABELS[category])}: ${moved} (${actualRate >= 0 ? "+" : "−"}${percentPerYear(actualRate)}; Schwelle ${de(RATE.significant * 100)} % pro Jahr).${breakNote}`,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
