import { readFileSync } from "node:fs";
import { findProfile } from "@im/data-import";
import { type Catalogue, numeratorTerms } from "@im/indicators";
import type { AppContext } from "../context.ts";
import { listDistricts } from "../repositories/districts.ts";
import { listExtracts } from "../repositories/extracts.ts";
import { readResultsStamp } from "../repositories/generations.ts";
import { DRAFT, readMeta } from "../repositories/indicator-values.ts";
import {
  type ChangedCell,
  changedDraftCells,
  draftFingerprint,
  findRelease,
  insertRelease,
  listReleases,
  PROVEN_FINGERPRINT,
  type ReleaseExtract,
  type ReleaseSummaryRow,
  revisionCounts,
  selectRevisions,
} from "../repositories/releases.ts";
import type { ReleaseExtractInfo, ReleaseSummary, Revision, SourcesResponse } from "../schemas/releases.ts";
import { parseCatalogueText } from "./catalogue-loading.ts";
import { toImportRecord } from "./import-messages.ts";
import type { ReadContext } from "./indicator-reads.ts";
import { RequestProblem } from "./replies.ts";
import { auditOffThread, resultsStatus } from "./results.ts";

export interface PublishRequest {
  title: string;
  /** Why values changed since the last release (part of every revision note). */
  note?: string;
  publishedBy: string;
}

export interface PublishOutcome {
  id: number;
  revisions: number;
  /** `proven`: the tables are those whose Geheimhaltung the recomputation proved; `audited`: audited again. */
  audit: "proven" | "audited";
  auditMs: number;
}

/**
 * Freezes the current draft as a release. Refused while the results are being brought up to date, when the
 * Geheimhaltung audit finds a value an outsider could work out, and when new results were stored while the
 * audit ran (what is frozen is exactly what was audited).
 */
export async function publishRelease(context: AppContext, request: PublishRequest): Promise<PublishOutcome> {
  const running = publishing.get(context);
  if (running) {
    throw new RequestProblem(409, "publish.running", {
      title: running.title,
      since: running.startedAt,
      by: running.publishedBy,
    });
  }
  const state: Publishing = {
    title: request.title.trim(),
    publishedBy: request.publishedBy,
    startedAt: new Date().toISOString(),
  };
  publishing.set(context, state);
  try {
    return await publish(context, request);
  } finally {
    publishing.delete(context);
  }
}

/** A publication under way in this process (its audit takes minutes for a whole city). */
export interface Publishing {
  title: string;
  publishedBy: string;
  startedAt: string;
}

const publishing = new WeakMap<AppContext, Publishing>();

export function currentPublishing(context: AppContext): Publishing | null {
  return publishing.get(context) ?? null;
}

async function publish(context: AppContext, request: PublishRequest): Promise<PublishOutcome> {
  const { db } = context.database;
  const status = await resultsStatus(context);
  if (status.resultsGeneration === null) {
    throw new RequestProblem(409, "publish.noResults");
  }
  if (!status.upToDate || status.recomputing) {
    throw new RequestProblem(409, "publish.recomputing");
  }
  const stamp = await readResultsStamp(db);
  // The recomputation proved the Geheimhaltung of the tables it stored; the full audit (minutes for a whole
  // city) runs only when the stored tables are no longer exactly those.
  const proven = (await readMeta(db, PROVEN_FINGERPRINT)) === (await draftFingerprint(context.database));
  const audit = proven ? null : await auditOffThread(context);
  if (audit && audit.findings.length > 0) {
    const first = audit.findings
      .slice(0, 3)
      .map((f) => f.name)
      .join("; ");
    throw new RequestProblem(409, "publish.rejected", { count: audit.findings.length, first });
  }

  const catalogueText = readFileSync(context.config.cataloguePath, "utf8");
  const catalogue = parseCatalogueText(catalogueText, context.config.cataloguePath);
  const districts = await listDistricts(db);
  const extracts = await currentExtracts(context);
  const computedAt = (await readMeta(db, "computed_at")) ?? new Date().toISOString();
  const note = request.note?.trim() || null;

  const stored = await context.database.transaction(
    (tx) =>
      insertRelease(
        tx,
        {
          title: request.title.trim(),
          note,
          published_at: new Date().toISOString(),
          published_by: request.publishedBy,
          catalogue_version: catalogue.catalogue.version,
          catalogue: catalogueText,
          districts: JSON.stringify(districts),
          extracts: JSON.stringify(extracts),
          computed_at: computedAt,
        },
        async (previous) => {
          if (previous === null) return [];
          const before = await findRelease(tx.db, previous);
          if (!before) return [];
          const explain = revisionReasons(catalogue.catalogue, extracts, {
            catalogueVersion: before.catalogue_version,
            districts: before.districts,
            extracts: JSON.parse(before.extracts) as ReleaseExtract[],
            currentCatalogueVersion: catalogue.catalogue.version,
            currentDistricts: JSON.stringify(districts),
            note,
          });
          return (await changedDraftCells(tx, previous)).map((cell) => ({
            ...cell,
            previous_release: previous,
            reason: explain(cell),
          }));
        },
        async () => (await readResultsStamp(tx.db)) === stamp,
      ),
    { lock: true },
  );
  if (stored === null) {
    throw new RequestProblem(409, "publish.changed");
  }
  context.readCache.invalidate();
  return { ...stored, audit: proven ? "proven" : "audited", auditMs: Math.round(audit?.ms ?? 0) };
}

