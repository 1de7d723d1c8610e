import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import type { BenchmarksResponse } from "../../api/types.ts";
import { TableScroll } from "../../components/DataTable.tsx";
import { pendingState } from "../../components/QueryState.tsx";
import { formatValue, SYMBOLS } from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";
import { useUrlState } from "../../urlState.ts";
import { catalogueQuery } from "../indicator/queries.ts";
import { BENCHMARK_MARKS, benchmarkLabel } from "../shared/benchmark.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { benchmarksQuery } from "./queries.ts";

type AreaRow = BenchmarksResponse["areas"][number];

/**
 * All Bezirke and Stadtteile against all indicators of one Handlungsfeld (Fingertips' "compare areas"): each
 * value marked better, similar or worse than the city, sortable by any indicator.
 */
export default function AreaTableView() {
  const catalogue = useQuery(catalogueQuery());
  const [state, setState] = useUrlState({ feld: "", sort: "", dir: "desc" });
  const field = state.feld || catalogue.data?.fields[0]?.id || "";
  const table = useQuery({ ...benchmarksQuery(field), enabled: field !== "" });
  const fieldId = useId();
  useDocumentTitle(t("areaTable.title"));

  return (
    <>
      <h1>{t("areaTable.title")}</h1>
      <p className="lead">{t("areaTable.intro")}</p>
      {catalogue.data ? (
        <div className="toolbar">
          <div className="field">
            <label htmlFor={fieldId}>{t("areaTable.field")}</label>
            <select id={fieldId} value={field} onChange={(event) => setState({ feld: event.target.value, sort: null })}>
              {catalogue.data.fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {pendingState(catalogue, table) ??
        (table.data ? (
          <AreaTable
            data={table.data}
            sort={state.sort}
            descending={state.dir !== "asc"}
            onSort={(id) => setState({ sort: id, dir: state.sort === id && state.dir !== "asc" ? "asc" : "desc" })}
          />
        ) : null)}
      {table.data ? (
        <>
          <p className="muted">{t("areaTable.legend")}</p>
          <p className="muted">{table.data.method}</p>
        </>
      ) : null}
    </>
  );
}

function AreaTable({
  data,
  sort,
  descending,
  onSort,
}: {
  data: BenchmarksResponse;
  sort: string;
  descending: boolean;
  onSort: (id: string) => void;
}) {
  const column = data.indicators.findIndex((i) => i.id === sort);
  const rows = [...data.areas];
  if (column >= 0) {
    rows.sort((a, b) => {
      const x = a.cells[column]?.value ?? null;
      const y = b.cells[column]?.value ?? null;
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1; // no value last
      return descending ? y - x : x - y;
    });
  } else rows.sort(byKindThenName);
  return (
    <TableScroll caption={t("areaTable.caption", { field: data.field.title })}>
      <table className="data-table area-table">
        <caption>{t("areaTable.caption", { field: data.field.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("areaTable.area")}</th>
            {data.indicators.map((indicator, k) => (
              <th
                key={indicator.id}
                scope="col"
                aria-sort={column === k ? (descending ? "descending" : "ascending") : undefined}
              >
                <button type="button" className="link-button" onClick={() => onSort(indicator.id)}>
                  {indicator.shortTitle}
                </button>
                <span className="muted small">
                  {" "}
                  {indicator.year ?? SYMBOLS.missing} · {t("areaTable.city")}{" "}
                  {indicator.city === null ? SYMBOLS.missing : formatValue(indicator.city, indicator.unit)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.area} className={row.kind === "bezirk" ? "area-table-bezirk" : undefined}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, k) => {
                const indicator = data.indicators[k];
                const text =
                  cell.value === null
                    ? cell.status === "suppressed"
                      ? SYMBOLS.suppressed
                      : SYMBOLS.missing
                    : formatValue(cell.value, indicator.unit);
                const mark = BENCHMARK_MARKS[cell.category];
                const label = benchmarkLabel(cell.category, t("area.city"));
                return (
                  <td key={indicator.id} className={`numeric benchmark-cell benchmark-${cell.category}`} title={label}>
                    {text}
                    {mark ? (
                      <>
                        {" "}
                        <span aria-hidden="true">{mark}</span> <span className="sr-only">{label}</span>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function byKindThenName(a: AreaRow, b: AreaRow): number {
  if (a.kind !== b.kind) return a.kind === "bezirk" ? -1 : 1;
  return a.name.localeCompare(b.name, locale());
}
