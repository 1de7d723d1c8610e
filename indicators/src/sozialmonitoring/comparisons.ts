import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { CountSelection } from "./observation-sums.ts";

/** A group of a comparison: a sum of observations, or what remains of a population after the other groups. */
export type GroupSpec = { id: string; label: string } & ({ select: CountSelection } | { restOf: CountSelection });

export interface ComparisonConfig {
  id: string;
  label: string;
  kind: "two-group" | "multigroup";
  /** Focal group of the two-group measures; null for a multigroup comparison. */
  focal: string | null;
  /** The reference population in words, stored with every result (choose it once and say so). */
  reference: string;
  groups: GroupSpec[];
}

const einwohner = (where?: CountSelection["where"], ages?: CountSelection["ages"]): CountSelection => ({
  profile: "einwohner",
  measure: "einwohner",
  where,
  ages,
});
const MINORS = { from: 0, to: 17 };
const UNDER_65 = { from: 0, to: 64 };

/** Population of a Stadtteil: every einwohner line, whatever its dimensions. */
export const POPULATION: CountSelection = einwohner();

/**
 * The comparisons of the Sozialmonitoring; groups are taken from the profiles' groupings where one exists.
 * Throws when a profile lacks a grouping a comparison needs.
 *
 * @example
 * sozialmonitoringComparisons(profiles).map((c) => c.id); // ["auslaender_deutsche", "mv_ohne_mv", …]
 */
export function sozialmonitoringComparisons(profiles: readonly ProfileShape[]): ComparisonConfig[] {
  const grouping = (profile: string, name: string, group: string) => {
    const filter = profiles.find((p) => p.id === profile)?.groupings?.[name]?.[group];
    if (!filter) throw new Error(`Gruppierung ${name}.${group} fehlt im Profil ${profile}`);
    return filter;
  };
  return [
    {
      id: "auslaender_deutsche",
      label: "Ausländer/-innen und Deutsche",
      kind: "two-group",
      focal: "auslaender",
      reference: "Einwohner/-innen (Melderegister) nach Staatsangehörigkeit",
      groups: [
        {
          id: "auslaender",
          label: "Ausländer/-innen",
          select: einwohner(grouping("einwohner", "nationalitaet", "auslaendisch")),
        },
        { id: "deutsche", label: "Deutsche", select: einwohner(grouping("einwohner", "nationalitaet", "deutsch")) },
      ],
    },
    {
      id: "mv_ohne_mv",
      label: "Mit und ohne Migrationsvorgeschichte",
      kind: "two-group",
      focal: "mit",
      reference: "Einwohner/-innen (Melderegister) nach Migrationsvorgeschichte",
      groups: [
        {
          id: "mit",
          label: "mit Migrationsvorgeschichte",
          select: einwohner(grouping("einwohner", "migration", "mit")),
        },
        {
          id: "ohne",
          label: "ohne Migrationsvorgeschichte",
          select: einwohner(grouping("einwohner", "migration", "ohne")),
        },
      ],
    },
    {
      id: "minderjaehrige_mv",
      label: "Minderjährige mit und ohne Migrationsvorgeschichte",
      kind: "two-group",
      focal: "mit",
      reference: "Einwohner/-innen unter 18 Jahren (Melderegister) nach Migrationsvorgeschichte",
      groups: [
        {
          id: "mit",
          label: "unter 18 mit Migrationsvorgeschichte",
          select: einwohner(grouping("einwohner", "migration", "mit"), MINORS),
        },
        {
          id: "ohne",
          label: "unter 18 ohne Migrationsvorgeschichte",
          select: einwohner(grouping("einwohner", "migration", "ohne"), MINORS),
        },
      ],
    },
    {
      id: "sgb2_u65",
      label: "SGB-II-Leistungsberechtigte und übrige Bevölkerung unter 65",
      kind: "two-group",
      focal: "sgb2",
      reference:
        "Einwohner/-innen unter 65 Jahren (Melderegister); übrige = Einwohner unter 65 − SGB-II-Leistungsberechtigte unter 65 (BA-Statistik)",
      groups: [
        {
          id: "sgb2",
          label: "SGB-II-Leistungsberechtigte unter 65",
          select: { profile: "arbeitsmarkt", measure: "sgb2_leistungsberechtigte", ages: UNDER_65 },
        },
        { id: "uebrige", label: "übrige Einwohner/-innen unter 65", restOf: einwohner(undefined, UNDER_65) },
      ],
    },
    {
      id: "staatsangehoerigkeit",
      label: "Staatsangehörigkeit (deutsch, EU, Drittstaat, ungeklärt)",
      kind: "multigroup",
      focal: null,
      reference: "Einwohner/-innen (Melderegister) nach Staatsangehörigkeit",
      groups: [
        { id: "deutsch", label: "deutsch", select: einwohner({ staatsangehoerigkeit: ["deutsch"] }) },
        { id: "EU", label: "EU-Staat", select: einwohner({ staatsangehoerigkeit: ["EU"] }) },
        { id: "Drittstaat", label: "Drittstaat", select: einwohner({ staatsangehoerigkeit: ["Drittstaat"] }) },
        {
          id: "ungeklaert",
          label: "ungeklärt/staatenlos",
          select: einwohner({ staatsangehoerigkeit: ["ungeklaert"] }),
        },
      ],
    },
  ];
}

/** The selection a group sums: its own, or the population it is the rest of. */
export const groupSelection = (g: GroupSpec): CountSelection => ("select" in g ? g.select : g.restOf);
