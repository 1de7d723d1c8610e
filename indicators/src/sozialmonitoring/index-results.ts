import { TOTAL } from "../catalogue/total.ts";
import type { DisclosureRule } from "../disclosure/disclosure.ts";
import { getOrCreate } from "../engine/maps.ts";
import type { District } from "../engine/types.ts";
import { computeSozialindex, EARLIER_SUFFIX } from "../sozialindex/compute.ts";
import type { SozialindexConfig, SozialindexUnit } from "../sozialindex/types.ts";

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

/**
 * The status/dynamics index of one configuration for every year with Stadtteil values of its indicators,
 * with the Stadtteil populations for the threshold and what the public must not see (`suppressed`).
 */
export function computeIndexResults(
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
    if (!wanted.has(r.indicator) || r.breakdown !== TOTAL.id || r.grp !== TOTAL.id || !/^\d+$/.test(r.area)) continue;
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
