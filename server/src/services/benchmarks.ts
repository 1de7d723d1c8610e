import { type BenchmarkCategory, compareWithBenchmark, type IndicatorMeta, TOTAL } from "@im/indicators";
import type { DatabaseHandle } from "../db/connection.ts";
import { translate } from "../i18n/index.ts";
import { type IndicatorValueRow, selectValues } from "../repositories/indicator-values.ts";
import type { BenchmarksResponse } from "../schemas/benchmarks.ts";
import type { ReadContext } from "./indicator-reads.ts";
import { RequestProblem } from "./replies.ts";

/** A stored row a reader may use: published values, and for analysts the withheld ones too. */
export function usableRow(row: IndicatorValueRow | undefined, analyst: boolean): IndicatorValueRow | null {
  return row && (row.status === "ok" || (analyst && row.status === "suppressed")) ? row : null;
}

/** An area's row against a benchmark row (the city, a Bezirk) of the same indicator and year. */
export function benchmarkCategory(
  here: IndicatorValueRow | undefined,
  reference: IndicatorValueRow | undefined,
  meta: Pick<IndicatorMeta, "unit" | "polarity">,
  analyst: boolean,
): BenchmarkCategory {
  const area = usableRow(here, analyst);
  return compareWithBenchmark({
    numerator: area?.numerator ?? null,
    denominator: area?.denominator ?? null,
    benchmark: usableRow(reference, analyst)?.value ?? null,
    factor: meta.unit === "%" ? 100 : 1000,
    polarity: meta.polarity,
  }).category;
}

/**
 * Every Bezirk and Stadtteil against the city for the indicators of one Handlungsfeld, in one year per
 * indicator (the asked one, else its latest): the table Fingertips calls "compare areas".
 */
export async function areaBenchmarks(
  database: DatabaseHandle,
  context: ReadContext,
  request: { field: string; year?: number },
  analyst: boolean,
): Promise<BenchmarksResponse> {
  const { catalogue } = context.catalogue;
  const field = catalogue.fields.find((f) => f.id === request.field);
  if (!field) {
    throw new RequestProblem(400, "field.unknown", {
      field: request.field,
      allowed: catalogue.fields.map((f) => f.id),
    });
  }
  const metas = context.catalogue.list.filter((m) => m.field === field.id);
  const areaIds = [...context.areaNames.keys()].filter((a) => a !== "stadt");
  const indicators: BenchmarksResponse["indicators"] = [];
  const cells = new Map<string, BenchmarksResponse["areas"][number]["cells"]>(areaIds.map((a) => [a, []]));
  for (const meta of metas) {
    const rows = (
      await selectValues(database.db, { release: context.release, indicator: meta.id, breakdown: TOTAL.id })
    ).filter((r) => r.grp === TOTAL.id);
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const year = request.year ?? years.at(-1) ?? null;
    const inYear = new Map(rows.filter((r) => r.year === year).map((r) => [r.area, r]));
    const cityRow = inYear.get("stadt");
    const city = usableRow(cityRow, analyst);
    indicators.push({
      id: meta.id,
      title: meta.title,
      shortTitle: meta.shortTitle,
      translations: meta.translations,
      unit: meta.unit,
      polarity: meta.polarity,
      year: inYear.size > 0 ? year : null,
      city: city?.value ?? null,
    });
    for (const area of areaIds) {
      const row = inYear.get(area);
      cells.get(area)?.push({
        value: usableRow(row, analyst)?.value ?? null,
        status: row?.status ?? "missing",
        ...(row?.status === "suppressed" && analyst ? { confidential: true as const } : {}),
        category: benchmarkCategory(row, cityRow, meta, analyst),
      });
    }
  }
  return {
    field: { id: field.id, title: field.title, translations: field.translations },
    method: translate(context.language, "benchmark.method"),
    indicators,
    areas: areaIds.map((area) => ({
      area,
      name: context.areaNames.get(area) ?? area,
      kind: area.startsWith("bezirk:") ? "bezirk" : "stadtteil",
      cells: cells.get(area) ?? [],
    })),
  };
}
