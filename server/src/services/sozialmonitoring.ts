import { findProfile } from "@im/data-import";
import {
  catalogueIndexConfigs,
  computeSozialindex,
  type DisclosureRule,
  defaultDisclosureRule,
  EARLIER_SUFFIX,
  localDisclosure,
  type SegregationProfile,
  type SozialindexConfig,
  type SozialindexUnit,
  segregationProfile,
  shareDisclosure,
} from "@im/indicators";
import type { District } from "../repositories/districts.ts";
import { getOrCreate } from "./map-utils.ts";
import type { DistrictSums, Observation, Selection } from "./observation-sums.ts";
import { sumSelections } from "./observation-sums.ts";

/** A group of a comparison: a sum of observations, or what remains of a population after the other groups. */
type GroupSpec = { id: string; label: string } & ({ select: Selection } | { restOf: Selection });

export interface ComparisonConfig {
  id: string;
  label: string;
  kind: "two-group" | "multigroup";
  /** Focal group of the two-group measures; null for a multigroup comparison. */
  focal: string | null;
  /** The reference population in words, stored with every result (spec §1: choose it once and say so). */
  reference: string;
  groups: GroupSpec[];
}

function grouping(profile: string, name: string, group: string) {
  const filter = findProfile(profile)?.groupings[name]?.[group];
  if (!filter) throw new Error(`Gruppierung ${name}.${group} fehlt im Profil ${profile}`);
  return filter;
}

const einwohner = (where?: Selection["where"], ages?: Selection["ages"]): Selection => ({
  profile: "einwohner",
  measure: "einwohner",
  where,
  ages,
});
const MINORS = { from: 0, to: 17 };
const UNDER_65 = { from: 0, to: 64 };

/** The comparisons of the Sozialmonitoring; groups are taken from the profiles' groupings where one exists. */
export const comparisons: readonly ComparisonConfig[] = [
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
      { id: "mit", label: "mit Migrationsvorgeschichte", select: einwohner(grouping("einwohner", "migration", "mit")) },
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
      { id: "ungeklaert", label: "ungeklärt/staatenlos", select: einwohner({ staatsangehoerigkeit: ["ungeklaert"] }) },
    ],
  },
];

/** Population of a Stadtteil: every einwohner line, whatever its dimensions. */
const POPULATION: Selection = einwohner();

export interface UnitProblem {
  stadtteil: string;
  name: string;
  message: string;
}

/** What is stored per comparison, year and area: the segregation profile plus how it came about. */
export interface SegregationResult extends Omit<SegregationProfile, "units"> {
  comparison: string;
  year: number;
  area: string;
  kind: ComparisonConfig["kind"];
  reference: string;
  groups: { id: string; label: string }[];
  units: (SegregationProfile["units"][number] & { name: string })[];
  /** Share of the area's population in units that entered the computation. */
  coverage: number | null;
  /** Units left out for this year, with the reason (withheld values, split age bands, x > t, missing delivery). */
  problems: UnitProblem[];
  /**
   * Values the public must not see (Geheimhaltung), with the German reason: `units.<unit>.location_quotients.<group>`,
   * `units.<unit>.local_entropy`, and `P` and two-group measure names of an area whose focal group or rest is 1 or 2.
   */
  suppressed: Record<string, string>;
}

export interface IndexUnit {
  stadtteil: number;
  name: string;
  bezirk: string;
  population: number | null;
  values: Record<string, number>;
  z: Record<string, number>;
  statusIndex: number | null;
  statusClass: string | null;
  dynamicsIndex: number | null;
  dynamicsClass: string | null;
  combinedClass: string | null;
  /** Indicator ids whose value for this Stadtteil is suppressed for the public. */
  confidential: string[];
  /** Why a part of the index is missing (e.g. no value two years earlier for the dynamics). */
  notes: string[];
}

