import { useQuery } from "@tanstack/react-query";
import type { ImportRecord } from "../../api/types.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { formatDateTime, formatNumber } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { importsQuery } from "./queries.ts";

/** Which office delivered which file when, and what replaced it. */
export function ImportHistory() {
  const imports = useQuery(importsQuery());
  const pending = pendingState(imports);
  const list = [...(imports.data?.imports ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  const byId = new Map(list.map((record) => [record.id, record]));
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
    { id: "profile", header: t("history.profile"), cell: (r) => r.profile },
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
        (list.length === 0 ? (
          <Empty>{t("history.empty")}</Empty>
        ) : (
          <DataTable
            caption={t("history.caption", { count: list.length })}
            columns={columns}
            rows={list}
            rowKey={(r) => String(r.id)}
          />
        ))}
    </section>
  );
}
