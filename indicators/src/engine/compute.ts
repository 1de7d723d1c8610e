import { type ProfileShape, profileLabel } from "../catalogue/profile-shape.ts";
import type { AgeRange, Catalogue } from "../catalogue/schema.ts";
import { bandPosition, decodeDims, parseAgeCode, rangeText } from "./dims.ts";
import { type CellFilter, type IndicatorPlan, planCatalogue, type Side } from "./plan.ts";
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

/** profile → year → measure → observations: built once, so each side of each year reads only its own lines. */
type ObservationIndex = Map<string, Map<number, Map<string, Observation[]>>>;

function indexObservations(observations: readonly Observation[]): ObservationIndex {
  const index: ObservationIndex = new Map();
  for (const o of observations) {
    let byYear = index.get(o.profile);
    if (!byYear) index.set(o.profile, (byYear = new Map()));
    let byMeasure = byYear.get(o.year);
    if (!byMeasure) byYear.set(o.year, (byMeasure = new Map()));
    let list = byMeasure.get(o.measure);
    if (!list) byMeasure.set(o.measure, (list = []));
    list.push(o);
  }
  return index;
}

interface Decoded {
  values: Record<string, string>;
  band: AgeRange | null;
  bandCode: string | null;
}

/** How one dims string contributes to the columns of one side: fully, or not at all because of a split band. */
interface Contribution {
  columns: number[];
  split: { column: number; band: string }[];
}

/** Sums of one side and one year per (column × bucket). */
interface SideSums {
  missing: boolean;
  extractYear: number;
  sums: Float64Array;
  withheld: Uint8Array;
  split: Map<number, string>;
}

class Evaluator {
  private readonly decoded = new Map<string, Decoded>();
  constructor(
    private readonly index: ObservationIndex,
    private readonly bucketOf: (district: number | null) => number,
    private readonly bucketCount: number,
  ) {}

  private decode(dims: string): Decoded {
    let d = this.decoded.get(dims);
    if (!d) {
      const values = decodeDims(dims);
      const bandCode = values.alter ?? null;
      d = { values, bandCode, band: bandCode === null ? null : parseAgeCode(bandCode) };
      this.decoded.set(dims, d);
    }
    return d;
  }

  private classify(dims: string, filters: readonly CellFilter[]): Contribution {
    const d = this.decode(dims);
    const out: Contribution = { columns: [], split: [] };
    filters.forEach((f, column) => {
      for (const c of f.conditions) if (!c.codes.has(d.values[c.dim])) return;
      if (f.age) {
        // A line without a readable age band cannot be placed in an age range: treat it like a split band.
        const position = d.band ? bandPosition(d.band, f.age) : "split";
        if (position === "outside") return;
        if (position === "split") {
          out.split.push({ column, band: d.bandCode ?? "ohne Altersangabe" });
          return;
        }
      }
      out.columns.push(column);
    });
    return out;
  }

  /** One pass over the side's observations of one year, accumulating into (column × bucket). */
  evaluate(side: Side, filters: readonly CellFilter[], cache: Map<string, Contribution>, year: number): SideSums {
    const extractYear = year + side.selection.yearOffset;
    const byMeasure = this.index.get(side.profile.id)?.get(extractYear);
    const size = filters.length * this.bucketCount;
    const result: SideSums = {
      missing: byMeasure === undefined,
      extractYear,
      sums: new Float64Array(size),
      withheld: new Uint8Array(size),
      split: new Map(),
    };
    if (!byMeasure) return result;
    const B = this.bucketCount;
    for (const measure of side.selection.measures) {
      for (const o of byMeasure.get(measure) ?? []) {
        let c = cache.get(o.dims);
        if (!c) cache.set(o.dims, (c = this.classify(o.dims, filters)));
        const bucket = this.bucketOf(o.district);
        for (const column of c.columns) {
          const k = column * B + bucket;
          if (o.value === null) result.withheld[k] = 1;
          else result.sums[k] += o.value;
        }
        for (const s of c.split) {
          const k = s.column * B + bucket;
          if (!result.split.has(k)) result.split.set(k, s.band);
        }
      }
    }
    return result;
  }
}

interface Cell {
  sum: number;
  withheld: boolean;
  band: string | null;
}

