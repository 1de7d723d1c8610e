import { type ProfileShape, profileLabel } from "../catalogue/profile-shape.ts";
import type { AgeRange, Catalogue } from "../catalogue/schema.ts";
import { bandPosition, decodeDims, parseAgeCode, rangeText } from "./dims.ts";
import { getOrCreate } from "./maps.ts";
import { type CellFilter, planCatalogue, type SideTerm } from "./plan.ts";
import type { District, IndicatorRow, Observation, ValueStatus } from "./types.ts";

export interface ComputeInput {
  /** A catalogue that passed `parseCatalogue` against the same profiles. */
  catalogue: Catalogue;
  profiles: readonly ProfileShape[];
  observations: readonly Observation[];
  districts: readonly District[];
  /** Years to compute; default every year that any observation has. */
  years?: readonly number[];
  /** Name of the `stadt` area; default "Gesamtstadt". */
  cityName?: string;
}

interface Area {
  id: string;
  name: string;
  /** Bucket indexes summed for this area. */
  buckets: readonly number[];
}

/** The observations of one profile, year and measure, column-wise: dims id, bucket, value (NaN = withheld). */
interface Batch {
  dims: Int32Array;
  bucket: Int32Array;
  value: Float64Array;
}

/** profile → year → measure → batch; built once, so each side of each year reads only its own lines. */
interface ObservationIndex {
  batches: Map<string, Map<number, Map<string, Batch>>>;
  /** Distinct dims strings; observations refer to them by position. */
  dims: string[];
}

function indexObservations(
  observations: readonly Observation[],
  bucketOf: (district: number | null) => number,
): ObservationIndex {
  // Two passes without intermediate arrays of objects: (1) a batch number and a dims id per observation and
  // the size of each batch, (2) typed arrays filled in place. Observations are many; this keeps GC work low.
  const dimsIds = new Map<string, number>();
  const dims: string[] = [];
  const keys = new Map<string, Map<number, Map<string, number>>>();
  const sizes: number[] = [];
  const batchOf = new Int32Array(observations.length);
  const dimsOf = new Int32Array(observations.length);
  for (let n = 0; n < observations.length; n++) {
    const o = observations[n];
    let id = dimsIds.get(o.dims);
    if (id === undefined) {
      id = dims.length;
      dims.push(o.dims);
      dimsIds.set(o.dims, id);
    }
    dimsOf[n] = id;
    const byMeasure = getOrCreate(
      getOrCreate(keys, o.profile, () => new Map()),
      o.year,
      () => new Map<string, number>(),
    );
    let batch = byMeasure.get(o.measure);
    if (batch === undefined) {
      batch = sizes.length;
      sizes.push(0);
      byMeasure.set(o.measure, batch);
    }
    batchOf[n] = batch;
    sizes[batch]++;
  }
  const filled: Batch[] = sizes.map((size) => ({
    dims: new Int32Array(size),
    bucket: new Int32Array(size),
    value: new Float64Array(size),
  }));
  const cursor = new Int32Array(sizes.length);
  for (let n = 0; n < observations.length; n++) {
    const o = observations[n];
    const batch = batchOf[n];
    const at = cursor[batch]++;
    const target = filled[batch];
    target.dims[at] = dimsOf[n];
    target.bucket[at] = bucketOf(o.district);
    // NaN marks a withheld value; it is never added to a sum (see Evaluator.evaluate).
    target.value[at] = o.value === null ? Number.NaN : o.value;
  }
  const batches: ObservationIndex["batches"] = new Map();
  for (const [profile, byYear] of keys) {
    const years = new Map<number, Map<string, Batch>>();
    for (const [year, byMeasure] of byYear) {
      years.set(year, new Map([...byMeasure].map(([measure, batch]) => [measure, filled[batch]])));
    }
    batches.set(profile, years);
  }
  return { batches, dims };
}

interface Decoded {
  values: Record<string, string>;
  band: AgeRange | null;
  bandCode: string | null;
}

/** How one dims string contributes to the columns of one side: fully, or not at all because of a split band. */
interface Contribution {
  columns: Int32Array;
  /** null when no column's age range splits this line's band (the common case). */
  split: { column: number; band: string }[] | null;
}

