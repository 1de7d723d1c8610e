import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { Catalogue } from "../catalogue/schema.ts";
import { planCatalogue } from "../engine/plan.ts";

/**
 * What one kind of publication reads, relative to the year it is published for: the extract of `profile` for
 * that year plus `yearOffset` (an indicator's terms, the segregation inputs).
 */
export interface PublicationReads {
  id: string;
  reads: readonly { profile: string; yearOffset: number }[];
}

/** A profile and year whose extract changed. */
export interface ChangedExtract {
  profile: string;
  year: number;
}

/**
 * The publications (kind × year) that the Geheimhaltung links to changed extracts, and the extracts they read.
 * Every count of the publication model sums the lines of one extract, or combines counts that one publication
 * reads; a relation, a publication and a block of the linear system stay within what one publication reads.
 * So the Geheimhaltung decides the publications of each group of extracts linked through some publication
 * (here: through any kind in any year) on its own, and the groups no changed extract belongs to keep their
 * decisions. `touchedYears`: years all of whose publications count as changed (a year new to the results).
 *
 * @example
 * const scope = linkedPublications(kinds, [2023, 2024], [{ profile: "einwohner", year: 2024 }], []);
 * scope.publications.has("anteil_mv|2024"); // true
 */
export function linkedPublications(
  kinds: readonly PublicationReads[],
  years: readonly number[],
  changed: readonly ChangedExtract[],
  touchedYears: readonly number[],
): { publications: Set<string>; extracts: Set<string> } {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  const extract = (profile: string, year: number) => `${profile}|${year}`;
  const readsOf = (kind: PublicationReads, year: number) =>
    kind.reads.map((r) => extract(r.profile, year + r.yearOffset));
  for (const kind of kinds) {
    for (const year of years) {
      const [first, ...rest] = readsOf(kind, year);
      if (first === undefined) continue;
      for (const other of rest) parent.set(find(other), find(first));
    }
  }
  const touched = new Set(changed.map((c) => find(extract(c.profile, c.year))));
  for (const year of touchedYears) for (const kind of kinds) for (const e of readsOf(kind, year)) touched.add(find(e));
  const publications = new Set<string>();
  const extracts = new Set<string>();
  for (const kind of kinds) {
    for (const year of years) {
      const reads = readsOf(kind, year);
      if (!reads.some((e) => touched.has(find(e)))) continue;
      publications.add(`${kind.id}|${year}`);
      for (const e of reads) extracts.add(e);
    }
  }
  for (const e of parent.keys()) if (touched.has(find(e))) extracts.add(e);
  for (const c of changed) extracts.add(extract(c.profile, c.year));
  return { publications, extracts };
}

/** What each indicator's table reads: the profile and year offset of every term of both sides. */
export function indicatorReads(catalogue: Catalogue, profiles: readonly ProfileShape[]): PublicationReads[] {
  return planCatalogue(catalogue, profiles).map((plan) => ({
    id: plan.indicator.id,
    reads: [...plan.numerator.terms, ...plan.denominator.terms].map((t) => ({
      profile: t.profile.id,
      yearOffset: t.selection.yearOffset,
    })),
  }));
}
