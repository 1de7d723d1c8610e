import { createHash } from "node:crypto";
import type { District, IndicatorRow } from "@im/indicators";
import type { IndicatorValueRow } from "../repositories/indicator-values.ts";

/**
 * What the stored results were computed from: the current extract of every profile and year (an extract's lines
 * never change after its import) and the districts. Kept in `meta` with the results, so that the next
 * recomputation can tell which extracts an upload changed.
 */
export interface ResultInputs {
  /** `profile|year` → id of the current extract. */
  extracts: Record<string, number>;
  /** Hash of the districts (number, name, Bezirk). */
  districts: string;
}

export const RESULT_INPUTS_KEY = "result_inputs";

export interface ExtractChange {
  profile: string;
  year: number;
}

export function resultInputs(
  extracts: readonly { id: number; profile: string; year: number }[],
  districts: readonly District[],
): ResultInputs {
  const hash = createHash("sha256");
  for (const d of districts) hash.update(`${d.number}\t${d.name}\t${d.bezirk}\n`);
  return {
    extracts: Object.fromEntries(
      [...extracts].sort((a, b) => a.id - b.id).map((e) => [`${e.profile}|${e.year}`, e.id]),
    ),
    districts: hash.digest("hex"),
  };
}

/**
 * The profiles and years whose current extract differs between the stored results' inputs and now, or null when
 * the two cannot be compared (no inputs stored, other districts): then only a full recomputation is right.
 */
export function changedExtracts(stored: string | null, now: ResultInputs): ExtractChange[] | null {
  if (!stored) return null;
  const before = JSON.parse(stored) as ResultInputs;
  if (before.districts !== now.districts) return null;
  const keys = new Set([...Object.keys(before.extracts), ...Object.keys(now.extracts)]);
  return [...keys]
    .filter((key) => before.extracts[key] !== now.extracts[key])
    .map((key) => {
      const [profile, year] = key.split("|");
      return { profile, year: Number(year) };
    });
}

/**
 * The years whose indicator rows an upload can change: its own year, and the next one, whose rows may read
 * the previous year's extract (`yearOffset: -1`). Other years' rows read none of its lines.
 */
export function yearsReading(changes: readonly ExtractChange[]): Set<number> {
  return new Set(changes.flatMap((c) => [c.year, c.year + 1]));
}

const DENOMINATOR_ZERO_DETAIL = "Der Nenner ist 0; ein Anteil ist nicht berechenbar.";

/**
 * A stored row as the engine computed it, before the Geheimhaltung: a suppressed row showed numbers, so it was
 * `ok` (with a value) or `denominator_zero` (without); every other row is stored as computed. Names of areas and
 * groups are not stored and not needed by what follows (Geheimhaltung, Sozialmonitoring).
 */
export function asComputed(row: IndicatorValueRow): IndicatorRow {
  const suppressed = row.status === "suppressed";
  const status = suppressed ? (row.value === null ? "denominator_zero" : "ok") : (row.status as IndicatorRow["status"]);
  return {
    indicator: row.indicator,
    year: row.year,
    area: row.area,
    areaName: "",
    breakdown: row.breakdown,
    group: row.grp,
    groupLabel: "",
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value,
    status,
    statusDetail: suppressed ? (status === "ok" ? null : DENOMINATOR_ZERO_DETAIL) : row.status_detail,
  };
}

/**
 * The engine's rows for every year: `computed` for the years it was run for, the stored rows (as computed) for
 * the others, in the engine's order (indicator as in the catalogue, then year, then as computed).
 */
export function mergeRows(
  indicatorOrder: readonly string[],
  years: readonly number[],
  recomputedYears: ReadonlySet<number>,
  computed: readonly IndicatorRow[],
  stored: readonly IndicatorValueRow[],
): IndicatorRow[] {
  const byIndicatorYear = new Map<string, IndicatorRow[]>();
  const add = (r: IndicatorRow) => {
    const key = `${r.indicator}|${r.year}`;
    const list = byIndicatorYear.get(key);
    if (list) list.push(r);
    else byIndicatorYear.set(key, [r]);
  };
  for (const r of computed) add(r);
  for (const r of stored) if (!recomputedYears.has(r.year)) add(asComputed(r));
  const rows: IndicatorRow[] = [];
  for (const indicator of indicatorOrder) {
    for (const year of years) rows.push(...(byIndicatorYear.get(`${indicator}|${year}`) ?? []));
  }
  return rows;
}
