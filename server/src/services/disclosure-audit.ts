import { profiles } from "@im/data-import";
import { auditPublication, defaultDisclosureRule, type Finding, type IndicatorRow, type ValueStatus } from "@im/indicators";
import type { AppContext } from "../context.ts";
import { listDistricts } from "../repositories/districts.ts";
import { loadCurrentObservations, loadStoredValues } from "../repositories/indicator-values.ts";
import { readCatalogue } from "./catalogue-loading.ts";

export interface DisclosureAudit {
  /** Hidden counts an attacker can narrow too far, with where they are shown first; empty when safe. */
  findings: (Finding & { name: string })[];
  /** Counts hidden from the public. */
  hidden: number;
  /** Share of the cells that show numbers which are withheld. */
  suppressedShare: number;
  solves: number;
  ms: number;
}

/**
 * The audit of what is published now: the stored values as the public sees them (withheld cells hidden,
 * everything else known), attacked with every relation between the counts (see `auditPublication`).
 */
export async function auditStoredPublication(context: AppContext): Promise<DisclosureAudit> {
  const started = performance.now();
  const { database } = context;
  const { catalogue } = readCatalogue(context.config.cataloguePath);
  const districts = await listDistricts(database.db);
  const observations = loadCurrentObservations(database.sqlite);
  const rows: IndicatorRow[] = loadStoredValues(database.sqlite).map((r) => ({
    indicator: r.indicator,
    year: r.year,
    area: r.area,
    areaName: r.area,
    breakdown: r.breakdown,
    group: r.grp,
    groupLabel: r.grp,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    status: r.status as ValueStatus,
    statusDetail: r.status_detail,
  }));
  const result = await auditPublication({ catalogue, profiles, observations, districts, rows, rule: defaultDisclosureRule });
  const showing = rows.filter((r) => r.status === "ok" || r.status === "denominator_zero" || r.status === "suppressed");
  return {
    ...result,
    suppressedShare: showing.length ? showing.filter((r) => r.status === "suppressed").length / showing.length : 0,
    ms: performance.now() - started,
  };
}
