import { profiles } from "@im/data-import";
import {
  catalogueIndexConfigs,
  computeIndicators,
  computeSozialmonitoring,
  defaultDisclosureRule,
  type IndicatorRow,
  protectPublication,
  type SozialindexConfig,
  segregationPublications,
} from "@im/indicators";
import type { AppContext } from "../context.ts";
import { loadDisclosureDecisions, replaceDisclosureDecisions } from "../repositories/disclosure-decisions.ts";
import { listDistricts } from "../repositories/districts.ts";
import { readGenerations, readResultsStamp, resultsGenerationKey } from "../repositories/generations.ts";
import {
  type IndicatorValueRow,
  listCurrentExtracts,
  loadCurrentObservations,
  loadStoredValues,
  readMeta,
  replaceIndicatorValues,
  writeMeta,
} from "../repositories/indicator-values.ts";
import { draftFingerprint, PROVEN_FINGERPRINT } from "../repositories/releases.ts";
import { replaceSozialmonitoring, type SozialmonitoringRow } from "../repositories/sozialmonitoring.ts";
import { readCatalogue, reloadCatalogue } from "./catalogue-loading.ts";
import {
  changedExtracts,
  mergeRows,
  RESULT_INPUTS_KEY,
  type ResultInputs,
  resultInputs,
  yearsReading,
} from "./recompute-scope.ts";

export interface RecomputeOptions {
  /** Another catalogue file for this run only; default: the context's configured one. */
  cataloguePath?: string | null;
  /**
   * Status/dynamics index configurations, each computed for every year and stored under its id; default
   * `catalogueIndexConfigs` (Münster's core indicators, the Berlin method on S1–S4; Stadtteile below 300 left out).
   */
  sozialindexConfigs?: readonly SozialindexConfig[];
  /**
   * Recompute the indicator engine only for the years the extracts changed since the stored results can reach
   * (`recompute-scope.ts`) and take the other years' rows from the stored results. Falls back to the full
   * recomputation when the stored results cannot be compared (none yet, another catalogue, other districts).
   * The stored result is the same as a full recomputation's (recompute-incremental.test.ts).
   */
  incremental?: boolean;
}

export interface RecomputeSummary {
  catalogueVersion: string;
  /** The data generation these results belong to. */
  generation: number;
  /** False when results of a newer data generation were stored meanwhile (by another process); these were dropped. */
  stored: boolean;
  observations: number;
  indicatorRows: number;
  segregationResults: number;
  /** Years with an index (of any configuration). */
  indexYears: number[];
  /** Configuration id → years with an index. */
  indexConfigs: Record<string, number[]>;
  /** The years the engine recomputed (the others were taken over), or null for a full recomputation. */
  recomputedYears: number[] | null;
  /** Milliseconds: loading + engine + disclosure control, Sozialmonitoring, writing, all. */
  timings: {
    /** Reading the inputs. */
    load: number;
    /** The indicator engine. */
    engine: number;
    /** Geheimhaltung over the indicator tables and the segregation inputs. */
    protection: number;
    /** load + engine + protection. */
    indicators: number;
    sozialmonitoring: number;
    write: number;
    total: number;
  };
}

/**
 * Recomputes every stored result from the current extracts: indicator values (with Geheimhaltung applied),
 * segregation per comparison/year/area and the status/dynamics index, then replaces the three tables in one
 * transaction, together with the data generation they belong to. `results.ts` decides when to call it (one
 * process at a time, in a worker thread). A broken catalogue throws a `CatalogueError` (German) before
 * anything is written.
 */
