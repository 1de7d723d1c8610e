import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { Catalogue } from "../catalogue/schema.ts";
import { areasOf } from "../engine/compute.ts";
import { bandPosition, decodeDims, parseAgeCode } from "../engine/dims.ts";
import { getOrCreate } from "../engine/maps.ts";
import { type CellFilter, planCatalogue } from "../engine/plan.ts";
import type { District, IndicatorRow, Observation } from "../engine/types.ts";
import { LinearSystem } from "./linear-system.ts";
import { hash53 } from "./protect.ts";

/** Every count the indicator tables can publish, as sums of the imported lines (the finest cells). */
export interface PublicationModel {
  system: LinearSystem;
  /** The true value of every count; NaN where a withheld line takes part. */
  readonly values: Float64Array;
  /** Per row of the indicator table (same order): its numerator and denominator count. */
  rowCounts: { numerator: number; denominator: number }[];
  /**
   * Additive relations `[total, ...parts]` between counts: a Bezirk and its Stadtteile, the city and its
   * Bezirke, a total and the groups that split it. Used to choose secondary suppressions quickly; the audit
   * itself needs none of them (it works on the lines).
   */
  relations: number[][];
  /** Per line: its Stadtteil's position, then its Bezirk's (city-level lines share one): nested areas. */
  cellAreas: Int32Array[];
  /** Where a count is shown first, e.g. `anteil_mv 2020 · 76 · geschlecht=w · Zähler`. */
  describe(count: number): string;
  /** A name of a count that is the same in every run: a hash of the lines it sums (or of its parts). */
  countKey(count: number): string;
  /** The extracts (`profile|year`, sorted) whose lines the counts sum. */
  extractsOf(counts: readonly number[]): string[];
  /** Adds a sum of lines (e.g. a segregation input) and returns its count. */
  addSum(selection: LineSelection): number;
  /** Adds a signed sum of counts and returns its count. */
  addCombination(terms: readonly { count: number; coef: number }[]): number;
}

/** The lines of one profile, year and measure set whose dims match `filter`, in the given Stadtteile. */
export interface LineSelection {
  profile: string;
  year: number;
  measures: readonly string[];
  filter: CellFilter;
  /** Stadtteil numbers; `null`: every line of the profile and year (the city). */
  districts: readonly number[] | null;
}

type Key = string;
const rowKey = (indicator: string, year: number, area: string, breakdown: string, group: string): Key =>
  `${indicator}|${year}|${area}|${breakdown}|${group}`;

/**
 * Builds the linear relations behind every published number from the data as imported: a count of an
 * indicator cell is the sum of the lines its term selects, a Bezirk the sum of its Stadtteile, the city the
 * sum of its Bezirke and of the lines without a Stadtteil. Equal sums in different tables (a shared
 * denominator, a year−1 population, an age band that is another indicator's band) become one count, so a
 * decision about a count holds in every table.
 *
 * @example
 * const model = publicationModel({ catalogue, profiles, observations, districts, rows });
 * model.values[model.rowCounts[0].numerator]; // rows[0].numerator, when rows[0] is ok
 */
