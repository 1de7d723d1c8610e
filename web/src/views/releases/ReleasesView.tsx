import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { useToken } from "../../api/auth.ts";
import { ApiError } from "../../api/client.ts";
import type { ReleaseExtract, ReleaseSummary, Revision, Unit, ValueStatus } from "../../api/types.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { pendingState } from "../../components/QueryState.tsx";
import { displayValue, formatDateTime, formatNumber } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { publishRelease, releaseQuery, releasesQuery, revisionsQuery } from "./queries.ts";

/** Releases: what the public reads, what changed between them, and where each came from; analysts publish here. */
export default function ReleasesView() {
  useDocumentTitle(t("releases.title"));
  const analyst = useToken() !== null;
  const releases = useQuery(releasesQuery());
  const [state, setState] = useUrlState({ id: "" });
  const list = releases.data?.releases ?? [];
  const selected = Number(state.id) || releases.data?.latest || null;

  const columns: Column<ReleaseSummary>[] = [
    { id: "title", header: t("releases.col.title"), rowHeader: true, cell: (r) => r.title },
    { id: "date", header: t("releases.col.date"), cell: (r) => formatDateTime(r.publishedAt) },
    { id: "by", header: t("releases.col.by"), cell: (r) => r.publishedBy },
    { id: "catalogue", header: t("releases.col.catalogue"), cell: (r) => r.catalogueVersion },
    { id: "revisions", header: t("releases.col.revisions"), numeric: true, cell: (r) => formatNumber(r.revisionCount) },
    {
      id: "open",
      header: t("releases.col.open"),
      cell: (r) => (
        <span className="release-links">
          <button type="button" className="link-button" onClick={() => setState({ id: String(r.id) })}>
            {t("releases.details", { title: r.title })}
          </button>
          <Link to={`/?release=${r.id}`}>{t("releases.read")}</Link>
        </span>
      ),
    },
  ];

  return (
    <>
      <h1>{t("releases.title")}</h1>
      <p className="lead">{t("releases.intro")}</p>
      {releases.data?.publishing ? (
        <p className="release-bar release-bar-draft" role="status">
          {t("releases.publishing", {
            title: releases.data.publishing.title,
            by: releases.data.publishing.publishedBy,
            since: formatDateTime(releases.data.publishing.startedAt),
          })}
        </p>
      ) : null}
      {analyst ? <PublishForm busy={releases.data?.publishing != null} /> : null}
      {pendingState(releases) ??
        (list.length === 0 ? (
          <p>{t("releases.empty")}</p>
        ) : (
          <DataTable caption={t("releases.caption")} columns={columns} rows={list} rowKey={(r) => String(r.id)} />
        ))}
      {selected ? <ReleaseDetails id={selected} /> : null}
    </>
  );
}

