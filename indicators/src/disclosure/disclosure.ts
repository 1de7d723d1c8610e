import type { ProfileShape } from "../catalogue/profile-shape.ts";
import type { Catalogue } from "../catalogue/schema.ts";
import { getOrCreate } from "../engine/maps.ts";
import { planCatalogue } from "../engine/plan.ts";
import type { District, IndicatorRow } from "../engine/types.ts";

/**
 * Primary suppression: a cell is suppressed when its numerator is > 0 and below `minNumerator`, or its
 * denominator is > 0 and below `minDenominator`. Zero is published (it identifies nobody).
 */
export interface DisclosureRule {
  minNumerator: number;
  minDenominator: number;
}

/** Suppress numerators 1 and 2 and denominators 1 to 9. */
export const defaultDisclosureRule: DisclosureRule = { minNumerator: 3, minDenominator: 10 };

/** Indicator id → breakdown ids whose groups add up exactly to the `gesamt` row (see `disclosurePartitions`). */
export type Partitions = Readonly<Record<string, readonly string[]>>;

export interface DisclosureOptions {
  /** Stadtteile with their Bezirk: Stadtteile add up to their Bezirk, Bezirke to the city. */
  districts: readonly District[];
  partitions: Partitions;
  /** Indicators whose counts identify no person (catalogue `disclosureControl: false`). */
  exempt?: readonly string[];
}

type DisclosableRow = Pick<
  IndicatorRow,
  | "indicator"
  | "year"
  | "area"
  | "breakdown"
  | "group"
  | "numerator"
  | "denominator"
  | "status"
  | "statusDetail"
  | "suppression"
>;

/**
 * Which breakdowns of which indicator partition the total, derived from the catalogue and the profiles' codes:
 * `migration` with mit/ohne covering every code does, `geschlecht` with w/m does not when d/o exist.
 *
 * @example
 * disclosurePartitions(catalogue, profiles).anteil_mv; // ["alter", "mv_art"] — not "geschlecht"
 */
export function disclosurePartitions(catalogue: Catalogue, profiles: readonly ProfileShape[]): Partitions {
  return Object.fromEntries(planCatalogue(catalogue, profiles).map((p) => [p.indicator.id, p.partitions]));
}

/**
 * Everything `applyDisclosureControl` needs besides the rule, from the catalogue, profiles and districts.
 *
 * @example
 * const publishable = applyDisclosureControl(rows, defaultDisclosureRule, disclosureOptions(catalogue, profiles, districts));
 */
export function disclosureOptions(
  catalogue: Catalogue,
  profiles: readonly ProfileShape[],
  districts: readonly District[],
): DisclosureOptions {
  return {
    districts,
    partitions: disclosurePartitions(catalogue, profiles),
    exempt: catalogue.indicators.filter((i) => !i.disclosureControl).map((i) => i.id),
  };
}

/** Cells whose numbers the public does not see (so they cannot be subtracted). */
const hidden = (r: DisclosableRow) =>
  r.status === "suppressed" || r.status === "withheld" || r.status === "missing" || r.status === "band_split";
/** Cells published with their numbers. */
const published = (r: DisclosableRow) => r.status === "ok" || r.status === "denominator_zero";

function primaryReason(r: DisclosableRow, rule: DisclosureRule): string | null {
  const n = r.numerator ?? 0;
  const d = r.denominator ?? 0;
  if (n > 0 && n < rule.minNumerator) return `Geheimhaltung: Fallzahl unter ${rule.minNumerator}`;
  if (d > 0 && d < rule.minDenominator) return `Geheimhaltung: Bezugsgröße unter ${rule.minDenominator}`;
  return null;
}

/** Reason of a cell suppressed only so that a suppressed one cannot be recomputed from a sum. */
export const SECONDARY =
  "Geheimhaltung: zusätzlich gesperrt, damit ein gesperrter Wert nicht aus Summen errechnet werden kann";

/**
 * Geheimhaltung for every public output. Primary: cells failing `rule`. Secondary: in every additive
 * relation — the groups of a partitioning breakdown and `gesamt` of one area; the Stadtteile of a Bezirk and
 * the Bezirk; the Bezirke and the city — a suppressed cell must not be the only hidden one, else it equals
 * the total minus the published cells. Then the smallest other published cell (smallest numerator, then
 * denominator; cells with a count before empty ones) is suppressed too, until no relation changes.
 * Withheld, missing and band_split cells count as hidden. Returns copies: suppressed rows get
 * `status: "suppressed"`, `suppression` and a German `statusDetail`, and KEEP their true numbers (the API
 * blanks them for the public and marks them confidential for analysts).
 *
 * @example
 * const safe = applyDisclosureControl(rows, defaultDisclosureRule, disclosureOptions(catalogue, profiles, districts));
 * safe.filter((r) => r.suppression === "secondary").length; // cells suppressed only to protect others
 */
