import type { DatabaseHandle } from "../db/connection.ts";
import { selectSozialmonitoring, sozialmonitoringCoverage } from "../repositories/sozialmonitoring.ts";
import type { IndexResponse, SegregationResponse, SeriesResponse } from "../schemas/sozialmonitoring.ts";
import { cached } from "./read-cache.ts";
import { RequestProblem } from "./replies.ts";
import { comparisons, type IndexResult, type SegregationResult } from "./sozialmonitoring.ts";

const allowed = (values: readonly (string | number)[]) => (values.length ? values.join(", ") : "keine");

interface Coverage {
  segregationYears: number[];
  segregationAreas: string[];
  indexYears: number[];
}

function coverage(database: DatabaseHandle): Promise<Coverage> {
  return cached(database, "sozialmonitoring-coverage", async () => {
    const rows = await sozialmonitoringCoverage(database.db);
    const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);
    const segregation = rows.filter((r) => r.kind === "segregation");
    return {
      segregationYears: sorted(segregation.map((r) => r.year)),
      segregationAreas: [...new Set(segregation.map((r) => r.area))],
      indexYears: sorted(rows.filter((r) => r.kind === "index").map((r) => r.year)),
    };
  });
}

function checkComparison(id: string | undefined) {
  if (id !== undefined && !comparisons.some((c) => c.id === id)) {
    throw new RequestProblem(
      400,
      `Unbekannter Vergleich „${id}“. Erlaubt sind: ${allowed(comparisons.map((c) => c.id))}.`,
    );
  }
}

async function checkSegregationFilter(
  database: DatabaseHandle,
  filter: { year?: number; comparison?: string; area?: string },
) {
  checkComparison(filter.comparison);
  const { segregationYears, segregationAreas } = await coverage(database);
  if (filter.year !== undefined && !segregationYears.includes(filter.year)) {
    throw new RequestProblem(
      400,
      `Für ${filter.year} gibt es keine Segregationswerte. Verfügbare Jahre: ${allowed(segregationYears)}.`,
    );
  }
  if (filter.area !== undefined && !segregationAreas.includes(filter.area)) {
    throw new RequestProblem(400, `Unbekanntes Gebiet „${filter.area}“. Erlaubt sind: ${allowed(segregationAreas)}.`);
  }
}

async function storedSegregation(
  database: DatabaseHandle,
  filter: { year?: number; comparison?: string; area?: string },
) {
  const rows = await selectSozialmonitoring(database.db, {
    kind: "segregation",
    year: filter.year,
    key: filter.comparison,
    area: filter.area,
  });
  return rows.map((r) => JSON.parse(r.result) as SegregationResult);
}

/** Two-group comparisons carry no multigroup block: with two groups it repeats the two-group measures. */
const multigroupOf = (r: SegregationResult) => (r.kind === "multigroup" ? { ...r.multigroup } : null);

export async function segregationResults(
  database: DatabaseHandle,
  filter: { year?: number; comparison?: string; area?: string },
): Promise<SegregationResponse> {
  await checkSegregationFilter(database, filter);
  const results = await storedSegregation(database, filter);
  return {
    results: results.map((r) => ({
      comparison: r.comparison,
      year: r.year,
      area: r.area,
      kind: r.kind,
      reference: r.reference,
      groups: r.groups,
      focal: r.focal,
      P: r.P,
      atkinsonB: r.atkinsonB,
      measures: { ...r.measures },
      multigroup: multigroupOf(r),
      units: r.units,
      undefinedReasons: r.undefinedReasons,
      coverage: r.coverage,
      problems: r.problems,
    })),
  };
}

export async function segregationSeries(
  database: DatabaseHandle,
  comparison: string,
  area?: string,
): Promise<SeriesResponse> {
  await checkSegregationFilter(database, { comparison, area });
  const results = await storedSegregation(database, { comparison, area });
  return {
    comparison,
    series: results.map((r) => ({
      year: r.year,
      area: r.area,
      measures: { ...r.measures },
      multigroup: multigroupOf(r),
      coverage: r.coverage,
    })),
  };
}

/** The index of a year (default: the latest); values behind suppressed indicator cells are blanked for the public. */
export async function indexFor(
  database: DatabaseHandle,
  year: number | undefined,
  analyst: boolean,
): Promise<IndexResponse> {
  const { indexYears } = await coverage(database);
  if (indexYears.length === 0) {
    throw new RequestProblem(
      404,
      "Es gibt noch keinen Sozialindex: dafür fehlen importierte Einwohner- und SGB-II-Daten.",
    );
  }
  if (year !== undefined && !indexYears.includes(year)) {
    throw new RequestProblem(400, `Für ${year} gibt es keinen Sozialindex. Verfügbare Jahre: ${allowed(indexYears)}.`);
  }
  const wanted = year ?? indexYears[indexYears.length - 1];
  const [row] = await selectSozialmonitoring(database.db, { kind: "index", year: wanted });
  const result = JSON.parse(row.result) as IndexResult;
  return {
    ...result,
    units: result.units.map(({ confidential, ...u }) => {
      if (analyst) return confidential.length ? { ...u, confidential } : u;
      const values: Record<string, number | null> = { ...u.values };
      const z: Record<string, number | null> = { ...u.z };
      for (const id of confidential) {
        if (id in values) values[id] = null;
        if (id in z) z[id] = null;
      }
      return { ...u, values, z };
    }),
  };
}