/** Sums of one term of a side and one year per (column × bucket). */
interface SideSums {
  missing: boolean;
  extractYear: number;
  sums: Float64Array;
  withheld: Uint8Array;
  split: Map<number, string>;
}

class Evaluator {
  private readonly decoded: (Decoded | undefined)[];
  constructor(
    private readonly index: ObservationIndex,
    private readonly bucketCount: number,
  ) {
    this.decoded = new Array(index.dims.length).fill(undefined);
  }

  /** A classification cache for one side: one slot per distinct dims string. */
  newCache(): (Contribution | undefined)[] {
    return new Array(this.index.dims.length).fill(undefined);
  }

  private decode(id: number): Decoded {
    let d = this.decoded[id];
    if (!d) {
      const values = decodeDims(this.index.dims[id]);
      const bandCode = values.alter ?? null;
      d = { values, bandCode, band: bandCode === null ? null : parseAgeCode(bandCode) };
      this.decoded[id] = d;
    }
    return d;
  }

  private classify(id: number, filters: readonly CellFilter[]): Contribution {
    const d = this.decode(id);
    const columns: number[] = [];
    const split: Contribution["split"] = [];
    filters.forEach((f, column) => {
      for (const c of f.conditions) if (!c.codes.has(d.values[c.dim])) return;
      if (f.age) {
        // A line without a readable age band cannot be placed in an age range: treat it like a split band.
        const position = d.band ? bandPosition(d.band, f.age) : "split";
        if (position === "outside") return;
        if (position === "split") {
          split.push({ column, band: d.bandCode ?? "ohne Altersangabe" });
          return;
        }
      }
      columns.push(column);
    });
    return { columns: Int32Array.from(columns), split: split.length ? split : null };
  }

  /**
   * One pass over the term's observations of one year, accumulating into (column × bucket). `cache` holds
   * the classification of each dims id for this term, so each distinct line shape is decoded once.
   */
  evaluate(
    term: SideTerm,
    filters: readonly CellFilter[],
    cache: (Contribution | undefined)[],
    year: number,
  ): SideSums {
    const extractYear = year + term.selection.yearOffset;
    const byMeasure = this.index.batches.get(term.profile.id)?.get(extractYear);
    const B = this.bucketCount;
    const size = filters.length * B;
    const result: SideSums = {
      missing: byMeasure === undefined,
      extractYear,
      sums: new Float64Array(size),
      withheld: new Uint8Array(size),
      split: new Map(),
    };
    if (!byMeasure) return result;
    const { sums, withheld } = result;
    for (const measure of term.selection.measures) {
      const batch = byMeasure.get(measure);
      if (!batch) continue;
      const { dims, bucket, value } = batch;
      for (let i = 0; i < dims.length; i++) {
        const id = dims[i];
        let c = cache[id];
        if (c === undefined) {
          c = this.classify(id, filters);
          cache[id] = c;
        }
        const b = bucket[i];
        const v = value[i];
        const columns = c.columns;
        for (let j = 0; j < columns.length; j++) {
          const k = columns[j] * B + b;
          if (Number.isNaN(v)) withheld[k] = 1;
          else sums[k] += v;
        }
        if (c.split !== null) {
          for (const s of c.split) {
            const k = s.column * B + b;
            if (!result.split.has(k)) result.split.set(k, s.band);
          }
        }
      }
    }
    return result;
  }
}

/** One side of one year summed per (column × area); index = column × areas + area. */
interface AreaSums {
  sums: Float64Array;
  withheld: Uint8Array;
  /** The first split band per cell, only for cells that have one. */
  band: Map<number, string>;
}

function rollUp(side: SideSums, columns: number, areas: readonly Area[], B: number): AreaSums {
  const A = areas.length;
  const out: AreaSums = { sums: new Float64Array(columns * A), withheld: new Uint8Array(columns * A), band: new Map() };
  for (let c = 0; c < columns; c++) {
    for (let a = 0; a < A; a++) {
      let sum = 0;
      let withheld = 0;
      let band: string | undefined;
      for (const b of areas[a].buckets) {
        const k = c * B + b;
        sum += side.sums[k];
        withheld |= side.withheld[k];
        if (band === undefined && side.split.size > 0) band = side.split.get(k);
      }
      const at = c * A + a;
      out.sums[at] = sum;
      out.withheld[at] = withheld;
      if (band !== undefined) out.band.set(at, band);
    }
  }
  return out;
}