export function applyDisclosureControl<R extends DisclosableRow>(
  rows: readonly R[],
  rule: DisclosureRule,
  options: DisclosureOptions,
): R[] {
  const out = rows.map((r) => ({ ...r }));
  const exempt = new Set(options.exempt ?? []);
  const suppress = (r: R, kind: "primary" | "secondary", detail: string) => {
    r.status = "suppressed";
    r.suppression = kind;
    r.statusDetail = detail;
  };

  for (const r of out) {
    if (exempt.has(r.indicator) || !published(r)) continue;
    const reason = primaryReason(r, rule);
    if (reason) suppress(r, "primary", reason);
  }

  const relations = additiveRelations(out, options, exempt);
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      let hiddenCount = 0;
      let lastHidden = -1;
      for (const i of relation) {
        if (hidden(out[i])) {
          hiddenCount++;
          lastHidden = i;
        }
      }
      if (hiddenCount !== 1 || out[lastHidden].status !== "suppressed") continue;
      const partner = smallestPublished(out, relation);
      if (partner === null) continue;
      suppress(out[partner], "secondary", SECONDARY);
      changed = true;
    }
  }
  return out;
}

function smallestPublished(rows: readonly DisclosableRow[], relation: readonly number[]): number | null {
  let best: number | null = null;
  const key = (i: number) => {
    const r = rows[i];
    const empty = (r.numerator ?? 0) === 0 && (r.denominator ?? 0) === 0;
    return [empty ? 1 : 0, r.numerator ?? 0, r.denominator ?? 0, i];
  };
  for (const i of relation) {
    if (!published(rows[i])) continue;
    if (best === null) {
      best = i;
      continue;
    }
    const a = key(i);
    const b = key(best);
    for (let k = 0; k < a.length; k++) {
      if (a[k] !== b[k]) {
        if (a[k] < b[k]) best = i;
        break;
      }
    }
  }
  return best;
}

/** Row indexes of every additive relation; the first index of each is the total. */
function additiveRelations(
  rows: readonly DisclosableRow[],
  options: DisclosureOptions,
  exempt: ReadonlySet<string>,
): number[][] {
  // indicator → year → breakdown → group → area → row index (nested maps: no key strings per row)
  type Areas = Map<string, number>;
  const blocks = new Map<string, Map<number, Map<string, Map<string, Areas>>>>();
  rows.forEach((r, i) => {
    if (exempt.has(r.indicator)) return;
    const years = getOrCreate(blocks, r.indicator, () => new Map());
    const breakdowns = getOrCreate(years, r.year, () => new Map());
    const groups = getOrCreate(breakdowns, r.breakdown, () => new Map());
    getOrCreate(groups, r.group, (): Areas => new Map()).set(r.area, i);
  });

  const bezirke = new Map<string, string[]>();
  for (const d of options.districts) {
    const id = `bezirk:${d.bezirk}`;
    bezirke.set(id, [...(bezirke.get(id) ?? []), String(d.number)]);
  }
  const relations: number[][] = [];
  const relation = (total: number | undefined, parts: (number | undefined)[]) => {
    const present = parts.filter((p): p is number => p !== undefined);
    if (total !== undefined && present.length > 0) relations.push([total, ...present]);
  };

  for (const [indicator, years] of blocks) {
    const partitioned = options.partitions[indicator] ?? [];
    for (const breakdowns of years.values()) {
      // Over groups: gesamt of an area = Σ groups of a partitioning breakdown in that area.
      const totals = breakdowns.get("gesamt")?.get("gesamt");
      for (const id of partitioned) {
        const groups = breakdowns.get(id);
        if (!totals || !groups) continue;
        for (const [area, total] of totals)
          relation(
            total,
            [...groups.values()].map((g) => g.get(area)),
          );
      }
      // Over space: a Bezirk = Σ its Stadtteile and the city = Σ Bezirke, for every breakdown group.
      for (const groups of breakdowns.values()) {
        for (const areas of groups.values()) {
          for (const [bezirk, members] of bezirke)
            relation(
              areas.get(bezirk),
              members.map((m) => areas.get(m)),
            );
          relation(
            areas.get("stadt"),
            [...bezirke.keys()].map((b) => areas.get(b)),
          );
        }
      }
    }
  }
  return relations;
}