export interface IndexResult {
  year: number;
  previousYear: number | null;
  config: {
    id: string;
    name: string;
    minPopulation: number | null;
    status: { id: string; label: string }[];
    dynamics: { id: string; label: string }[];
    /** The catalogue indicators of the status part, with their catalogue titles (column labels). */
    indicators: { id: string; title: string }[];
  };
  units: IndexUnit[];
  excluded: { stadtteil: number; name: string; reason: string }[];
  problems: string[];
  /**
   * Values the public must not see, with the German reason: `units.<nr>` (the whole Stadtteil),
   * `units.<nr>.values.<id>` (a suppressed indicator value or its change), `z.<id>` (a whole z column) and
   * `statusIndex` / `dynamicsIndex` (the index numbers of every Stadtteil; the classes stay public).
   */
  suppressed: Record<string, string>;
}

/** The Stadtteil rows of indicator_values the index reads (total breakdown). */
export interface IndicatorValueInput {
  indicator: string;
  year: number;
  area: string;
  breakdown: string;
  grp: string;
  value: number | null;
  status: string;
}

export interface SozialmonitoringOutput {
  segregation: SegregationResult[];
  index: IndexResult[];
}

export interface SozialmonitoringOptions {
  /** Index configurations (status ids are catalogue ids); default Münster's core indicators and Berlin-MSS-like S1–S4. */
  configs?: readonly SozialindexConfig[];
  /** Catalogue indicator id → title, for the index columns. */
  titles?: Readonly<Record<string, string>>;
  /** Geheimhaltung of local values and index numbers; default the rule of the indicator tables. */
  rule?: DisclosureRule;
}

/**
 * Segregation for every comparison, year and area (the city and each Stadtbezirk, Stadtteile as units), and
 * the status/dynamics index per configuration and year from the precomputed Stadtteil values of its
 * indicators. Both carry what the public must not see (`suppressed`); the values themselves are stored in full.
 */
export function computeSozialmonitoring(
  observations: Iterable<Observation>,
  indicatorValues: readonly IndicatorValueInput[],
  districts: readonly District[],
  options: SozialmonitoringOptions = {},
): SozialmonitoringOutput {
  const rule = options.rule ?? defaultDisclosureRule;
  const selections: Selection[] = [POPULATION];
  const selectionIndex = (s: Selection) => {
    const key = JSON.stringify(s);
    const found = selections.findIndex((t) => JSON.stringify(t) === key);
    return found >= 0 ? found : selections.push(s) - 1;
  };
  const planned: Plan[] = comparisons.map((c) => ({
    config: c,
    groups: c.groups.map((g) =>
      "select" in g ? { rest: false, at: selectionIndex(g.select) } : { rest: true, at: selectionIndex(g.restOf) },
    ),
  }));
  const sums = sumSelections(observations, selections);

  const segregation: SegregationResult[] = [];
  const areas = [
    { area: "stadt", members: districts },
    ...[...new Set(districts.map((d) => d.bezirk))].map((b) => ({
      area: `bezirk:${b}`,
      members: districts.filter((d) => d.bezirk === b),
    })),
  ];
  for (const plan of planned) {
    const profiles = new Set(plan.config.groups.map((g) => ("select" in g ? g.select.profile : g.restOf.profile)));
    for (const [year, byDistrict] of [...sums].sort((a, b) => a[0] - b[0])) {
      const deliveredAnywhere = [...byDistrict.values()].some((s) => [...profiles].every((p) => s.delivered.has(p)));
      if (!deliveredAnywhere) continue;
      const computed = areas.map(({ area, members }) => segregationFor(plan, year, area, members, byDistrict));
      // One decision per Stadtteil and group for all areas of this comparison and year (see localDisclosure).
      const counts = new Map(computed.flatMap((c) => c.counts).map((u) => [u.unit, u]));
      const local = localDisclosure(
        {
          groups: plan.config.groups.map((g) => g.id),
          units: [...counts.values()],
          areas: computed.map((c) => ({ area: c.result.area, units: c.result.units.map((u) => u.unit) })),
        },
        rule,
      );
      for (const { result, counts: units } of computed) {
        result.suppressed = areaSuppression(result, units, rule);
        for (const u of result.units) {
          for (const [key, reason] of Object.entries(local.get(u.unit) ?? {})) {
            result.suppressed[`units.${u.unit}.${key}`] = reason;
          }
        }
        segregation.push(result);
      }
    }
  }

  const population = (year: number, district: number) => {
    const s = sums.get(year)?.get(district);
    return s?.delivered.has("einwohner") ? s.sums[0] : null;
  };
  const configs = options.configs ?? catalogueIndexConfigs;
  const index = configs.flatMap((config) =>
    computeIndex(indicatorValues, districts, population, config, options.titles ?? {}, rule),
  );
  return { segregation, index };
}