export function publicationModel(input: {
  catalogue: Catalogue;
  profiles: readonly ProfileShape[];
  observations: readonly Observation[];
  districts: readonly District[];
  rows: readonly IndicatorRow[];
}): PublicationModel {
  const { observations } = input;
  const system = new LinearSystem(observations.length);
  const areas = areasOf(input.districts, "");
  const lines = new LineIndex(observations, areas.bucketOf, areas.bucketCount);

  const yearsOf = new Map<string, Set<number>>();
  for (const r of input.rows) getOrCreate(yearsOf, r.indicator, () => new Set<number>()).add(r.year);
  const sides = new Map<Key, { numerator: number; denominator: number }>();
  const relations = new Relations();
  const labels: string[] = [];
  const label = (count: number, text: () => string) => {
    if (labels[count] === undefined) labels[count] = text();
  };

  for (const plan of planCatalogue(input.catalogue, input.profiles)) {
    const terms = [...plan.numerator.terms, ...plan.denominator.terms];
    const numeratorTerms = plan.numerator.terms.length;
    const areaList = plan.cityOnly ? [areas.city] : areas.all;
    for (const year of yearsOf.get(plan.indicator.id) ?? []) {
      // Per term and column: the count of each bucket (Stadtteil, or the whole city for city-level
      // indicators), then of each area.
      const termLeaves = terms.map((term, k) =>
        plan.columns.map((column) => {
          const filter = k < numeratorTerms ? column.numerator[k] : column.denominator[k - numeratorTerms];
          const perBucket = lines.match(
            term.profile.id,
            year + term.selection.yearOffset,
            term.selection.measures,
            filter,
          );
          return plan.cityOnly
            ? [system.sumOfCells(perBucket.flat())]
            : perBucket.map((cells) => system.sumOfCells(cells));
        }),
      );
      const areaBuckets = plan.cityOnly ? [[0]] : areaList.map((area) => area.buckets);
      const termCounts = termLeaves.map((columns) =>
        columns.map((leaves) => {
          if (plan.cityOnly) return leaves;
          const byArea = new Map<string, number>();
          for (const area of areaList) {
            if (area.id !== "stadt")
              byArea.set(
                area.id,
                sumOf(
                  system,
                  area.buckets.map((b) => leaves[b]),
                ),
              );
          }
          const bezirke = areaList
            .filter((area) => area.id.startsWith("bezirk:"))
            .map((area) => byArea.get(area.id) as number);
          byArea.set("stadt", sumOf(system, [...bezirke, leaves[areas.bucketCount - 1]]));
          return areaList.map((area) => byArea.get(area.id) as number);
        }),
      );
      termCounts.forEach((columns, k) => {
        columns.forEach((counts, c) => {
          counts.forEach((count, a) => {
            label(
              count,
              () =>
                `${terms[k].profile.id} ${year + terms[k].selection.yearOffset} · ${areaList[a].id} · ${plan.columns[c].breakdown}=${plan.columns[c].group} · ${terms[k].selection.measures.join("+")} (${plan.indicator.id}, ${terms[k].name})`,
            );
          });
        });
      });
      // Where the groups of a breakdown split the total line by line in every Stadtteil of an area, the area's
      // total is the sum of its groups: a relation an attacker can use, decided by the data, not the catalogue.
      const total = plan.columns.findIndex((c) => c.breakdown === "gesamt");
      const byBreakdown = new Map<string, number[]>();
      plan.columns.forEach((c, i) => {
        if (c.breakdown !== "gesamt") getOrCreate(byBreakdown, c.breakdown, () => []).push(i);
      });
      termLeaves.forEach((columns, k) => {
        if (total < 0) return;
        for (const groups of byBreakdown.values()) {
          const splits = columns[total].map((leaf, b) =>
            partitions(
              system,
              leaf,
              groups.map((g) => columns[g][b]),
            ),
          );
          areaBuckets.forEach((buckets, a) => {
            if (buckets.every((b) => splits[b]))
              relations.add([termCounts[k][total][a], ...groups.map((g) => termCounts[k][g][a])]);
          });
        }
      });
      plan.columns.forEach((column, c) => {
        areaList.forEach((area, a) => {
          const at = plan.cityOnly ? 0 : a;
          const side = (from: number, to: number) =>
            system.sumOfCounts(
              terms.slice(from, to).map((term, k) => ({ count: termCounts[from + k][c][at], coef: term.sign })),
            );
          const numerator = side(0, numeratorTerms);
          const denominator = side(numeratorTerms, terms.length);
          const where = `${plan.indicator.id} ${year} · ${area.id} · ${column.breakdown}=${column.group}`;
          label(numerator, () => `${where} · Zähler`);
          label(denominator, () => `${where} · Nenner`);
          sides.set(rowKey(plan.indicator.id, year, area.id, column.breakdown, column.group), {
            numerator,
            denominator,
          });
        });
      });
    }
  }

  const rowCounts = input.rows.map(
    (r) => sides.get(rowKey(r.indicator, r.year, r.area, r.breakdown, r.group)) ?? { numerator: -1, denominator: -1 },
  );
  const cellValues = Float64Array.from(observations, (o) => (o.value === null ? Number.NaN : o.value));
  // Counts added later get their values when next asked for, all at once.
  let values = system.evaluate(cellValues);
  const model: PublicationModel = {
    get values() {
      if (values.length < system.counts.length) values = system.evaluate(cellValues, values);
      return values;
    },
    system,
    rowCounts,
    relations: relations.list(system),
    cellAreas: [lines.bucket, regionsOf(lines.bucket, areas.all, areas.bucketCount)],
    describe: (count) => labels[count] ?? `Zählgröße ${count}`,
    countKey: stableKeys(system, observations),
    extractsOf(counts) {
      const extracts = new Set<string>();
      for (const k of counts) {
        for (const p of system.counts[k].parts) {
          if (p < system.cells) extracts.add(`${observations[p].profile}|${observations[p].year}`);
        }
      }
      return [...extracts].sort();
    },
    addSum(selection) {
      const { profile, year, measures, filter } = selection;
      const buckets =
        selection.districts === null
          ? lines.match(profile, year, measures, filter).flat()
          : lines.matchIn(profile, year, measures, filter, selection.districts.map(areas.bucketOf));
      return system.sumOfCells(buckets);
    },
    addCombination: (terms) => system.sumOfCounts(terms),
  };
  return model;
}

function stableKeys(system: LinearSystem, observations: readonly Observation[]): (count: number) => string {
  const keys: string[] = [];
  const cellKey = (i: number) => {
    const o = observations[i];
    return `${o.profile}|${o.year}|${o.district}|${o.dims}|${o.measure}`;
  };
  const key = (count: number): string => {
    let known = keys[count];
    if (known === undefined) {
      const { parts, coefs } = system.counts[count];
      const named = Array.from(parts, (p, i) =>
        p < system.cells ? cellKey(p) : `${coefs[i]}*${key(p - system.cells)}`,
      ).sort();
      known = hash53(named.join(";"));
      keys[count] = known;
    }
    return known;
  };
  return key;
}