function missingText(term: SideTerm, sums: SideSums): string {
  const when = term.selection.yearOffset === 0 ? "" : " (Stichtag des Vorjahres)";
  return `${term.side}: kein Auszug ${profileLabel(term.profile)} für ${sums.extractYear}${when}`;
}

/** One term of one side in one cell. */
interface TermCell {
  term: SideTerm;
  filter: CellFilter;
  sums: SideSums;
  band: string | undefined;
  withheld: boolean;
}

const distinct = (texts: string[]) => [...new Set(texts)].join("; ");

function status(
  cells: readonly TermCell[],
  numerator: number,
  denominator: number,
): { status: ValueStatus; detail: string | null } {
  if (cells.every((c) => !c.sums.missing && c.band === undefined && !c.withheld)) {
    if (numerator < 0) return negativeNumerator(cells, numerator);
    return denominator === 0 ? DENOMINATOR_ZERO : OK;
  }
  const missing = cells.filter((c) => c.sums.missing);
  // Two terms of one side from the same missing extract are named once.
  if (missing.length) return { status: "missing", detail: distinct(missing.map((c) => missingText(c.term, c.sums))) };
  const split = cells.filter((c) => c.band !== undefined);
  if (split.length) {
    const detail = split
      .map(
        (c) =>
          `Altersgruppe ${c.band} wird durch den Bereich ${rangeText(c.filter.age ?? { from: 0, to: null })} geteilt ` +
          `(${c.term.name}, Auszug „${c.term.profile.id}“ ${c.sums.extractYear})`,
      )
      .join("; ");
    return { status: "band_split", detail };
  }
  const withheld = cells.filter((c) => c.withheld);
  const detail = distinct(
    withheld.map(
      (c) =>
        `${c.term.name}: ein gesperrter Wert („.“) des Auszugs „${c.term.profile.id}“ ${c.sums.extractYear} geht in die Summe ein`,
    ),
  );
  return { status: "withheld", detail };
}

/**
 * A numerator of signed terms below 0 (e.g. more unemployed SGB II recipients than SGB II recipients): the
 * deliveries contradict each other, so no share is shown. Reported as `missing` with the terms named.
 */
function negativeNumerator(cells: readonly TermCell[], numerator: number) {
  const terms = cells
    .filter((c) => c.term.side === "Zähler")
    .map((c) => `${c.term.sign < 0 ? "−" : "+"} ${c.term.selection.measures.join("+")} (${c.term.profile.id})`)
    .join(" ");
  return {
    status: "missing" as const,
    detail: `Zähler: die Terme ergeben ${numerator} (${terms.replace(/^\+ /, "")}); die Lieferungen passen nicht zusammen, kein Anteil berechenbar.`,
  };
}

const OK = { status: "ok", detail: null } as const;
const DENOMINATOR_ZERO = {
  status: "denominator_zero",
  detail: "Der Nenner ist 0; ein Anteil ist nicht berechenbar.",
} as const;

export function areasOf(districts: readonly District[], cityName: string) {
  const sorted = [...districts].sort((a, b) => a.number - b.number);
  const bucketIndex = new Map(sorted.map((d, i) => [d.number, i]));
  // The extra last bucket holds lines of city-level profiles (district null) and of unknown Stadtteile,
  // which count for the city only.
  const outside = sorted.length;
  const bucketCount = sorted.length + 1;
  const bezirke = new Map<string, number[]>();
  sorted.forEach((d, i) => {
    const list = bezirke.get(d.bezirk) ?? [];
    list.push(i);
    bezirke.set(d.bezirk, list);
  });
  const city: Area = { id: "stadt", name: cityName, buckets: Array.from({ length: bucketCount }, (_, i) => i) };
  const all: Area[] = [
    city,
    ...[...bezirke].map(([name, buckets]) => ({ id: `bezirk:${name}`, name: `Stadtbezirk ${name}`, buckets })),
    ...sorted.map((d, i) => ({ id: String(d.number), name: d.name, buckets: [i] })),
  ];
  return {
    city,
    all,
    bucketCount,
    bucketOf: (district: number | null) => (district === null ? outside : (bucketIndex.get(district) ?? outside)),
  };
}

