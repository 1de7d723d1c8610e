import { type ExtractProfile, profiles } from "@im/data-import";
import {
  type BlockDecision,
  type Catalogue,
  catalogueIndexConfigs,
  computeIndicators,
  computeSozialmonitoring,
  type District,
  defaultDisclosureRule,
  type IndexResult,
  type IndicatorRow,
  indicatorReads,
  linkedPublications,
  numeratorTerms,
  type Observation,
  profilesReadBy,
  protectPublication,
  SEGREGATION_READS,
  type SegregationResult,
  type SozialindexConfig,
  segregationPublications,
  segregationReads,
  sozialmonitoringComparisons,
} from "@im/indicators";
import type { AppContext } from "../context.ts";
import { loadDisclosureDecisions, replaceDisclosureDecisions } from "../repositories/disclosure-decisions.ts";
import { listDistricts } from "../repositories/districts.ts";
import { readGenerations, readResultsStamp, resultsGenerationKey } from "../repositories/generations.ts";
import {
  DRAFT,
  type IndicatorValueRow,
  listCurrentExtracts,
  loadCurrentObservations,
  loadStoredValues,
  readMeta,
  replaceIndicatorValues,
  writeMeta,
} from "../repositories/indicator-values.ts";
import { draftFingerprint, PROVEN_FINGERPRINT } from "../repositories/releases.ts";
import {
  replaceSozialmonitoring,
  type SozialmonitoringRow,
  selectSozialmonitoring,
} from "../repositories/sozialmonitoring.ts";
import { readCatalogue, reloadCatalogue } from "./catalogue-loading.ts";
import {
  changedExtracts,
  type ExtractChange,
  RESULT_INPUTS_KEY,
  type ResultInputs,
  resultInputs,
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
   * Compute anew only what the extracts changed since the stored results can reach (`computeChanged`) and take
   * the rest over from the stored results. Falls back to the full recomputation when the stored results cannot
   * be compared (none yet, another catalogue, other districts). The stored result is the same as a full
   * recomputation's (recompute-incremental.test.ts).
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
  /** Years with tables or segregation results computed anew (the rest was taken over); null: a full recomputation. */
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
 * anything is written. With `incremental`, only what the changed extracts can reach is computed anew (see
 * `computeChanged`); the stored result is the same.
 */
export async function recompute(context: AppContext, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  const started = performance.now();
  const { database } = context;
  const { catalogue, sha256 } = options.cataloguePath ? readCatalogue(options.cataloguePath) : reloadCatalogue(context);
  const inputs = await readInputs(context);
  const earlier = options.incremental ? await storedResultsFor(context, sha256, inputs.resultInputs) : null;
  const loaded = performance.now();
  const configs = (options.sozialindexConfigs ?? catalogueIndexConfigs).filter((config) =>
    // Only the configurations whose status indicators the catalogue has (Almelo's has none of them).
    config.status.every((s) => catalogue.indicators.some((i) => i.id === s.id)),
  );
  const run = { catalogue, inputs, configs, loaded };
  const results = (earlier && (await computeChanged(run, earlier))) || (await computeAll(run));
  const { generation } = inputs;

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
      await replaceIndicatorValues(tx, results.values);
      await replaceDisclosureDecisions(tx, results.decisions);
      await replaceSozialmonitoring(tx, results.sozialmonitoring);
      await writeMeta(tx, {
        // The Geheimhaltung's last pass proved these tables safe (an attacker's programs over every block):
        // publishing them unchanged needs no second audit (services/releases.ts).
        [PROVEN_FINGERPRINT]: results.proven ? await draftFingerprint(tx) : "",
        catalogue_version: catalogue.version,
        catalogue_sha256: sha256,
        computed_at: computedAt,
        computation_ms: String(Math.round(performance.now() - started)),
        [resultsGenerationKey]: String(generation),
        [RESULT_INPUTS_KEY]: JSON.stringify(inputs.resultInputs),
      });
      return true;
    },
    { lock: true },
  );
  context.readCache.invalidate();
  const finished = performance.now();
  const { index } = results;

  return {
    catalogueVersion: catalogue.version,
    generation,
    stored: written,
    observations: inputs.observations.length,
    indicatorRows: results.values.length,
    segregationResults: results.sozialmonitoring.length - index.length,
    indexYears: [...new Set(index.map((r) => r.year))].sort((a, b) => a - b),
    indexConfigs: Object.fromEntries(
      [...new Set(index.map((r) => r.config.id))].map((id) => [
        id,
        index.filter((r) => r.config.id === id).map((r) => r.year),
      ]),
    ),
    recomputedYears: results.recomputedYears,
    timings: {
      load: loaded - started,
      engine: results.engineDone - loaded,
      protection: results.indicatorsDone - results.engineDone,
      indicators: results.indicatorsDone - started,
      sozialmonitoring: results.sozialmonitoringDone - results.indicatorsDone,
      write: finished - results.sozialmonitoringDone,
      total: finished - started,
    },
  };
}