/** Per line: the position of its Bezirk among the areas; lines outside every Bezirk share the last. */
function regionsOf(buckets: Int32Array, areas: readonly { id: string; buckets: readonly number[] }[], count: number) {
  const region = new Int32Array(count).fill(count);
  areas.forEach((area, a) => {
    if (area.id.startsWith("bezirk:")) for (const b of area.buckets) region[b] = a;
  });
  return Int32Array.from(buckets, (b) => region[b]);
}

const sumOf = (system: LinearSystem, counts: readonly number[]) =>
  system.sumOfCounts(counts.map((count) => ({ count, coef: 1 })));

/** Whether the parts' lines are disjoint and together exactly the total's lines. */
function partitions(system: LinearSystem, total: number, parts: readonly number[]): boolean {
  const lines = system.counts[total].parts;
  let size = 0;
  const seen = new Set<number>();
  for (const p of parts) {
    for (const cell of system.counts[p].parts) {
      if (seen.has(cell)) return false;
      seen.add(cell);
    }
    size += system.counts[p].parts.length;
  }
  return size === lines.length && lines.every((cell) => seen.has(cell));
}

/** Distinct relations; the sums of counts the system holds (Bezirke, the city) are added by `list`. */
class Relations {
  private readonly known = new Map<string, number[]>();
  add(relation: number[]) {
    if (relation.slice(1).every((c) => c === relation[0])) return;
    this.known.set(relation.join(","), relation);
  }
  list(system: LinearSystem): number[][] {
    system.counts.forEach((c, k) => {
      if (c.parts.length > 1 && c.parts[0] >= system.cells && c.coefs.every((x) => x === 1))
        this.add([k, ...Array.from(c.parts, (p) => p - system.cells)]);
    });
    return [...this.known.values()];
  }
}

interface DecodedLine {
  values: Record<string, string>;
  band: ReturnType<typeof parseAgeCode>;
}

/**
 * The observations by profile, year, measure and bucket, each distinct dims string decoded once. By bucket,
 * so that a sum over a few Stadtteile reads only their lines: the segregation inputs ask per Stadtteil, and a
 * scan of the whole city each time made the Geheimhaltung grow with Stadtteile × lines (minutes for 300 areas).
 */
class LineIndex {
  /** `profile|year|measure` → per bucket the lines, in file order; lines of 0 are left out (see `match`). */
  private readonly byKey = new Map<string, number[][]>();
  /** Per line: the position of its dims string in `shapes`. */
  private readonly shapeOf: Int32Array;
  private readonly shapes: DecodedLine[] = [];
  readonly bucket: Int32Array;

  constructor(
    observations: readonly Observation[],
    bucketOf: (district: number | null) => number,
    private readonly buckets: number,
  ) {
    this.bucket = Int32Array.from(observations, (o) => bucketOf(o.district));
    this.shapeOf = new Int32Array(observations.length);
    const shapeIds = new Map<string, number>();
    observations.forEach((o, i) => {
      let shape = shapeIds.get(o.dims);
      if (shape === undefined) {
        shape = this.shapes.length;
        shapeIds.set(o.dims, shape);
        const values = decodeDims(o.dims);
        this.shapes.push({ values, band: values.alter === undefined ? null : parseAgeCode(values.alter) });
      }
      this.shapeOf[i] = shape;
      // A line of 0 is left out: an attacker may as well know it (it identifies nobody), and the programs shrink.
      if (o.value === 0) return;
      const perBucket = getOrCreate(this.byKey, `${o.profile}|${o.year}|${o.measure}`, () =>
        Array.from({ length: buckets }, (): number[] => []),
      );
      perBucket[this.bucket[i]].push(i);
    });
  }

  private counts(line: number, filter: CellFilter): boolean {
    const shape = this.shapes[this.shapeOf[line]];
    if (!filter.conditions.every((c) => c.codes.has(shape.values[c.dim]))) return false;
    return !filter.age || (shape.band !== null && bandPosition(shape.band, filter.age) === "inside");
  }

  /** Lines counted by the filter, per bucket. Lines whose age band a range splits are left out. */
  match(profile: string, year: number, measures: readonly string[], filter: CellFilter): number[][] {
    const out: number[][] = Array.from({ length: this.buckets }, () => []);
    for (const measure of measures) {
      const perBucket = this.byKey.get(`${profile}|${year}|${measure}`);
      perBucket?.forEach((lines, b) => {
        for (const i of lines) if (this.counts(i, filter)) out[b].push(i);
      });
    }
    return out;
  }

  /** As `match`, for the given buckets only, one after the other. */
  matchIn(
    profile: string,
    year: number,
    measures: readonly string[],
    filter: CellFilter,
    buckets: readonly number[],
  ): number[] {
    const out: number[] = [];
    for (const b of buckets) {
      for (const measure of measures) {
        for (const i of this.byKey.get(`${profile}|${year}|${measure}`)?.[b] ?? []) {
          if (this.counts(i, filter)) out.push(i);
        }
      }
    }
    return out;
  }
}