/**
 * Computes every indicator of the catalogue for every year, area and breakdown group. Areas: `stadt`, each
 * `bezirk:<name>` and each Stadtteil (indicators with a city-level profile on either side: `stadt` only).
 * Each side of each year is one pass over that profile's observations of the needed measures; Stadtteile
 * are then rolled up to Bezirke and the city. A cell that cannot be computed honestly gets an explicit
 * status instead of a number: `missing`, `band_split`, `withheld`, `denominator_zero`.
 * Rows are ordered by catalogue order, year, area (city, Bezirke, Stadtteile by number), breakdown, group.
 *
 * @example
 * const rows = computeIndicators({ catalogue, profiles, observations, districts });
 * rows.find((r) => r.indicator === "anteil_mv" && r.year === 2020 && r.area === "stadt" && r.group === "gesamt");
 * // { value: 22.4, numerator: 69098, denominator: 305235, status: "ok", ... }
 */
export function computeIndicators(input: ComputeInput): IndicatorRow[] {
  const plans = planCatalogue(input.catalogue, input.profiles);
  const areas = areasOf(input.districts, input.cityName ?? "Gesamtstadt");
  const index = indexObservations(input.observations, areas.bucketOf);
  const years = input.years
    ? [...input.years].sort((a, b) => a - b)
    : [...new Set([...index.batches.values()].flatMap((byYear) => [...byYear.keys()]))].sort((a, b) => a - b);
  const evaluator = new Evaluator(index, areas.bucketCount);
  const B = areas.bucketCount;
  const rows: IndicatorRow[] = [];

  for (const plan of plans) {
    const terms = [...plan.numerator.terms, ...plan.denominator.terms];
    const numeratorTerms = plan.numerator.terms.length;
    // Per term: the column filters and a classification cache (a term sees each line shape once).
    const termFilters = terms.map((_, k) =>
      plan.columns.map((c) => (k < numeratorTerms ? c.numerator[k] : c.denominator[k - numeratorTerms])),
    );
    const caches = terms.map(() => evaluator.newCache());
    const areaList = plan.cityOnly ? [areas.city] : areas.all;
    const A = areaList.length;
    const C = plan.columns.length;
    for (const year of years) {
      const sums = terms.map((term, k) => evaluator.evaluate(term, termFilters[k], caches[k], year));
      const rolled = sums.map((s) => rollUp(s, C, areaList, B));
      for (let a = 0; a < A; a++) {
        const area = areaList[a];
        for (let c = 0; c < C; c++) {
          const column = plan.columns[c];
          const at = c * A + a;
          let numerator = 0;
          let denominator = 0;
          const cells: TermCell[] = terms.map((term, k) => {
            const value = term.sign * rolled[k].sums[at];
            if (k < numeratorTerms) numerator += value;
            else denominator += value;
            return {
              term,
              filter: termFilters[k][c],
              sums: sums[k],
              band: rolled[k].band.get(at),
              withheld: rolled[k].withheld[at] === 1,
            };
          });
          const s = status(cells, numerator, denominator);
          const numbers = s.status === "ok" || s.status === "denominator_zero";
          rows.push({
            indicator: plan.indicator.id,
            year,
            area: area.id,
            areaName: area.name,
            breakdown: column.breakdown,
            group: column.group,
            groupLabel: column.groupLabel,
            numerator: numbers ? numerator : null,
            denominator: numbers ? denominator : null,
            // Multiplying first keeps exact results exact: 300 · 100 / 1000 = 30, not 30.000000000000004.
            value: s.status === "ok" ? (numerator * plan.factor) / denominator : null,
            status: s.status,
            statusDetail: s.detail,
          });
        }
      }
    }
  }
  return rows;
}
