import type { Assessment, GoalTarget, SeriesPoint } from "@im/indicators";
import { type Language, LOCALES, translator } from "../i18n/index.ts";

/**
 * The reasoning of one assessment in the reader's language. The indicators package writes it in German (`text`),
 * which German readers keep; the others get it said again from the assessment's fields.
 */
export function assessmentText(
  a: Assessment,
  language: Language,
  target: GoalTarget | null,
  series: readonly SeriesPoint[],
): string {
  return language === "de" ? a.text : spokenText(a, language, target, series);
}

/** The reasoning from the assessment's fields; in German word for word the package's `text` (a test says so). */
export function spokenText(
  a: Assessment,
  language: Language,
  target: GoalTarget | null,
  series: readonly SeriesPoint[],
): string {
  const say = translator(language);
  const number = (x: number, digits = 1) =>
    x.toLocaleString(LOCALES[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const perYear = (rate: number) =>
    say("goal.text.perYear", { sign: rate >= 0 ? "+" : "−", rate: number(Math.abs(rate) * 100) });
  const breakNote = a.period?.afterBreak
    ? ` ${say("goal.text.afterBreak", { year: String(a.period.afterBreak) })}`
    : "";
  if (a.status === "not_assessable") {
    if (a.period === null) return say("goal.text.noData");
    const { from, to } = a.period;
    const span = `${from}–${to}`;
    switch (a.reason) {
      case "no_data":
        return say("goal.text.noData") + breakNote;
      case "suppressed": {
        const secretStart = series.find((p) => p.year === from)?.value === null;
        return say("goal.text.secret", { year: String(secretStart ? from : to) }) + breakNote;
      }
      case "too_few_years":
        return say("goal.text.tooFewYears", { span, min: "3" }) + breakNote;
      case "zero_start":
        return say("goal.text.zeroStart", { year: String(from) }) + breakNote;
    }
  }
  const span = `${a.period.from}–${a.period.to}`;
  const moved =
    number(a.startValue) === number(a.endValue)
      ? say("goal.text.stayed", { span, value: number(a.endValue) })
      : say(a.endValue > a.startValue ? "goal.text.rose" : "goal.text.fell", {
          span,
          start: number(a.startValue),
          end: number(a.endValue),
        });
  const label = say(`goal.category.${a.category}`);
  const category = label.charAt(0).toUpperCase() + label.slice(1);
  if (a.category === "target_reached") {
    return (
      say("goal.text.reached", { moved, target: number(target?.value ?? 0), year: String(target?.year ?? "") }) +
      breakNote
    );
  }
  if (a.requiredRate !== null && a.ratio !== null && target) {
    return (
      say("goal.text.withTarget", {
        category,
        moved,
        rate: perYear(a.actualRate),
        required: perYear(a.requiredRate),
        target: number(target.value),
        year: String(target.year),
        share: number(a.ratio * 100, 0),
      }) + breakNote
    );
  }
  return (
    say("goal.text.withoutTarget", { category, moved, rate: perYear(a.actualRate), threshold: number(1) }) + breakNote
  );
}