/** Two-group measures that, for an area of one Stadtteil, are functions of its share P (the others are 0 there). */
const SHARE_MEASURES = ["isolation", "exposure", "exposure_other", "isolation_other"];

/**
 * Area-level Geheimhaltung of a two-group result: when the focal group or everybody else in the area is 1 or
 * 2 people (or the area has fewer than 10), P and the two-group measures would place them; they are withheld.
 * For an area of one Stadtteil only the measures that equal P or 1 − P are (the others are 0 by construction).
 */
function areaSuppression(
  result: SegregationResult,
  units: readonly { unit: string; counts: Record<string, number> }[],
  rule: DisclosureRule,
): Record<string, string> {
  const suppressed: Record<string, string> = {};
  if (result.focal === null || result.P === null) return suppressed;
  const focal = result.focal;
  const x = units.reduce((acc, u) => acc + (u.counts[focal] ?? 0), 0);
  const t = units.reduce((acc, u) => acc + Object.values(u.counts).reduce((a, b) => a + b, 0), 0);
  const reason = shareDisclosure([x, t - x], rule);
  if (reason === null) return suppressed;
  suppressed.P = reason;
  const keys = units.length > 1 ? Object.keys(result.measures) : SHARE_MEASURES;
  for (const key of keys) {
    if ((result.measures as unknown as Record<string, number | null>)[key] !== null) suppressed[key] = reason;
  }
  return suppressed;
}

/** A comparison with each group's position in the summed selections. */
interface Plan {
  config: ComparisonConfig;
  groups: { rest: boolean; at: number }[];
}

function segregationFor(
  plan: Plan,
  year: number,
  area: string,
  members: readonly District[],
  byDistrict: Map<number, DistrictSums>,
): { result: SegregationResult; counts: { unit: string; counts: Record<string, number> }[] } {
  const { config } = plan;
  const problems: UnitProblem[] = [];
  const units: { unit: string; counts: Record<string, number> }[] = [];
  let kept = 0;
  let left = 0;
  for (const d of members) {
    const s = byDistrict.get(d.number);
    const problem = (message: string) => problems.push({ stadtteil: String(d.number), name: d.name, message });
    if (!s) continue;
    const profiles = config.groups.map((g) => ("select" in g ? g.select : g.restOf).profile);
    const missing = [...new Set(profiles.filter((p) => !s.delivered.has(p)))];
    if (missing.length > 0) {
      problem(`Keine Daten aus ${missing.join(", ")} für ${year}.`);
      continue;
    }
    const split = plan.groups.map((g) => s.split[g.at]).find((code) => code !== null);
    if (split) {
      problem(`Die gelieferte Altersgruppe ${split} passt nicht zur Altersabgrenzung des Vergleichs.`);
      left += groupTotal(plan, s.sums);
      continue;
    }
    if (plan.groups.some((g) => s.withheld[g.at])) {
      problem("Mindestens ein Wert wurde geheim gehalten (. oder x); das Gebiet wird für dieses Jahr ausgelassen.");
      left += groupTotal(plan, s.sums);
      continue;
    }
    const counts: Record<string, number> = {};
    const explicit = plan.groups.reduce((acc, g) => (g.rest ? acc : acc + s.sums[g.at]), 0);
    for (const [k, g] of plan.groups.entries())
      counts[config.groups[k].id] = g.rest ? s.sums[g.at] - explicit : s.sums[g.at];
    if (config.groups.some((g) => counts[g.id] < 0)) {
      const whole = plan.groups.find((g) => g.rest);
      const parts = config.groups.filter((_, k) => !plan.groups[k].rest).map((g) => g.label);
      problem(
        `Unstimmige Daten: ${parts.join(", ")} (${explicit}) sind mehr als die Bezugsbevölkerung (${whole ? s.sums[whole.at] : "?"}); das Gebiet wird für dieses Jahr ausgelassen.`,
      );
      left += explicit;
      continue;
    }
    units.push({ unit: String(d.number), counts });
    kept += Object.values(counts).reduce((a, b) => a + b, 0);
  }

  const profile = segregationProfile(
    { groups: config.groups.map((g) => g.id), units },
    config.focal === null ? {} : { focal: config.focal },
  );
  const names = new Map(members.map((d) => [String(d.number), d.name]));
  const result: SegregationResult = {
    comparison: config.id,
    year,
    area,
    kind: config.kind,
    reference: config.reference,
    groups: config.groups.map(({ id, label }) => ({ id, label })),
    ...profile,
    units: profile.units.map((u) => ({ ...u, name: names.get(u.unit) ?? u.unit })),
    coverage: kept + left > 0 ? kept / (kept + left) : null,
    problems,
    suppressed: {},
  };
  return { result, counts: units };
}