function PublishForm({ busy }: { busy: boolean }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const noteId = useId();
  const [title, setTitle] = useState(t("releases.defaultTitle", { year: new Date().getFullYear() }));
  const [note, setNote] = useState("");
  const publish = useMutation({
    mutationFn: () => publishRelease({ title, note: note.trim() || undefined }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    publish.mutate();
  }
  return (
    <form className="panel publish-form" onSubmit={submit} aria-labelledby={`${titleId}-heading`}>
      <h2 id={`${titleId}-heading`}>{t("releases.publish.title")}</h2>
      <p>{t("releases.publish.intro")}</p>
      <div className="field">
        <label htmlFor={titleId}>{t("releases.publish.name")}</label>
        <input
          id={titleId}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={3}
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t("releases.publish.note")}</label>
        <textarea id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} />
      </div>
      <button type="submit" className="primary" disabled={publish.isPending || busy}>
        {publish.isPending ? t("releases.publish.running") : t("releases.publish.submit")}
      </button>
      <div aria-live="polite">
        {publish.isError ? (
          <p className="error" role="alert">
            {publish.error instanceof ApiError ? publish.error.message : t("error.network")}
          </p>
        ) : null}
        {publish.isSuccess ? (
          <p className="success" role="status">
            {t("releases.publish.done", { id: publish.data.id, revisions: formatNumber(publish.data.revisions) })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function ReleaseDetails({ id }: { id: number }) {
  const release = useQuery(releaseQuery(id));
  const revisions = useQuery(revisionsQuery(id));
  const pending = pendingState(release, revisions);
  if (pending) return pending;
  if (!release.data || !revisions.data) return null;
  const extractColumns: Column<ReleaseExtract>[] = [
    {
      id: "file",
      header: t("releases.extract.file"),
      rowHeader: true,
      cell: (e) => e.fileName,
      csv: (e) => e.fileName,
    },
    { id: "profile", header: t("releases.extract.profile"), cell: (e) => e.profileTitle, csv: (e) => e.profileTitle },
    { id: "office", header: t("releases.extract.office"), cell: (e) => e.office, csv: (e) => e.office },
    { id: "year", header: t("releases.extract.year"), numeric: true, cell: (e) => e.year, csv: (e) => e.year },
    { id: "imported", header: t("releases.extract.imported"), cell: (e) => formatDateTime(e.importedAt) },
    {
      id: "sha",
      header: t("releases.extract.sha"),
      cell: (e) => <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code>,
      csv: (e) => e.sha256,
    },
  ];
  return (
    <section aria-labelledby="release-details" className="release-details">
      <h2 id="release-details">{release.data.title}</h2>
      <p>
        {t("releases.meta", {
          date: formatDateTime(release.data.publishedAt),
          by: release.data.publishedBy,
          version: release.data.catalogueVersion,
          districts: formatNumber(release.data.districtCount),
        })}
      </p>
      {release.data.note ? <p>{t("releases.note", { note: release.data.note })}</p> : null}
      <h3>{t("releases.revisions.title")}</h3>
      <RevisionTable revisions={revisions.data.revisions} />
      <h3>{t("releases.extracts.title")}</h3>
      <details className="sources">
        <summary>{t("releases.extracts.show", { count: formatNumber(release.data.extracts.length) })}</summary>
        <DataTable
          caption={t("releases.extracts.caption", { count: formatNumber(release.data.extracts.length) })}
          columns={extractColumns}
          rows={release.data.extracts}
          rowKey={(e) => String(e.id)}
        />
      </details>
    </section>
  );
}

/** What changed against the previous release, value by value, with the reason. */
export function RevisionTable({ revisions }: { revisions: Revision[] }) {
  if (revisions.length === 0) return <p>{t("releases.revisions.none")}</p>;
  const shown = (value: number | null, status: string, unit: string) =>
    displayValue(value, status as ValueStatus, unit as Unit);
  const columns: Column<Revision>[] = [
    { id: "indicator", header: t("releases.revisions.indicator"), rowHeader: true, cell: (r) => r.indicatorTitle },
    { id: "year", header: t("releases.revisions.year"), numeric: true, cell: (r) => r.year },
    { id: "area", header: t("releases.revisions.area"), cell: (r) => r.areaName },
    { id: "group", header: t("releases.revisions.group"), cell: (r) => (r.group === "gesamt" ? "" : r.groupLabel) },
    {
      id: "before",
      header: t("releases.revisions.before"),
      numeric: true,
      cell: (r) => shown(r.previousValue, r.previousStatus, r.unit),
    },
    {
      id: "after",
      header: t("releases.revisions.after"),
      numeric: true,
      cell: (r) => shown(r.value, r.status, r.unit),
    },
    { id: "reason", header: t("releases.revisions.reason"), cell: (r) => r.reason },
  ];
  return (
    <DataTable
      caption={t("releases.revisions.caption", {
        count: formatNumber(revisions.length),
        previous: revisions[0].previousTitle,
      })}
      columns={columns}
      rows={revisions}
      rowKey={(r) => `${r.indicator}|${r.year}|${r.area}|${r.breakdown}|${r.group}`}
    />
  );
}