export async function recompute(context: AppContext, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const started = performance.now();
  const { database } = context;
  const { catalogue, sha256 } = options.cataloguePath ? readCatalogue(options.cataloguePath) : reloadCatalogue(context);
  const { generation, districts, observations, extracts } = await readInputs(context);
  const inputs = resultInputs(extracts, districts);
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  const earlier = options.incremental ? await storedResultsFor(context, sha256, inputs) : null;
  const loaded = performance.now();
  const recomputedYears = earlier ? years.filter((y) => earlier.years.has(y)) : null;
  const engineRows = computeIndicators({
    catalogue,
    profiles,
    observations,
    districts,
    years: recomputedYears ?? years,
  });
  const computed = earlier
    ? mergeRows(
        catalogue.indicators.map((i) => i.id),
        years,
        earlier.years,
        engineRows,
        earlier.rows,
      )
    : engineRows;
  const engineDone = performance.now();
  // One Geheimhaltung for the indicator tables and the segregation values: they show the same counts.
  const segregation: { of?: ReturnType<typeof segregationPublications> } = {};
  const published = await protectPublication({
    catalogue,
    profiles,
    observations,
    districts,
    rows: computed,
    rule: defaultDisclosureRule,
    decisions: await loadDisclosureDecisions(database),
    extra: (model) => {
      segregation.of = segregationPublications(model, profiles, districts, years);
      return segregation.of.publications;
    },
  });
  const values = published.rows.map(toStoredRow);
  const indicatorsDone = performance.now();

  const sozialmonitoring = computeSozialmonitoring(
    { profiles, observations, indicatorValues: values, districts },
    {
      // Only the configurations whose status indicators the catalogue has (Almelo's has none of them).
      configs: (options.sozialindexConfigs ?? catalogueIndexConfigs).filter((config) =>
        config.status.every((s) => catalogue.indicators.some((i) => i.id === s.id)),
      ),
      titles: Object.fromEntries(catalogue.indicators.map((i) => [i.id, i.title])),
      rule: defaultDisclosureRule,
      segregationSecrecy: segregation.of?.secrecy(published.extraWithheld),
    },
  );
  const sozialmonitoringDone = performance.now();

  const stored: SozialmonitoringRow[] = [
    ...sozialmonitoring.segregation.map((r) => ({
      kind: "segregation",
      year: r.year,
      key: r.comparison,
      area: r.area,
      result: JSON.stringify(r),
    })),
    ...sozialmonitoring.index.map((r) => ({
      kind: "index",
      year: r.year,
      key: r.config.id,
      area: "stadt",
      result: JSON.stringify(r),
    })),
  ];
  const computedAt = new Date().toISOString();
  // Under the write lock: a release copies the draft inside the same lock, so it never copies half of these.
  const written = await database.transaction(
    async (tx) => {
      // Another process may have stored the results of newer data while this one computed: keep those.
      const newer = await tx.db
        .selectFrom("meta")
        .select("value")
        .where("key", "=", resultsGenerationKey)
        .executeTakeFirst();
      if (newer && Number(newer.value) > generation) return false;
      await replaceIndicatorValues(tx, values);
      await replaceDisclosureDecisions(tx, published.decisions);
      await replaceSozialmonitoring(tx, stored);
      await writeMeta(tx, {
        // The Geheimhaltung's last pass proved these tables safe (an attacker's programs over every block):
        // publishing them unchanged needs no second audit (services/releases.ts).
        [PROVEN_FINGERPRINT]: published.protection.findings.length === 0 ? await draftFingerprint(tx) : "",
        catalogue_version: catalogue.version,
        catalogue_sha256: sha256,
        computed_at: computedAt,
        computation_ms: String(Math.round(performance.now() - started)),
        [resultsGenerationKey]: String(generation),
        [RESULT_INPUTS_KEY]: JSON.stringify(inputs),
      });
      return true;
    },
    { lock: true },
  );
  context.readCache.invalidate();
  const finished = performance.now();

  return {
    catalogueVersion: catalogue.version,
    generation,
    stored: written,
    observations: observations.length,
    indicatorRows: values.length,
    segregationResults: sozialmonitoring.segregation.length,
    indexYears: [...new Set(sozialmonitoring.index.map((r) => r.year))].sort((a, b) => a - b),
    indexConfigs: Object.fromEntries(
      [...new Set(sozialmonitoring.index.map((r) => r.config.id))].map((id) => [
        id,
        sozialmonitoring.index.filter((r) => r.config.id === id).map((r) => r.year),
      ]),
    ),
    recomputedYears,
    timings: {
      load: loaded - started,
      engine: engineDone - loaded,
      protection: indicatorsDone - engineDone,
      indicators: indicatorsDone - started,
      sozialmonitoring: sozialmonitoringDone - indicatorsDone,
      write: finished - sozialmonitoringDone,
      total: finished - started,
    },
  };
}

/**
 * The districts and current observations of one data generation. Every change of the inputs raises the
 * generation in its own transaction, so an unchanged generation around the reads means nothing was committed
 * in between; otherwise read again.
 */
async function readInputs(context: AppContext) {
  const { database } = context;
  for (;;) {
    const before = (await readGenerations(database.db)).data;
    const districts = await listDistricts(database.db);
    const extracts = await listCurrentExtracts(database.db);
    const observations = await loadCurrentObservations(database);
    if ((await readGenerations(database.db)).data === before)
      return { generation: before, districts, observations, extracts };
  }
}

/**
 * The stored results and the years an incremental recomputation must compute anew, when the stored results were
 * computed with this catalogue from inputs that differ from `inputs` only in extracts (else null: recompute
 * everything). The rows are read between two reads of the results' stamp, so they belong to the inputs read.
 */
async function storedResultsFor(context: AppContext, catalogueSha256: string, inputs: ResultInputs) {
  const { db } = context.database;
  const stamp = async () =>
    JSON.stringify([
      await readResultsStamp(db),
      await readMeta(db, RESULT_INPUTS_KEY),
      await readMeta(db, "catalogue_sha256"),
    ]);
  const before = await stamp();
  if ((await readMeta(db, "catalogue_sha256")) !== catalogueSha256) return null;
  const changes = changedExtracts(await readMeta(db, RESULT_INPUTS_KEY), inputs);
  if (changes === null) return null;
  const rows = await loadStoredValues(db);
  if ((await stamp()) !== before) return null;
  return { years: yearsReading(changes), rows };
}

function toStoredRow(r: IndicatorRow): IndicatorValueRow {
  return {
    indicator: r.indicator,
    year: r.year,
    area: r.area,
    breakdown: r.breakdown,
    grp: r.group,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    status: r.status,
    status_detail: r.statusDetail,
    suppression: r.suppression ?? null,
  };
}
