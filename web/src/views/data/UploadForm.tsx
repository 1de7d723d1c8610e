import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/client.ts";
import type { ConflictBody, ImportProblem, ImportProblemsBody, ImportSummary } from "../../api/types.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { pendingState } from "../../components/QueryState.tsx";
import { toCsv } from "../../csv.ts";
import { downloadBlob } from "../../download.ts";
import { formatDateTime, formatNumber } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { profilesQuery, uploadImport } from "./queries.ts";

function isProblemsBody(body: unknown): body is ImportProblemsBody {
  return typeof body === "object" && body !== null && "problems" in body && Array.isArray(body.problems);
}

const problemColumns: Column<ImportProblem & { index: number }>[] = [
  {
    id: "line",
    header: t("upload.line"),
    numeric: true,
    rowHeader: true,
    cell: (p) => (p.line === null ? "–" : formatNumber(p.line)),
    csv: (p) => p.line,
  },
  { id: "column", header: t("upload.column"), cell: (p) => p.column ?? "–", csv: (p) => p.column },
  {
    id: "value",
    header: t("upload.value"),
    cell: (p) => (p.value === null || p.value === "" ? "–" : <code>{p.value}</code>),
    csv: (p) => p.value,
  },
  { id: "message", header: t("upload.message"), cell: (p) => p.message, csv: (p) => p.message },
];

/** The validation report of a rejected extract: every problem at once, so the office can fix the file in one go. */
export function ProblemReport({ body, fileName }: { body: ImportProblemsBody; fileName: string }) {
  const rows = body.problems.map((problem, index) => ({ ...problem, index }));
  const columns = problemColumns.map(({ header, csv }) => ({ header, value: csv ?? (() => null) }));
  return (
    <section className="problem-report" aria-live="polite">
      <h3>{t("upload.problemsTitle", { count: formatNumber(rows.length) })}</h3>
      <p role="alert" className="error">
        {body.error}
      </p>
      <DataTable
        caption={t("upload.problemsCaption", { file: fileName, count: formatNumber(rows.length) })}
        columns={problemColumns}
        rows={rows}
        rowKey={(p) => String(p.index)}
      />
      <button
        type="button"
        onClick={() =>
          downloadBlob(
            new Blob([toCsv(columns, rows, "de")], { type: "text/csv;charset=utf-8" }),
            `pruefbericht-${fileName}.csv`,
          )
        }
      >
        {t("upload.problemsCsv")}
      </button>
    </section>
  );
}

function Success({ summary }: { summary: ImportSummary }) {
  const extract = summary.extract;
  const replaced = "replaced" in summary ? summary.replaced : null;
  return (
    <div role="status" className="success">
      <p>{summary.message}</p>
      <p>
        {t("unchanged" in summary ? "upload.unchanged" : "upload.done", {
          file: extract.fileName,
          office: extract.office,
          year: extract.year,
          lines: formatNumber(extract.lineCount),
          observations: formatNumber(extract.observationCount),
        })}
        {replaced ? ` ${t("upload.replaced", { id: replaced.id, file: replaced.fileName })}` : null}
      </p>
    </div>
  );
}

function isConflict(body: unknown): body is ConflictBody {
  return (
    typeof body === "object" &&
    body !== null &&
    "details" in body &&
    typeof body.details === "object" &&
    body.details !== null &&
    "existing" in body.details
  );
}

/** Upload an extract: profile, file, replace. Shows the summary, a conflict hint or the full problem list. */
export function UploadForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const profiles = useQuery(profilesQuery());
  const [profile, setProfile] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const upload = useMutation({
    mutationFn: uploadImport,
    // Every result is recomputed after an import: refresh all cached answers.
    onSuccess: () => queryClient.invalidateQueries(),
  });

  const chosen = profile || profiles.data?.profiles[0]?.id || "";
  const current = profiles.data?.profiles.find((p) => p.id === chosen);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !chosen) return;
    upload.mutate({ profile: chosen, file, replace });
  }

  const error = upload.error;
  const fileName = upload.variables?.file.name ?? "";

  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t("upload.title")}</h2>
      {pendingState(profiles) ?? (
        <>
          <div className="field">
            <label htmlFor={`${id}-profile`}>{t("upload.profile")}</label>
            <select id={`${id}-profile`} value={chosen} onChange={(e) => setProfile(e.target.value)} required>
              {profiles.data?.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title} ({p.office})
                </option>
              ))}
            </select>
            {current ? (
              <p className="muted small">
                {current.description}{" "}
                {t("upload.profileHint", {
                  office: current.office,
                  columns: current.columns.map((c) => c.header).join(", "),
                })}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t("upload.file")}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="field field-check">
            <input
              id={`${id}-replace`}
              type="checkbox"
              checked={replace}
              onChange={(e) => setReplace(e.target.checked)}
            />
            <label htmlFor={`${id}-replace`}>{t("upload.replace")}</label>
          </div>
          <button type="submit" className="primary" disabled={upload.isPending || !file}>
            {upload.isPending ? t("upload.sending") : t("upload.submit")}
          </button>
        </>
      )}
      {upload.isSuccess ? <Success summary={upload.data} /> : null}
      {error instanceof ApiError && error.status === 422 && isProblemsBody(error.body) ? (
        <ProblemReport body={error.body} fileName={fileName} />
      ) : error ? (
        <div role="alert" className="error">
          {/* The API's 409 text tells scripts which parameter to send; people get the form's words instead. */}
          {error instanceof ApiError && error.status === 409 && isConflict(error.body) ? (
            <p>
              {t("upload.conflictExisting", {
                year: error.body.details.existing.year,
                file: error.body.details.existing.fileName,
                date: formatDateTime(error.body.details.existing.importedAt),
              })}
            </p>
          ) : (
            <p>{error.message}</p>
          )}
          {error instanceof ApiError && error.status === 409 ? <p>{t("upload.conflictHint")}</p> : null}
        </div>
      ) : null}
    </form>
  );
}