/** The deliveries the draft is computed from (not replaced), oldest first, as a release lists them. */
async function currentExtracts(context: AppContext): Promise<ReleaseExtract[]> {
  return (await listExtracts(context.database.db))
    .filter((e) => e.replaced_by === null)
    .map((e) => {
      const {
        lineCount: _lines,
        observationCount: _values,
        importedBy: _by,
        replacedBy: _replaced,
        ...extract
      } = toImportRecord(e);
      return extract;
    })
    .sort((a, b) => a.id - b.id);
}

interface PreviousState {
  catalogueVersion: string;
  districts: string;
  extracts: ReleaseExtract[];
  currentCatalogueVersion: string;
  currentDistricts: string;
  note: string | null;
}

const germanDate = (iso: string) => new Date(iso).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

/**
 * Why a published cell changed: the extract files that are new since the previous release among those the
 * indicator reads for that year (with their year offset), a new catalogue version or district list, and the
 * analyst's note. A change with none of these comes from the Geheimhaltung or a recomputation.
 */
export function revisionReasons(
  catalogue: Catalogue,
  extracts: readonly ReleaseExtract[],
  previous: PreviousState,
): (cell: ChangedCell) => string {
  const before = new Set(previous.extracts.map((e) => e.sha256));
  const inputs = new Map(catalogue.indicators.map((ind) => [ind.id, indicatorInputs(ind)]));
  return (cell) => {
    const reasons: string[] = [];
    const newFiles = extracts.filter(
      (e) =>
        !before.has(e.sha256) &&
        (inputs.get(cell.indicator) ?? []).some((i) => i.profile === e.profile && cell.year + i.offset === e.year),
    );
    for (const e of newFiles) {
      reasons.push(
        `neue Lieferung ${e.fileName} (${e.office}, Stichtag ${e.stichtag}, eingelesen am ${germanDate(e.importedAt)})`,
      );
    }
    if (previous.catalogueVersion !== previous.currentCatalogueVersion) {
      reasons.push(`Indikatorenkatalog ${previous.catalogueVersion} → ${previous.currentCatalogueVersion}`);
    }
    if (previous.districts !== previous.currentDistricts) reasons.push("geänderte Stadtteilliste");
    if (reasons.length === 0) {
      reasons.push(
        cell.status === "suppressed" || cell.previous_status === "suppressed"
          ? "Geheimhaltung neu bestimmt (andere Werte derselben Tabelle haben sich geändert)"
          : "Neuberechnung",
      );
    }
    if (previous.note) reasons.push(previous.note);
    return reasons.join("; ");
  };
}

/** The release that exists, or a German 404. */
export async function existingRelease(context: AppContext, id: number) {
  const release = await findRelease(context.database.db, id);
  if (!release) throw new RequestProblem(404, "release.notFound", { release: id });
  return release;
}

