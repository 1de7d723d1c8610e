import type { ProfileShape } from "./profile-shape.ts";
import { AGE_BREAKDOWN, type AgeRange, type Catalogue, type Indicator, numeratorTerms } from "./schema.ts";
import { TOTAL } from "./total.ts";

export interface GroupRef {
  id: string;
  label: string;
}

/** One way of splitting an indicator's rows; `gesamt` has the single group `gesamt`. */
export interface BreakdownInfo {
  id: string;
  label: string;
  groups: GroupRef[];
}

/** What the API and the dashboard show about an indicator (docs/architecture.md §3). */
export interface IndicatorMeta {
  id: string;
  title: string;
  shortTitle: string;
  field: string;
  unit: "%" | "‰";
  polarity: "higher_is_better" | "lower_is_better" | "neutral";
  definition: string;
  numeratorLabel: string;
  denominatorLabel: string;
  source: string;
  migrationDefinition: string;
  comparison: null | { id: string; groups: GroupRef[] };
  breakdowns: string[];
  notes: string[];
  seriesBreaks: { year: number; note: string }[];
  /** Only when set in the catalogue: values exist only in survey (election) years. */
  surveyYearsOnly?: true;
  /** The texts in other languages, where the catalogue has them (German is the fallback). */
  translations?: Indicator["translations"];
  retired: boolean;
}

/**
 * Canonical code of an age group, as in observations.
 *
 * @example
 * ageGroupId({ from: 65, to: null }); // "65+"
 */
export function ageGroupId(range: AgeRange): string {
  return range.to === null ? `${range.from}+` : `${range.from}-${range.to}`;
}

/**
 * German label of an age group.
 *
 * @example
 * ageGroupLabel({ from: 0, to: 5 }); // "0 bis 5 Jahre"
 */
export function ageGroupLabel(range: AgeRange): string {
  if (range.to === null) return `${range.from} Jahre und älter`;
  if (range.from === range.to) return `${range.from} Jahre`;
  return `${range.from} bis ${range.to} Jahre`;
}

/**
 * The breakdown ids of an indicator in row order: the comparison first, then the declared ones (deduplicated).
 *
 * @example
 * breakdownIds(kitaQuoteU3); // ["migration"]
 */
export function breakdownIds(indicator: Indicator): string[] {
  const ids = indicator.comparison === null ? [] : [indicator.comparison];
  for (const id of indicator.breakdowns) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * The breakdowns of an indicator with their groups and German labels, `gesamt` first, then the comparison,
 * then the declared breakdowns. Rows of `computeIndicators` come in exactly this order.
 *
 * @example
 * indicatorBreakdowns(catalogue, anteilMv).map((b) => b.id); // ["gesamt", "geschlecht", "alter", "mv_art"]
 */
export function indicatorBreakdowns(catalogue: Catalogue, indicator: Indicator): BreakdownInfo[] {
  const out: BreakdownInfo[] = [{ id: TOTAL.id, label: TOTAL.label, groups: [TOTAL] }];
  for (const id of breakdownIds(indicator)) {
    if (id === AGE_BREAKDOWN) {
      const groups = (indicator.ageGroups ?? []).map((r) => ({ id: ageGroupId(r), label: ageGroupLabel(r) }));
      out.push({ id, label: "Altersgruppen", groups });
    } else if (catalogue.groupings[id]) {
      const g = catalogue.groupings[id];
      out.push({ id, label: g.label, groups: g.groups.map(({ id, label }) => ({ id, label })) });
    } else if (catalogue.dimensionBreakdowns[id]) {
      const d = catalogue.dimensionBreakdowns[id];
      out.push({ id, label: d.label, groups: d.groups.map(({ id, label }) => ({ id, label })) });
    }
  }
  return out;
}

/**
 * The API's `IndicatorMeta` of an indicator: texts from the catalogue, migration definitions resolved.
 *
 * @example
 * indicatorMeta(catalogue, catalogue.indicators[0]).comparison; // { id: "migration", groups: [{ id: "mit", ... }, { id: "ohne", ... }] }
 */
export function indicatorMeta(catalogue: Catalogue, indicator: Indicator): IndicatorMeta {
  const comparison =
    indicator.comparison === null
      ? null
      : {
          id: indicator.comparison,
          groups: (catalogue.groupings[indicator.comparison]?.groups ?? []).map(({ id, label }) => ({ id, label })),
        };
  const definitions = indicator.migrationDefinitions.map((key) => catalogue.migrationDefinitions[key] ?? key);
  return {
    id: indicator.id,
    title: indicator.title,
    shortTitle: indicator.shortTitle,
    field: indicator.field,
    unit: indicator.unit,
    polarity: indicator.polarity,
    definition: indicator.definition,
    numeratorLabel: indicator.numeratorLabel,
    denominatorLabel: indicator.denominatorLabel,
    source: indicator.source,
    migrationDefinition: definitions.length ? definitions.join(" ") : "Keine Unterscheidung nach Migration.",
    comparison,
    breakdowns: breakdownIds(indicator),
    notes: [...indicator.notes],
    // Unresearched notes never reach a page, a report or an export.
    seriesBreaks: indicator.seriesBreaks.filter((b) => !b.placeholder).map(({ year, note }) => ({ year, note })),
    ...(indicator.surveyYearsOnly ? { surveyYearsOnly: true as const } : {}),
    ...(indicator.translations ? { translations: indicator.translations } : {}),
    retired: indicator.retired,
  };
}

/**
 * The catalogue's indicators as `IndicatorMeta`, in file order; retired ones only when asked for.
 *
 * @example
 * listIndicators(catalogue).filter((m) => m.field === "BS").length; // indicators of "Bildung und Sprache"
 */
export function listIndicators(catalogue: Catalogue, options: { includeRetired?: boolean } = {}): IndicatorMeta[] {
  return catalogue.indicators
    .filter((ind) => options.includeRetired || !ind.retired)
    .map((ind) => indicatorMeta(catalogue, ind));
}

/**
 * @example
 * findIndicator(catalogue, "anteil_mv")?.title; // "Bevölkerung mit Migrationsvorgeschichte"
 */
export function findIndicator(catalogue: Catalogue, id: string): Indicator | undefined {
  return catalogue.indicators.find((ind) => ind.id === id);
}

/**
 * The extract profiles a catalogue reads, in the order of `profiles`: a city's profiles (it accepts no others, and
 * its Sozialmonitoring compares the groups of these).
 */
export function profilesReadBy<P extends ProfileShape>(catalogue: Catalogue, profiles: readonly P[]): P[] {
  const read = new Set(
    catalogue.indicators.flatMap((i) => [
      ...numeratorTerms(i).map((term) => term.selection.profile),
      i.denominator.profile,
    ]),
  );
  return profiles.filter((p) => read.has(p.id));
}
