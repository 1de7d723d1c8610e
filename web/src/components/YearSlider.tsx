import { useId } from "react";
import { t } from "../i18n/index.ts";

/**
 * A year slider: a native range input over the given years (arrow keys, Home, End, Page up/down work as in every
 * browser), its label, and the chosen year written out beside it. Steps over the list, so years without values
 * (e.g. between elections) are not offered. The screen reader hears the year, not the step number.
 */
export function YearSlider({
  years,
  value,
  onChange,
  label = t("slider.year"),
}: {
  /** Ascending. */
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
  label?: string;
}) {
  const id = useId();
  const index = Math.max(0, years.indexOf(value));
  if (years.length < 2) return null;
  return (
    <div className="year-slider">
      <label htmlFor={id}>{label}</label>
      <div className="year-slider-row">
        <span className="muted" aria-hidden="true">
          {years[0]}
        </span>
        <input
          id={id}
          type="range"
          min={0}
          max={years.length - 1}
          step={1}
          value={index}
          aria-valuetext={String(years[index])}
          onChange={(event) => onChange(years[Number(event.target.value)] ?? value)}
        />
        <span className="muted" aria-hidden="true">
          {years[years.length - 1]}
        </span>
        {/* Read out through aria-valuetext; this is for the eye. */}
        <span className="year-slider-value" aria-hidden="true">
          {t("slider.shown", { year: years[index] })}
        </span>
      </div>
    </div>
  );
}
