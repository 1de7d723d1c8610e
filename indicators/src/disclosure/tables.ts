import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { Catalogue } from "../catalogue/schema.ts";
import type { District, IndicatorRow, Observation } from "../engine/types.ts";
import { type DisclosureRule, SECONDARY } from "./disclosure.ts";
import {
  audit,
  type BlockDecision,
  type Finding,
  type Protection,
  type Publication,
  protect,
  type Secrecy,
} from "./protect.ts";
import { type PublicationModel, publicationModel } from "./publication.ts";

export interface PublicationInput {
  catalogue: Catalogue;
  profiles: readonly ProfileShape[];
  observations: readonly Observation[];
  districts: readonly District[];
  /** The engine's rows (`computeIndicators`), or stored rows with `suppressed` cells for an audit. */
  rows: readonly IndicatorRow[];
  rule: DisclosureRule;
  /** Further publications on the same counts (e.g. segregation inputs), registered on the model. */
  extra?: (model: PublicationModel) => Publication[];
  /** Block decisions of earlier runs (block key → decision), taken over where a block is unchanged. */
  decisions?: ReadonlyMap<string, BlockDecision>;
}

const shows = (r: IndicatorRow) => r.status === "ok" || r.status === "denominator_zero" || r.status === "suppressed";

/** Publications of the indicator rows that show numbers, in row order, with the row each belongs to. */
function rowPublications(input: PublicationInput, model: PublicationModel) {
  const exempt = new Set(input.catalogue.indicators.filter((i) => !i.disclosureControl).map((i) => i.id));
  const publications: Publication[] = [];
  const rowOf: number[] = [];
  input.rows.forEach((r, i) => {
    const { numerator, denominator } = model.rowCounts[i];
    if (!shows(r) || numerator < 0) return;
    publications.push({
      counts: [numerator, denominator],
      roles: ["numerator", "denominator"],
      exempt: exempt.has(r.indicator),
    });
    rowOf.push(i);
  });
  return { publications, rowOf };
}

const REASONS: Record<Secrecy, (rule: DisclosureRule) => string> = {
  "primary-numerator": (rule) => `Geheimhaltung: Fallzahl unter ${rule.minNumerator}`,
  "primary-denominator": (rule) => `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`,
  secondary: () => SECONDARY,
};

/** The analysts' reason for a withheld value (the public sees only „Zahlenwert geheim zu halten“). */
export const secrecyReason = (secrecy: Secrecy, rule: DisclosureRule) => REASONS[secrecy](rule);

/** The analysts' reason of a withheld cell, by the role its secret count plays in this cell. */
function rowReason(counts: readonly number[], protection: Protection, values: Float64Array, rule: DisclosureRule) {
  const [numerator, denominator] = counts;
  const primary = (c: number) => (protection.secret.get(c) ?? "secondary") !== "secondary";
  if (primary(numerator) && values[numerator] < rule.minNumerator) return secrecyReason("primary-numerator", rule);
  if (primary(denominator)) return secrecyReason("primary-denominator", rule);
  if (primary(numerator)) return `Geheimhaltung: der Zähler ist anderswo Bezugsgröße unter ${rule.minDenominator}`;
  return secrecyReason("secondary", rule);
}

/**
 * Geheimhaltung for everything the product publishes, decided once over all tables (see `protect`): returns
 * the rows with `status: "suppressed"`, `suppression` and the analysts' reason where a row shows a secret
 * count (the true numbers stay for analysts), and which further publications (`extra`) are withheld.
 *
 * @example
 * const { rows } = await protectPublication({ catalogue, profiles, observations, districts, rows: computed, rule: defaultDisclosureRule });
 */
export async function protectPublication(input: PublicationInput): Promise<{
  rows: IndicatorRow[];
  model: PublicationModel;
  protection: Protection;
  /** Per extra publication: withheld with its strictest secrecy, or null. */
  extraWithheld: (Secrecy | null)[];
  /** The decision of every block this run needed (taken over or new): what to keep for the next run. */
  decisions: Map<string, BlockDecision>;
  /**
   * Whether these tables were decided as they would be beside any others (see `linkedPublications`). Tables
   * of unlinked extracts share one count only: the count of no lines, 0 for everyone (every shown 0). It
   * matters only in a relation, and there only whether some table shows it; a table shown here shows it
   * everywhere, so this is true when it is shown here or takes part in no relation.
   */
  selfContained: boolean;
}> {
  const model = publicationModel(input);
  const { publications, rowOf } = rowPublications(input, model);
  const extra = input.extra?.(model) ?? [];
  const decisions = new Map<string, BlockDecision>();
  const protection = await protect(
    model.system,
    model.values,
    [...publications, ...extra],
    input.rule,
    model.relations,
    model.cellAreas,
    {
      countKey: model.countKey,
      get: (key, counts) => {
        const known = input.decisions?.get(key);
        if (known) decisions.set(key, { ...known, extracts: model.extractsOf(counts) });
        return known;
      },
      set: (key, decision, counts) => decisions.set(key, { ...decision, extracts: model.extractsOf(counts) }),
    },
  );
  const rows = input.rows.map((r) => ({ ...r }));
  rowOf.forEach((i, p) => {
    const secrecy = protection.withheld[p];
    if (secrecy === null) return;
    rows[i].status = "suppressed";
    rows[i].suppression = secrecy === "secondary" ? "secondary" : "primary";
    rows[i].statusDetail = rowReason(publications[p].counts, protection, model.values, input.rule);
  });
  const all = [...publications, ...extra];
  const zero = model.system.counts.findIndex((c) => c.parts.length === 0);
  const selfContained =
    zero < 0 ||
    all.some((p, i) => protection.withheld[i] === null && p.counts.includes(zero)) ||
    !model.relations.some((r) => r.includes(zero));
  return {
    rows,
    model,
    protection,
    extraWithheld: protection.withheld.slice(publications.length),
    decisions,
    selfContained,
  };
}

/**
 * The audit of a publication as stored: rows with status `suppressed` (and withheld extras) are hidden,
 * everything else that shows numbers is known to the attacker. Lists every hidden count an attacker can
 * narrow too far, with a readable name; empty when the publication is safe.
 */
export async function auditPublication(
  input: PublicationInput & { extraWithheld?: (extra: readonly Publication[]) => boolean[] },
): Promise<{ findings: (Finding & { name: string })[]; hidden: number; solves: number }> {
  const model = publicationModel(input);
  const { publications, rowOf } = rowPublications(input, model);
  const extra = input.extra?.(model) ?? [];
  const withheld = [
    ...rowOf.map((i) => input.rows[i].status === "suppressed"),
    ...(input.extraWithheld?.(extra) ?? extra.map(() => false)),
  ];
  const result = await audit(model.system, model.values, [...publications, ...extra], withheld, input.rule);
  return { ...result, findings: result.findings.map((f) => ({ ...f, name: model.describe(f.count) })) };
}
