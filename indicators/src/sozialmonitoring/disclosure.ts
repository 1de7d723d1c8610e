import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { Publication, Secrecy } from "../disclosure/protect.ts";
import type { PublicationModel } from "../disclosure/publication.ts";
import type { PublicationReads } from "../disclosure/scope.ts";
import type { District } from "../engine/types.ts";
import { type GroupSpec, groupSelection, POPULATION, sozialmonitoringComparisons } from "./comparisons.ts";
import type { CountSelection } from "./observation-sums.ts";

/** Which counts behind the segregation results the global Geheimhaltung withholds, and why (null: shown). */
export interface SegregationSecrecy {
  /** The count of a group in a Stadtteil, shown through its location quotient. */
  group(comparison: string, year: number, unit: string, group: string): Secrecy | null;
  /** The focal group's share P of an area (two-group comparisons). */
  share(comparison: string, year: number, area: string): Secrecy | null;
}

type Where = { comparison: string; year: number; unit?: string; group?: string; area?: string };
const key = (w: Where) => `${w.comparison}|${w.year}|${w.unit ?? ""}|${w.group ?? ""}|${w.area ?? ""}`;

/**
 * The counts the segregation results publish, as publications of the same model as the indicator tables, so
 * that one decision covers both: a location quotient shows its group's count in the Stadtteil (with the
 * Stadtteil's population and the area's share it equals x/t), P shows the area's focal group and the rest.
 * Returns the publications and, from the decision, which segregation values to withhold; `withheldBy` goes
 * the other way, from stored results to the publications they withhold (for the audit).
 */
export function segregationPublications(
  model: PublicationModel,
  profiles: readonly ProfileShape[],
  districts: readonly District[],
  years: readonly number[],
): {
  publications: Publication[];
  secrecy: (withheld: readonly (Secrecy | null)[]) => SegregationSecrecy;
  withheldBy: (secrecy: SegregationSecrecy) => boolean[];
} {
  const publications: Publication[] = [];
  const places: Where[] = [];
  const publish = (where: Where, counts: number[], roles: Publication["roles"]) => {
    publications.push({ counts, roles });
    places.push(where);
  };
  const sum = (terms: { count: number; coef: number }[]) => model.addCombination(terms);
  const bezirke = [...new Set(districts.map((d) => d.bezirk))];
  const areas = [
    { area: "stadt", members: districts },
    ...bezirke.map((b) => ({ area: `bezirk:${b}`, members: districts.filter((d) => d.bezirk === b) })),
  ];

  for (const config of sozialmonitoringComparisons(profiles)) {
    for (const year of years) {
      const perUnit = new Map<number, { groups: Map<string, number>; total: number }>();
      for (const d of districts) {
        const explicit = config.groups.filter((g) => "select" in g);
        const counts = new Map<string, number>(
          explicit.map((g) => [g.id, model.addSum(lineSelection(groupSelection(g), year, [d.number]))]),
        );
        const rest = config.groups.find((g): g is Extract<GroupSpec, { restOf: CountSelection }> => "restOf" in g);
        let total: number;
        if (rest) {
          total = model.addSum(lineSelection(rest.restOf, year, [d.number]));
          counts.set(
            rest.id,
            sum([{ count: total, coef: 1 }, ...[...counts.values()].map((c) => ({ count: c, coef: -1 }))]),
          );
        } else total = sum([...counts.values()].map((c) => ({ count: c, coef: 1 })));
        perUnit.set(d.number, { groups: counts, total });
        for (const [group, count] of counts)
          publish(
            { comparison: config.id, year, unit: String(d.number), group },
            [count, total],
            ["numerator", "denominator"],
          );
      }
      if (config.focal === null) continue;
      const focal = config.focal;
      for (const { area, members } of areas) {
        const of = (pick: (u: { groups: Map<string, number>; total: number }) => number) =>
          sum(
            members.flatMap((d) => {
              const u = perUnit.get(d.number);
              return u ? [{ count: pick(u), coef: 1 }] : [];
            }),
          );
        const x = of((u) => u.groups.get(focal) as number);
        const t = of((u) => u.total);
        const others = sum([
          { count: t, coef: 1 },
          { count: x, coef: -1 },
        ]);
        publish({ comparison: config.id, year, area }, [x, others, t], ["numerator", "numerator", "denominator"]);
      }
    }
  }

  // A count with a withheld line is never shown, nor one below 0 (more in the groups than in the population):
  // the result leaves such a Stadtteil or area out.
  const usable = publications.map((p) => p.counts.every((c) => model.values[c] >= 0));
  const shown = places.filter((_, i) => usable[i]);
  return {
    publications: publications.filter((_, i) => usable[i]),
    secrecy: (withheld) => {
      const hidden = new Map(shown.flatMap((w, i) => (withheld[i] === null ? [] : [[key(w), withheld[i]] as const])));
      return {
        group: (comparison, year, unit, group) => hidden.get(key({ comparison, year, unit, group })) ?? null,
        share: (comparison, year, area) => hidden.get(key({ comparison, year, area })) ?? null,
      };
    },
    withheldBy: (secrecy) =>
      shown.map((w) =>
        w.area === undefined
          ? secrecy.group(w.comparison, w.year, w.unit as string, w.group as string) !== null
          : secrecy.share(w.comparison, w.year, w.area) !== null,
      ),
  };
}

/**
 * What the segregation publications of one year read (see `linkedPublications`): the population and every
 * comparison's groups, all of that year.
 */
export function segregationReads(profiles: readonly ProfileShape[]): PublicationReads {
  const read = new Set([POPULATION.profile]);
  for (const config of sozialmonitoringComparisons(profiles)) {
    for (const g of config.groups) read.add(groupSelection(g).profile);
  }
  return { id: SEGREGATION_READS, reads: [...read].map((profile) => ({ profile, yearOffset: 0 })) };
}

/** The kind id of the segregation publications in `linkedPublications`. */
export const SEGREGATION_READS = "segregation";

function lineSelection(s: CountSelection, year: number, districts: number[]) {
  return {
    profile: s.profile,
    year,
    measures: [s.measure],
    filter: {
      conditions: Object.entries(s.where ?? {}).map(([dim, codes]) => ({ dim, codes: new Set(codes) })),
      age: s.ages ?? null,
    },
    districts,
  };
}