function groupTotal(plan: Plan, sums: Float64Array): number {
  const rest = plan.groups.find((g) => g.rest);
  return rest ? sums[rest.at] : plan.groups.reduce((acc, g) => acc + sums[g.at], 0);
}

const SUPPRESSED_VALUE =
  "Geheimhaltung: der Indikatorwert dieses Stadtteils ist gesperrt (oder einer der beiden Werte der Veränderung)";
const SUPPRESSED_Z =
  "Geheimhaltung: die z-Werte eines Indikators mit gesperrtem Stadtteilwert werden nicht veröffentlicht; der gesperrte Wert ließe sich aus den übrigen errechnen (sie summieren sich zu 0)";
const SUPPRESSED_INDEX =
  "Geheimhaltung: der Index wird nur als Klasse veröffentlicht; aus den Indexwerten und den übrigen z-Werten ließe sich ein gesperrter Indikatorwert errechnen";

/**
 * What the public must not see of one index result. A suppressed indicator value (or a change computed from
 * one) is withheld with its z-value; because z-values and re-standardised indices sum to 0 over the
 * Stadtteile, the whole z column of that indicator and the index numbers of that part (status or dynamics)
 * are withheld for every Stadtteil, and only the classes stay public. A Stadtteil with 1 to 9 inhabitants
 * (only possible without a population threshold) is withheld as a whole.
 */
function indexSuppression(units: readonly IndexUnit[], config: SozialindexConfig, rule: DisclosureRule) {
  const suppressed: Record<string, string> = {};
  const whole = new Set<number>();
  for (const u of units) {
    if (u.population !== null && u.population > 0 && u.population < rule.minDenominator) {
      suppressed[`units.${u.stadtteil}`] = `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`;
      whole.add(u.stadtteil);
    }
    for (const id of u.confidential) suppressed[`units.${u.stadtteil}.values.${id}`] = SUPPRESSED_VALUE;
  }
  for (const [key, specs] of [
    ["statusIndex", config.status],
    ["dynamicsIndex", config.dynamics],
  ] as const) {
    const affected = specs.filter((spec) =>
      units.some((u) => whole.has(u.stadtteil) || (u.confidential.includes(spec.id) && spec.id in u.z)),
    );
    if (affected.length === 0) continue;
    suppressed[key] = SUPPRESSED_INDEX;
    for (const spec of affected) suppressed[`z.${spec.id}`] = SUPPRESSED_Z;
  }
  return suppressed;
}

