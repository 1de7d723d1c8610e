import { profiles } from "@im/data-import";
import {
  auditPublication,
  defaultDisclosureRule,
  type Finding,
  type IndicatorRow,
  type SegregationResult,
  type SegregationSecrecy,
  segregationPublications,
  type ValueStatus,
} from "@im/indicators";
import type { AppContext } from "../context.ts";
import { listDistricts } from "../repositories/districts.ts";
import { DRAFT, loadCurrentObservations, loadStoredValues } from "../repositories/indicator-values.ts";
import { selectSozialmonitoring } from "../repositories/sozialmonitoring.ts";
import { readCatalogue } from "./catalogue-loading.ts";

/**
 * What the stored segregation results show, as the lookup the publications are matched against: a location
 * quotient or share is known to the public only where a result carries it unsuppressed (a Stadtteil left out
 * for a problem shows nothing).
 */
function storedSecrecy(results: readonly SegregationResult[]): SegregationSecrecy {
  const shown = new Set<string>();
  for (const r of results) {
    const suppressed = r.suppressed ?? {};
    if (r.P !== null && !("P" in suppressed)) shown.add(`${r.comparison}|${r.year}|area|${r.area}`);
    for (const u of r.units) {
      for (const [group, lq] of Object.entries(u.location_quotients)) {
        if (lq !== null && !(`units.${u.unit}.location_quotients.${group}` in suppressed))
          shown.add(`${r.comparison}|${r.year}|${u.unit}|${group}`);
      }
    }
  }
  // The kind does not matter to the audit, only whether the value is withheld.
  return {
    group: (comparison, year, unit, group) =>
      shown.has(`${comparison}|${year}|${unit}|${group}`) ? null : "secondary",
    share: (comparison, year, area) => (shown.has(`${comparison}|${year}|area|${area}`) ? null : "secondary"),
  };
}

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
  const { catalogue, profiles: cityProfiles } = readCatalogue(context.config.cataloguePath);
  const districts = await listDistricts(database.db);
  const observations = await loadCurrentObservations(database);
  const rows: IndicatorRow[] = (await loadStoredValues(database.db)).map((r) => ({
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
  // The segregation values show counts of the same lines: what the stored results withhold is hidden too.
  const stored = (await selectSozialmonitoring(database.db, { release: DRAFT, kind: "segregation" })).map(
    (r) => JSON.parse(r.result) as SegregationResult,
  );
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  const segregation: { of?: ReturnType<typeof segregationPublications> } = {};
  const result = await auditPublication({
    catalogue,
    profiles,
    observations,
    districts,
    rows,
    rule: defaultDisclosureRule,
    extra: (model) => {
      segregation.of = segregationPublications(model, cityProfiles, districts, years);
      return segregation.of.publications;
    },
    extraWithheld: (publications) => segregation.of?.withheldBy(storedSecrecy(stored)) ?? publications.map(() => false),
  });
  const showing = rows.filter((r) => r.status === "ok" || r.status === "denominator_zero" || r.status === "suppressed");
  return {
    ...result,
    suppressedShare: showing.length ? showing.filter((r) => r.status === "suppressed").length / showing.length : 0,
    ms: performance.now() - started,
  };
}
