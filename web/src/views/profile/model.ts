// What the Steckbrief adds to the cards: the one "Stand" year, the group gaps of the Stadtteil and the rows of two
// Stadtteile side by side. Pure functions, tested on hand-made cards.

import type { OverviewCard, OverviewResponse, SeriesPoint } from "../../api/types.ts";
import { shownDifference, shownValue } from "../../format.ts";

/** The year most cards show (the latest year with a value); ties go to the later year. Null without cards. */
export function commonYear(years: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, count] of counts) {
    const bestCount = best === null ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== null && year > best)) best = year;
  }
  return best;
}

/** A card's group comparison in this area: both groups' values and their gap as shown (rounded values). */
export interface GroupGapRow {
  card: OverviewCard;
  year: number;
  groups: NonNullable<OverviewCard["comparison"]>["groups"];
  /** First − second group from the shown (rounded) values; null when either is not shown. */
  gap: number | null;
}

export function groupGapRows(cards: readonly OverviewCard[]): GroupGapRow[] {
  return cards.flatMap((card) => {
    const c = card.comparison;
    if (!c || c.groups.length < 2) return [];
    if (c.groups.every((g) => g.value === null && g.status !== "suppressed")) return [];
    const [a, b] = c.groups.map((g) => shownValue(g));
    return [{ card, year: c.year, groups: c.groups, gap: shownDifference(a, b) }];
  });
}

/** One indicator for two Stadtteile and the city, in the year of the first Stadtteil's latest value. */
export interface PairRow {
  id: string;
  title: string;
  unit: OverviewCard["unit"];
  year: number | null;
  a: SeriesPoint | null;
  b: SeriesPoint | null;
  city: SeriesPoint | null;
  /** a − b from the shown values. */
  diff: number | null;
}

function at(card: OverviewCard | undefined, year: number | null): SeriesPoint | null {
  if (!card || year === null) return null;
  return card.series.find((p) => p.year === year) ?? { year, value: null, status: "missing" };
}

/**
 * The indicators either Stadtteil has, each in one year for both (the later of the two latest years, so the
 * values stand side by side for the same year), with the city of that year.
 */
export function pairRows(a: OverviewResponse, b: OverviewResponse, city: OverviewResponse | undefined): PairRow[] {
  const byId = (r: OverviewResponse | undefined, id: string) => r?.cards.find((c) => c.id === id);
  return a.cards
    .filter((card) => card.latest || byId(b, card.id)?.latest)
    .map((card) => {
      const other = byId(b, card.id);
      const years = [card.latest?.year, other?.latest?.year].filter((y): y is number => typeof y === "number");
      const year = years.length ? Math.max(...years) : null;
      const pa = at(card, year);
      const pb = at(other, year);
      return {
        id: card.id,
        title: card.shortTitle,
        unit: card.unit,
        year,
        a: pa,
        b: pb,
        city: at(byId(city, card.id), year),
        diff: shownDifference(pa ? shownValue(pa) : null, pb ? shownValue(pb) : null),
      };
    });
}
