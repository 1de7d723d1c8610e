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

type GroupingOf = (profile: string, name: string, group: string) => CountSelection["where"];

/**
 * The comparisons of the Sozialmonitoring for the city whose extract profiles are given: those on the German
 * population register (`einwohner`) and those on the Dutch BRP (`nl_bevolking`), each where its population
 * profile is among them. Groups are taken from the profiles' groupings where one exists. Throws when a profile
 * lacks a grouping a comparison needs.
 *
 * @example
 * sozialmonitoringComparisons(cityProfiles).map((c) => c.id); // ["auslaender_deutsche", "mv_ohne_mv", …]
 */
export function sozialmonitoringComparisons(profiles: readonly ProfileShape[]): ComparisonConfig[] {
  const grouping: GroupingOf = (profile, name, group) => {
    const filter = profiles.find((p) => p.id === profile)?.groupings?.[name]?.[group];
    if (!filter) throw new Error(`Gruppierung ${name}.${group} fehlt im Profil ${profile}`);
    return filter;
  };
  const has = (profile: string) => profiles.some((p) => p.id === profile);
  return [
    ...(has("einwohner") ? registerComparisons(grouping) : []),
    ...(has("nl_bevolking") ? dutchComparisons(grouping) : []),
  ];
}

/** Münster's comparisons: nationality, Migrationsvorgeschichte, SGB II (the German population register). */
function registerComparisons(grouping: GroupingOf): ComparisonConfig[] {
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

const bevolking = (where?: CountSelection["where"], ages?: CountSelection["ages"]): CountSelection => ({
  profile: "nl_bevolking",
  measure: "inwoners",
  where,
  ages,
});

/**
 * Comparisons on the Dutch BRP by herkomst (CBS classification since 2022): origin outside the Netherlands
 * against Dutch origin, for all inhabitants and for minors, and the three origin groups together. Not the same
 * groups as Münster's Migrationsvorgeschichte (see the catalogue's comparability notes), hence their own ids.
 */
function dutchComparisons(grouping: GroupingOf): ComparisonConfig[] {
  const outside = grouping("nl_bevolking", "migration", "mit");
  const dutch = grouping("nl_bevolking", "migration", "ohne");
  return [
    {
      id: "herkomst_buitenland_nl",
      label: "Herkunft außerhalb der Niederlande und niederländische Herkunft",
      kind: "two-group",
      focal: "buitenland",
      reference: "Einwohner/-innen (BRP) nach Herkunft (CBS-Einteilung 2022)",
      groups: [
        { id: "buitenland", label: "Herkunft außerhalb der Niederlande", select: bevolking(outside) },
        { id: "nederland", label: "niederländische Herkunft", select: bevolking(dutch) },
      ],
    },
    {
      id: "minderjaehrige_herkomst",
      label: "Minderjährige mit Herkunft außerhalb der Niederlande und mit niederländischer Herkunft",
      kind: "two-group",
      focal: "buitenland",
      reference: "Einwohner/-innen unter 18 Jahren (BRP) nach Herkunft (CBS-Einteilung 2022)",
      groups: [
        { id: "buitenland", label: "unter 18, Herkunft außerhalb der Niederlande", select: bevolking(outside, MINORS) },
        { id: "nederland", label: "unter 18, niederländische Herkunft", select: bevolking(dutch, MINORS) },
      ],
    },
    {
      id: "herkomst",
      label: "Herkunft (Niederlande, übriges Europa, außerhalb Europas)",
      kind: "multigroup",
      focal: null,
      reference: "Einwohner/-innen (BRP) nach Herkunft (CBS-Einteilung 2022)",
      groups: [
        { id: "nederland", label: "Niederlande", select: bevolking({ herkomst: ["nederland"] }) },
        { id: "europa", label: "Europa ohne die Niederlande", select: bevolking({ herkomst: ["europa"] }) },
        { id: "buiten_europa", label: "außerhalb Europas", select: bevolking({ herkomst: ["buiten_europa"] }) },
      ],
    },
  ];
}

/** The selection a group sums: its own, or the population it is the rest of. */
export const groupSelection = (g: GroupSpec): CountSelection => ("select" in g ? g.select : g.restOf);