function computeIndex(
  rows: readonly IndicatorValueInput[],
  districts: readonly District[],
  population: (year: number, district: number) => number | null,
  config: SozialindexConfig,
  titles: Readonly<Record<string, string>>,
  rule: DisclosureRule,
): IndexResult[] {
  const wanted = new Set(config.status.map((s) => s.id));
  // year → Stadtteil → indicator → value (null: not usable), plus which values the public must not see
  const values = new Map<number, Map<string, Record<string, number | null>>>();
  const confidential = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!wanted.has(r.indicator) || r.breakdown !== "gesamt" || r.grp !== "gesamt" || !/^\d+$/.test(r.area)) continue;
    const entry = getOrCreate(
      getOrCreate(values, r.year, () => new Map()),
      r.area,
      () => ({}),
    );
    const usable = r.status === "ok" || r.status === "suppressed";
    entry[r.indicator] = usable ? r.value : null;
    if (r.status === "suppressed") {
      const key = `${r.year}|${r.area}`;
      confidential.set(key, (confidential.get(key) ?? new Set()).add(r.indicator));
    }
  }

  const results: IndexResult[] = [];
  for (const year of [...values.keys()].sort((a, b) => a - b)) {
    const earlierYear = year - config.lagYears;
    const earlier = values.get(earlierYear);
    const current = values.get(year) ?? new Map();
    // A year that only a city-level delivery opened (say, the press office's 2026 file) has no index yet.
    const hasValues = [...current.values()].some((v) => Object.values(v).some((x) => x !== null));
    if (!hasValues) continue;
    const input: SozialindexUnit[] = districts.map((d) => {
      const unit = String(d.number);
      const now = current.get(unit) ?? {};
      const before = earlier?.get(unit) ?? {};
      const unitValues: SozialindexUnit["values"] = {};
      for (const spec of config.status) {
        unitValues[spec.id] = now[spec.id] ?? null;
        unitValues[spec.id + EARLIER_SUFFIX] = before[spec.id] ?? null;
      }
      return { unit, population: population(year, d.number), values: unitValues };
    });
    const computed = computeSozialindex(input, config);

    const units: IndexUnit[] = [];
    const excluded: IndexResult["excluded"] = [];
    computed.units.forEach((u, i) => {
      const d = districts[i];
      if (!u.status) {
        excluded.push({
          stadtteil: d.number,
          name: d.name,
          reason: u.exclusions.join("; ") || "kein Statusindex berechenbar",
        });
        return;
      }
      const shown: Record<string, number> = {};
      for (const spec of config.status) shown[spec.id] = input[i].values[spec.id] as number;
      for (const spec of config.dynamics) {
        const now = input[i].values[spec.changeOf ?? ""];
        const before = input[i].values[(spec.changeOf ?? "") + EARLIER_SUFFIX];
        if (typeof now === "number" && typeof before === "number") shown[spec.id] = now - before;
      }
      const secret = [...(confidential.get(`${year}|${u.unit}`) ?? [])];
      const secretEarlier = confidential.get(`${earlierYear}|${u.unit}`) ?? new Set<string>();
      for (const spec of config.dynamics) {
        if (spec.changeOf && (secret.includes(spec.changeOf) || secretEarlier.has(spec.changeOf))) secret.push(spec.id);
      }
      units.push({
        stadtteil: d.number,
        name: d.name,
        bezirk: d.bezirk,
        population: u.population,
        values: shown,
        z: { ...u.status.z, ...(u.dynamics?.z ?? {}) },
        statusIndex: u.status.index,
        statusClass: u.status.class,
        dynamicsIndex: u.dynamics?.index ?? null,
        dynamicsClass: u.dynamics?.class ?? null,
        combinedClass: u.combinedClass,
        confidential: secret,
        notes: u.exclusions,
      });
    });
    results.push({
      year,
      previousYear: earlier ? earlierYear : null,
      config: {
        id: config.id,
        name: config.name,
        minPopulation: config.minPopulation,
        status: config.status.map(({ id, label }) => ({ id, label })),
        dynamics: config.dynamics.map(({ id, label }) => ({ id, label })),
        indicators: config.status.map(({ id, label }) => ({ id, title: titles[id] ?? label })),
      },
      units,
      excluded,
      problems: computed.problems,
      suppressed: indexSuppression(units, config, rule),
    });
  }
  return results;
}