interface Run {
  catalogue: Catalogue;
  inputs: Awaited<ReturnType<typeof readInputs>>;
  configs: readonly SozialindexConfig[];
  loaded: number;
}

interface Results {
  values: IndicatorValueRow[];
  decisions: Map<string, BlockDecision>;
  /** Segregation rows, then index rows, in the stored order. */
  sozialmonitoring: SozialmonitoringRow[];
  index: IndexResult[];
  /** The Geheimhaltung found no count it could not protect. */
  proven: boolean;
  /** Years with publications computed anew; null: all (a full recomputation). */
  recomputedYears: number[] | null;
  engineDone: number;
  indicatorsDone: number;
  sozialmonitoringDone: number;
}

/**
 * One Geheimhaltung for the indicator rows and the segregation inputs of `segregationYears`: they show the same
 * counts. `decisions` are the stored ones to keep where they still fit.
 */
async function protectTables(
  city: {
    catalogue: Catalogue;
    cityProfiles: readonly ExtractProfile[];
    observations: readonly Observation[];
    districts: readonly District[];
  },
  rows: IndicatorRow[],
  decisions: Map<string, BlockDecision>,
  segregationYears: number[],
) {
  const { catalogue, cityProfiles, observations, districts } = city;
  const segregation: { of?: ReturnType<typeof segregationPublications> } = {};
  const published = await protectPublication({
    catalogue,
    profiles,
    observations,
    districts,
    rows,
    rule: defaultDisclosureRule,
    decisions,
    extra: (model) => {
      segregation.of = segregationPublications(model, cityProfiles, districts, segregationYears);
      return segregation.of.publications;
    },
  });
  return { published, segregation };
}

/** Everything from the extracts: the engine, one Geheimhaltung over all tables, the Sozialmonitoring. */
async function computeAll({ catalogue, inputs, configs }: Run): Promise<Results> {
  const { districts, observations, years } = inputs;
  // The Sozialmonitoring compares the groups of the city's own profiles (Münster's register, Almelo's BRP).
  const cityProfiles = profilesReadBy(catalogue, profiles);
  const computed = computeIndicators({ catalogue, profiles, observations, districts });
  const engineDone = performance.now();
  const { published, segregation } = await protectTables(
    { catalogue, cityProfiles, observations, districts },
    computed,
    await loadDisclosureDecisions(inputs.database),
    years,
  );
  const values = published.rows.map(toStoredRow);
  const indicatorsDone = performance.now();
  const sozialmonitoring = computeSozialmonitoring(
    { profiles: cityProfiles, observations, indicatorValues: values, districts },
    {
      configs,
      titles: Object.fromEntries(catalogue.indicators.map((i) => [i.id, i.title])),
      rule: defaultDisclosureRule,
      segregationSecrecy: segregation.of?.secrecy(published.extraWithheld),
    },
  );
  return {
    values,
    decisions: published.decisions,
    sozialmonitoring: [...sozialmonitoring.segregation.map(segregationRow), ...sozialmonitoring.index.map(indexRow)],
    index: sozialmonitoring.index,
    proven: published.protection.findings.length === 0,
    recomputedYears: null,
    engineDone,
    indicatorsDone,
    sozialmonitoringDone: performance.now(),
  };
}

/**
 * Only what the changed extracts can reach (`linkedPublications`): the indicator tables and segregation inputs
 * of the extracts the Geheimhaltung links to them, decided on their own with the stored decisions of earlier
 * runs; every other table, segregation result and decision is taken over from the stored results, which those
 * extracts did not change. The index (over all years) is computed in full. Returns null where the part cannot be
 * decided on its own (see `selfContained`) or a stored piece is missing: then only the full recomputation is right.
 */