export async function releaseList(context: AppContext) {
  const { db } = context.database;
  const rows = await listReleases(db);
  const counts = await revisionCounts(db);
  return {
    releases: rows.map((r) => summary(r, counts.get(r.id) ?? 0)),
    publicReads: context.config.publicDraft ? ("draft" as const) : ("latest" as const),
    latest: rows[0]?.id ?? null,
    publishing: currentPublishing(context),
  };
}

export async function releaseDetail(context: AppContext, id: number) {
  const release = await existingRelease(context, id);
  const counts = await revisionCounts(context.database.db);
  return {
    ...summary(release, counts.get(id) ?? 0),
    extracts: (JSON.parse(release.extracts) as ReleaseExtract[]).map(describeExtract),
    districtCount: (JSON.parse(release.districts) as unknown[]).length,
  };
}

function summary(r: ReleaseSummaryRow, revisionCount: number): ReleaseSummary {
  return {
    id: r.id,
    title: r.title,
    note: r.note,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    catalogueVersion: r.catalogue_version,
    computedAt: r.computed_at,
    revisionCount,
  };
}

function describeExtract(e: ReleaseExtract): ReleaseExtractInfo {
  return { ...e, profileTitle: findProfile(e.profile)?.title ?? e.profile };
}

/** The revisions of a release, with the names a reader needs (from the release's own catalogue). */
export async function releaseRevisions(context: AppContext, read: ReadContext, indicator?: string) {
  const { db } = context.database;
  const rows = await selectRevisions(db, read.release, indicator);
  const titles = new Map((await listReleases(db)).map((r) => [r.id, r.title]));
  const revisions: Revision[] = rows.map((r) => {
    const meta = read.catalogue.meta.get(r.indicator);
    return {
      indicator: r.indicator,
      indicatorTitle: meta?.title ?? r.indicator,
      unit: meta?.unit ?? "",
      year: r.year,
      area: r.area,
      areaName: read.areaNames.get(r.area) ?? r.area,
      breakdown: r.breakdown,
      group: r.grp,
      groupLabel: read.catalogue.groupLabels.get(r.indicator)?.get(r.breakdown)?.get(r.grp) ?? r.grp,
      previousRelease: r.previous_release,
      previousTitle: titles.get(r.previous_release) ?? String(r.previous_release),
      previousValue: r.previous_value,
      value: r.value,
      previousStatus: r.previous_status,
      status: r.status,
      reason: r.reason,
    };
  });
  return { release: read.release, revisions };
}

/**
 * The extract files an indicator's values come from, per year of the read results: for a release the files it
 * froze, for the draft the current ones. A year reads its own extracts and, for terms with a year offset
 * (e.g. the population on 31.12. of the previous year), those of the earlier year.
 */
export async function indicatorSources(
  context: AppContext,
  read: ReadContext,
  indicator: string,
): Promise<SourcesResponse> {
  const definition = read.catalogue.catalogue.indicators.find((i) => i.id === indicator);
  if (!definition) {
    throw new RequestProblem(404, "indicator.unknown", { id: indicator });
  }
  const extracts =
    read.release === DRAFT
      ? await currentExtracts(context)
      : (JSON.parse((await existingRelease(context, read.release)).extracts) as ReleaseExtract[]);
  const inputs = indicatorInputs(definition);
  const years = read.coverage.get(indicator)?.years ?? [];
  return {
    indicator,
    release: read.release,
    years: years.map((year) => ({
      year,
      extracts: extracts
        .filter((e) => inputs.some((i) => i.profile === e.profile && year + i.offset === e.year))
        .sort((a, b) => a.year - b.year || a.profile.localeCompare(b.profile))
        .map(describeExtract),
    })),
  };
}

/** The extract profiles an indicator reads, with the year offset of each (0, or -1 for the previous year). */
function indicatorInputs(indicator: Catalogue["indicators"][number]): { profile: string; offset: number }[] {
  return [...numeratorTerms(indicator).map((t) => t.selection), indicator.denominator].map((s) => ({
    profile: s.profile,
    offset: s.yearOffset ?? 0,
  }));
}
