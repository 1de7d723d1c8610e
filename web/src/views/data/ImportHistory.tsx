import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ImportRecord } from "../../api/types.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { formatDateTime, formatNumber } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { importsQuery, profilesQuery } from "./queries.ts";

/** Rows per page: the history of a city with ten offices over 13 years runs to hundreds of imports. */
export const HISTORY_PAGE = 20;

/**
 * Which office delivered which file when, and what replaced it: newest first, a page of 20 at a time (or only
 * the deliveries in force), each profile by its title.
 */
export function ImportHistory() {
  const imports = useQuery(importsQuery());
  const profiles = useQuery(profilesQuery());
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [page, setPage] = useState(0);
  const toggleId = useId();
  const pending = pendingState(imports);
  const all = [...(imports.data?.imports ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  const byId = new Map(all.map((record) => [record.id, record]));
  const list = onlyCurrent ? all.filter((record) => record.replacedBy === null) : all;
  const pages = Math.max(1, Math.ceil(list.length / HISTORY_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = list.slice(current * HISTORY_PAGE, (current + 1) * HISTORY_PAGE);
  const titles = new Map((profiles.data?.profiles ?? []).map((p) => [p.id, p.title]));
  const replacedBy = (record: ImportRecord) => {
    if (record.replacedBy === null) return t("history.current");
    const next = byId.get(record.replacedBy);
    return next
      ? t("history.replacedBy", { id: next.id, file: next.fileName, date: formatDateTime(next.importedAt) })
      : t("history.replacedById", { id: record.replacedBy });
  };
  const columns: Column<ImportRecord>[] = [
    { id: "id", header: t("history.id"), numeric: true, cell: (r) => r.id },
    {
      id: "at",
      header: t("history.importedAt"),
      rowHeader: true,
      cell: (r) => <time dateTime={r.importedAt}>{formatDateTime(r.importedAt)}</time>,
    },
    { id: "office", header: t("history.office"), cell: (r) => r.office },
    {
      id: "profile",
      header: t("history.profile"),
      cell: (r) => <span title={r.profile}>{titles.get(r.profile) ?? r.profile}</span>,
    },
    { id: "year", header: t("history.year"), numeric: true, cell: (r) => r.year },
    { id: "file", header: t("history.file"), cell: (r) => <span title={`SHA-256 ${r.sha256}`}>{r.fileName}</span> },
    { id: "lines", header: t("history.lines"), numeric: true, cell: (r) => formatNumber(r.lineCount) },
    {
      id: "observations",
      header: t("history.observations"),
      numeric: true,
      cell: (r) => formatNumber(r.observationCount),
    },
    { id: "by", header: t("history.by"), cell: (r) => r.importedBy ?? "–" },
    { id: "replaced", header: t("history.replaced"), cell: replacedBy },
  ];
  return (
    <section className="panel">
      <h2>{t("history.title")}</h2>
      {pending ??
        (all.length === 0 ? (
          <Empty>{t("history.empty")}</Empty>
        ) : (
          <>
            <div className="field field-check">
              <input
                id={toggleId}
                type="checkbox"
                checked={onlyCurrent}
                onChange={(event) => {
                  setOnlyCurrent(event.target.checked);
                  setPage(0);
                }}
              />{" "}
              <label htmlFor={toggleId}>
                {t("history.onlyCurrent", { count: all.filter((r) => r.replacedBy === null).length })}
              </label>
            </div>
            <DataTable
              caption={t(onlyCurrent ? "history.captionCurrent" : "history.caption", { count: list.length })}
              columns={columns}
              rows={shown}
              rowKey={(r) => String(r.id)}
            />
            {pages > 1 ? (
              <nav className="pager" aria-label={t("history.pager")}>
                <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  {t("history.newer")}
                </button>
                <span aria-live="polite">
                  {t("history.range", {
                    from: current * HISTORY_PAGE + 1,
                    to: current * HISTORY_PAGE + shown.length,
                    count: list.length,
                  })}
                </span>
                <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                  {t("history.older")}
                </button>
              </nav>
            ) : null}
          </>
        ))}
    </section>
  );
}
