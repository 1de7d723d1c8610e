import { classIndex, zScores } from "./standardise.ts";
import type {
  IndexScore,
  IndicatorSpec,
  SozialindexConfig,
  SozialindexResult,
  SozialindexUnit,
  SozialindexUnitResult,
} from "./types.ts";

/** Suffix of the value two (lagYears) years earlier, used to derive a change: `sgb2_15_64_st_vorher`. */
export const EARLIER_SUFFIX = "_vorher";

const STATUS_CODES = ["1", "2", "3", "4"];
const DYNAMICS_CODES = ["+", "+/-", "-"];

/**
 * Composite status and dynamics index: per part, z-standardise every indicator over the included
 * units, orient by polarity, sum or average with equal weights, optionally z-standardise the aggregate again,
 * and classify at the configured cut-offs. Units below the population threshold, units excluded by the config
 * and units with a missing value are left out of the standardisation and carry German reasons instead.
 *
 * @example
 * // stadtteile: [{ unit: "61 Coerde", population: 10555, values: { sgb2_15_64_st: 18.7, kinder_sgb2_u15: 36.2, anteil_mv_u18: 70.1 } }, …]
 * const result = computeSozialindex(stadtteile, sozialindexConfigs.muenster);
 * result.units[0].status?.class; // e.g. "sehr niedrig": index > 1.5 SD above the average burden
 */
export function computeSozialindex(units: SozialindexUnit[], config: SozialindexConfig): SozialindexResult {
  const seen = new Set<string>();
  for (const { unit } of units) {
    if (seen.has(unit)) throw new Error(`Gebiet „${unit}“ ist mehrfach aufgeführt.`);
    seen.add(unit);
  }

  const filterReasons = units.map((u) => unitFilterReasons(u, config));
  const status = computePart("Statusindex", config.status, units, filterReasons, config, STATUS_CODES);
  const dynamics =
    config.dynamics.length > 0
      ? computePart("Dynamikindex", config.dynamics, units, filterReasons, config, DYNAMICS_CODES)
      : undefined;

  const results: SozialindexUnitResult[] = units.map((u, i) => {
    const statusScore = status.scores[i];
    const dynamicsScore = dynamics?.scores[i] ?? null;
    return {
      unit: u.unit,
      population: u.population ?? null,
      status: statusScore,
      dynamics: dynamicsScore,
      combinedClass: statusScore && dynamicsScore ? `${statusScore.code} ${dynamicsScore.code}` : null,
      exclusions: [...filterReasons[i], ...status.missing[i], ...(dynamics?.missing[i] ?? [])],
    };
  });
  return {
    config: config.id,
    units: results,
    included: { status: status.included, dynamics: dynamics?.included ?? 0 },
    problems: [...status.problems, ...(dynamics?.problems ?? [])],
  };
}

function unitFilterReasons(u: SozialindexUnit, config: SozialindexConfig): string[] {
  if (config.excludeUnits.includes(u.unit))
    return ["von der Berechnung ausgenommen (Sondergebiet/Ausreißer laut Konfiguration)"];
  const population = u.population;
  if (config.minPopulation !== null && population != null && population < config.minPopulation) {
    return [`weniger als ${config.minPopulation} Einwohner (${population})`];
  }
  return [];
}

interface PartResult {
  scores: (IndexScore | null)[];
  /** Per unit: missing values that kept it out of this part. */
  missing: string[][];
  included: number;
  problems: string[];
}

function computePart(
  part: "Statusindex" | "Dynamikindex",
  indicators: IndicatorSpec[],
  units: SozialindexUnit[],
  filterReasons: string[][],
  config: SozialindexConfig,
  codes: string[],
): PartResult {
  const missing: string[][] = units.map(() => []);
  const rows: { unit: number; values: number[] }[] = [];
  units.forEach((u, i) => {
    if (filterReasons[i].length > 0) return;
    const values = indicators.map((spec) => indicatorValue(u, spec, config.inputsAreZ));
    indicators.forEach((spec, k) => {
      if (values[k] === undefined)
        missing[i].push(`${part}: Wert für „${spec.id}“ fehlt${derivationHint(spec, config)}`);
    });
    if (missing[i].length === 0) rows.push({ unit: i, values: values as number[] });
  });

  const scores: (IndexScore | null)[] = units.map(() => null);
  const result = { scores, missing, included: rows.length, problems: [] as string[] };
  if (rows.length < 2) {
    result.problems.push(`${part}: weniger als zwei Gebiete mit vollständigen Werten; kein Index berechnet.`);
    return result;
  }

  const z: number[][] = [];
  for (const [k, spec] of indicators.entries()) {
    const column = rows.map((r) => r.values[k]);
    const standardised = config.inputsAreZ ? column : zScores(column, config.sdDivisor);
    if (!standardised) {
      result.problems.push(`${part}: Indikator „${spec.id}“ hat in allen Gebieten denselben Wert; keine z-Werte.`);
      return result;
    }
    z.push(standardised);
  }
  const aggregates = rows.map((_, r) => {
    const total = indicators.reduce((acc, spec, k) => acc + (spec.polarity ?? 1) * z[k][r], 0);
    return config.aggregate === "sum" ? total : total / indicators.length;
  });
  const indices = config.restandardise ? zScores(aggregates, config.sdDivisor) : aggregates;
  if (!indices) {
    result.problems.push(`${part}: alle Gebiete haben denselben Summenwert; kein Index berechnet.`);
    return result;
  }

  const [cuts, labels] =
    part === "Statusindex"
      ? [config.cuts.status, config.labels.status]
      : [config.cuts.dynamics, config.labels.dynamics];
  rows.forEach((row, r) => {
    const c = classIndex(indices[r], cuts);
    scores[row.unit] = {
      z: Object.fromEntries(indicators.map((spec, k) => [spec.id, z[k][r]])),
      aggregate: aggregates[r],
      index: indices[r],
      class: labels[c],
      code: codes[c],
    };
  });
  return result;
}

/** The indicator value, or a change derived from the current and the earlier value; undefined if missing. */
function indicatorValue(u: SozialindexUnit, spec: IndicatorSpec, inputsAreZ: boolean): number | undefined {
  const value = finite(u.values[spec.id]);
  if (value !== undefined || !spec.changeOf || inputsAreZ) return value;
  const current = finite(u.values[spec.changeOf]);
  const earlier = finite(u.values[spec.changeOf + EARLIER_SUFFIX]);
  return current !== undefined && earlier !== undefined ? current - earlier : undefined;
}

function derivationHint(spec: IndicatorSpec, config: SozialindexConfig): string {
  if (!spec.changeOf || config.inputsAreZ) return "";
  return ` (auch nicht aus „${spec.changeOf}“ und „${spec.changeOf}${EARLIER_SUFFIX}“ ableitbar)`;
}

function finite(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