async function computeChanged({ catalogue, inputs, configs }: Run, earlier: StoredResults): Promise<Results | null> {
  const { districts, observations, years } = inputs;
  const cityProfiles = profilesReadBy(catalogue, profiles);
  const storedYears = new Set(earlier.values.map((r) => r.year));
  const scope = linkedPublications(
    [...indicatorReads(catalogue, profiles), segregationReads(cityProfiles)],
    years,
    earlier.changes,
    years.filter((y) => !storedYears.has(y)),
  );
  const changed = (id: string, year: number) => scope.publications.has(`${id}|${year}`);
  // The count of no lines is the one count the kept tables share with the recomputed ones (see
  // `selfContained`): a kept table that shows it (a shown 0 of one selection; a denominator is one) keeps it
  // shown whatever the recomputed tables decide, so the kept decisions stay what a full run would decide.
  const kept = earlier.values.filter((r) => !changed(r.indicator, r.year));
  const oneTerm = new Set(catalogue.indicators.filter((i) => numeratorTerms(i).length === 1).map((i) => i.id));
  const showsZero = (r: IndicatorValueRow) =>
    r.status === "denominator_zero" || (r.status === "ok" && r.numerator === 0 && oneTerm.has(r.indicator));
  if (kept.length > 0 && !kept.some(showsZero)) return null;
  const rowYears = years.filter((y) => catalogue.indicators.some((i) => changed(i.id, y)));
  const segregationYears = years.filter((y) => changed(SEGREGATION_READS, y));
  const computed = computeIndicators({ catalogue, profiles, observations, districts, years: rowYears }).filter((r) =>
    changed(r.indicator, r.year),
  );
  const engineDone = performance.now();
  const { published, segregation } = await protectTables(
    { catalogue, cityProfiles, observations, districts },
    computed,
    earlier.decisions,
    segregationYears,
  );
  if (!published.selfContained) return null;
  const keptDecisions = [...earlier.decisions].filter(([, d]) => !d.extracts?.some((e) => scope.extracts.has(e)));
  if (keptDecisions.some(([, d]) => d.extracts === undefined)) return null;

  const rowsOf = new Map<string, IndicatorValueRow[]>();
  for (const r of kept) pushTo(rowsOf, `${r.indicator}|${r.year}`, r);
  for (const r of published.rows) pushTo(rowsOf, `${r.indicator}|${r.year}`, toStoredRow(r));
  const values: IndicatorValueRow[] = [];
  for (const { id } of catalogue.indicators) {
    for (const year of years) {
      const rows = rowsOf.get(`${id}|${year}`);
      if (!rows) return null;
      values.push(...rows);
    }
  }
  const indicatorsDone = performance.now();

  const sozialmonitoring = computeSozialmonitoring(
    { profiles: cityProfiles, observations, indicatorValues: values, districts },
    {
      configs,
      titles: Object.fromEntries(catalogue.indicators.map((i) => [i.id, i.title])),
      rule: defaultDisclosureRule,
      segregationSecrecy: segregation.of?.secrecy(published.extraWithheld),
      segregationYears: new Set(segregationYears),
    },
  );
  const resultsOf = new Map<string, SozialmonitoringRow[]>();
  for (const r of earlier.segregation) {
    if (!changed(SEGREGATION_READS, r.year)) pushTo(resultsOf, `${r.key}|${r.year}`, r);
  }
  for (const r of sozialmonitoring.segregation) pushTo(resultsOf, `${r.comparison}|${r.year}`, segregationRow(r));
  const segregationRows = sozialmonitoringComparisons(cityProfiles).flatMap((c) =>
    years.flatMap((year) => resultsOf.get(`${c.id}|${year}`) ?? []),
  );
  return {
    values,
    decisions: new Map([...published.decisions, ...keptDecisions]),
    sozialmonitoring: [...segregationRows, ...sozialmonitoring.index.map(indexRow)],
    index: sozialmonitoring.index,
    proven: published.protection.findings.length === 0 && keptDecisions.every(([, d]) => d.findings.length === 0),
    recomputedYears: [...new Set([...rowYears, ...segregationYears])].sort((a, b) => a - b),
    engineDone,
    indicatorsDone,
    sozialmonitoringDone: performance.now(),
  };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function segregationRow(r: SegregationResult): SozialmonitoringRow {
  return { kind: "segregation", year: r.year, key: r.comparison, area: r.area, result: JSON.stringify(r) };
}

function indexRow(r: IndexResult): SozialmonitoringRow {
  return { kind: "index", year: r.year, key: r.config.id, area: "stadt", result: JSON.stringify(r) };
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
    if ((await readGenerations(database.db)).data === before) {
      const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
      const inputs = resultInputs(extracts, districts);
      return { database, generation: before, districts, observations, years, resultInputs: inputs };
    }
  }
}

interface StoredResults {
  changes: ExtractChange[];
  values: IndicatorValueRow[];
  segregation: SozialmonitoringRow[];
  decisions: Map<string, BlockDecision>;
}

/**
 * The stored results and the extracts changed since, when they were computed with this catalogue from inputs
 * that differ from `inputs` only in extracts (else null: recompute everything). Read between two reads of the
 * results' stamp, so that all of them belong to one recomputation.
 */
async function storedResultsFor(
  context: AppContext,
  catalogueSha256: string,
  inputs: ResultInputs,
): Promise<StoredResults | null> {
  const { database } = context;
  const { db } = database;
  const stamp = async () =>
    JSON.stringify([
      await readResultsStamp(db),
      await readMeta(db, RESULT_INPUTS_KEY),
      await readMeta(db, "catalogue_sha256"),
    ]);
  const before = await stamp();
  if ((await readMeta(db, "catalogue_sha256")) !== catalogueSha256) return null;
  const changes = changedExtracts(await readMeta(db, RESULT_INPUTS_KEY), inputs);
  // New data but no extract changed: it was changed beside the importer (by hand, in SQL), so recompute it all.
  if (changes === null || changes.length === 0) return null;
  const values = await loadStoredValues(db);
  const segregation = await selectSozialmonitoring(db, { release: DRAFT, kind: "segregation" });
  const decisions = await loadDisclosureDecisions(database);
  if ((await stamp()) !== before) return null;
  return { changes, values, segregation, decisions };
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