function rollUp(side: SideSums, column: number, area: Area, B: number): Cell {
  let sum = 0;
  let withheld = false;
  let band: string | null = null;
  for (const b of area.buckets) {
    const k = column * B + b;
    sum += side.sums[k];
    if (side.withheld[k]) withheld = true;
    if (band === null && side.split.size > 0) band = side.split.get(k) ?? null;
  }
  return { sum, withheld, band };
}

function missingText(side: Side, sums: SideSums): string {
  const when = side.selection.yearOffset === 0 ? "" : " (Stichtag des Vorjahres)";
  return `${side.name}: kein Auszug ${profileLabel(side.profile)} für ${sums.extractYear}${when}`;
}

function status(
  plan: IndicatorPlan,
  filters: { numerator: CellFilter; denominator: CellFilter },
  num: { sums: SideSums; cell: Cell },
  den: { sums: SideSums; cell: Cell },
): { status: ValueStatus; detail: string | null } {
  const sides = [
    { side: plan.numerator, filter: filters.numerator, ...num },
    { side: plan.denominator, filter: filters.denominator, ...den },
  ];
  const missing = sides.filter((s) => s.sums.missing);
  if (missing.length) return { status: "missing", detail: missing.map((s) => missingText(s.side, s.sums)).join("; ") };
  const split = sides.filter((s) => s.cell.band !== null);
  if (split.length) {
    const detail = split
      .map(
        (s) =>
          `Altersgruppe ${s.cell.band} wird durch den Bereich ${rangeText(s.filter.age ?? { from: 0, to: null })} geteilt ` +
          `(${s.side.name}, Auszug „${s.side.profile.id}“ ${s.sums.extractYear})`,
      )
      .join("; ");
    return { status: "band_split", detail };
  }
  const withheld = sides.filter((s) => s.cell.withheld);
  if (withheld.length) {
    const detail = withheld
      .map((s) => `${s.side.name}: ein gesperrter Wert („.“) des Auszugs „${s.side.profile.id}“ ${s.sums.extractYear} geht in die Summe ein`)
      .join("; ");
    return { status: "withheld", detail };
  }
  if (den.cell.sum === 0) return { status: "denominator_zero", detail: "Der Nenner ist 0; ein Anteil ist nicht berechenbar." };
  return { status: "ok", detail: null };
}

function areasOf(districts: readonly District[], cityName: string) {
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
  const index = indexObservations(input.observations);
  const years = input.years
    ? [...input.years].sort((a, b) => a - b)
    : [...new Set(input.observations.map((o) => o.year))].sort((a, b) => a - b);
  const areas = areasOf(input.districts, input.cityName ?? "Gesamtstadt");
  const evaluator = new Evaluator(index, areas.bucketOf, areas.bucketCount);
  const B = areas.bucketCount;
  const rows: IndicatorRow[] = [];

  for (const plan of plans) {
    const numFilters = plan.columns.map((c) => c.numerator);
    const denFilters = plan.columns.map((c) => c.denominator);
    const numCache = new Map<string, Contribution>();
    const denCache = new Map<string, Contribution>();
    const areaList = plan.cityOnly ? [areas.city] : areas.all;
    for (const year of years) {
      const num = evaluator.evaluate(plan.numerator, numFilters, numCache, year);
      const den = evaluator.evaluate(plan.denominator, denFilters, denCache, year);
      for (const area of areaList) {
        plan.columns.forEach((column, c) => {
          const numCell = rollUp(num, c, area, B);
          const denCell = rollUp(den, c, area, B);
          const s = status(plan, column, { sums: num, cell: numCell }, { sums: den, cell: denCell });
          const numbers = s.status === "ok" || s.status === "denominator_zero";
          rows.push({
            indicator: plan.indicator.id,
            year,
            area: area.id,
            areaName: area.name,
            breakdown: column.breakdown,
            group: column.group,
            groupLabel: column.groupLabel,
            numerator: numbers ? numCell.sum : null,
            denominator: numbers ? denCell.sum : null,
            value: s.status === "ok" ? (numCell.sum / denCell.sum) * plan.factor : null,
            status: s.status,
            statusDetail: s.detail,
          });
        });
      }
    }
  }
  return rows;
}
