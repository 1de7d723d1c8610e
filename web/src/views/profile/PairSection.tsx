import { Link } from "react-router";
import type { OverviewResponse } from "../../api/types.ts";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { RowValue } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import { formatPoints, SYMBOLS, type SymbolKind, symbolKind } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { type PairRow, pairRows } from "./model.ts";

/**
 * Two Stadtteile side by side (the Steckbrief's `mit` in the URL): every indicator for both in the same year,
 * their difference and the city beside them; as cards and as a table.
 */
export function PairSection({
  a,
  b,
  nameA,
  nameB,
  nrA,
  nrB,
  city,
  onClose,
}: {
  a: OverviewResponse;
  b: OverviewResponse;
  nameA: string;
  nameB: string;
  nrA: number;
  nrB: number;
  city: OverviewResponse | undefined;
  onClose: () => void;
}) {
  const rows = pairRows(a, b, city);
  const higherA = rows.filter((r) => (r.diff ?? 0) > 0).length;
  const lowerA = rows.filter((r) => (r.diff ?? 0) < 0).length;
  const kinds = new Set<SymbolKind>();
  for (const row of rows) {
    for (const p of [row.a, row.b, row.city]) {
      const kind = p ? symbolKind(p.value, p.status, p.confidential) : null;
      if (kind) kinds.add(kind);
    }
  }
  const value = (pick: (r: PairRow) => PairRow["a"]) => ({
    cell: (r: PairRow) => <RowValue row={pick(r)} unit={r.unit} />,
    csv: (r: PairRow, f: "de" | "en") => {
      const p = pick(r);
      return p ? csvValue(p.value, p.status, f, p.confidential) : null;
    },
  });
  const columns: Column<PairRow>[] = [
    {
      id: "indicator",
      header: t("table.indicator"),
      rowHeader: true,
      cell: (r) => <Link to={`/indikatoren/${encodeURIComponent(r.id)}?area=${nrA}`}>{r.title}</Link>,
      csv: (r) => r.title,
    },
    { id: "year", header: t("table.year"), numeric: true, cell: (r) => r.year ?? SYMBOLS.missing, csv: (r) => r.year },
    { id: "a", header: nameA, numeric: true, ...value((r) => r.a) },
    { id: "b", header: nameB, numeric: true, ...value((r) => r.b) },
    {
      id: "diff",
      header: t("pair.diff", { a: nameA, b: nameB }),
      numeric: true,
      cell: (r) => (r.diff === null ? "" : formatPoints(r.diff, r.unit, { signed: true })),
      csv: (r) => r.diff,
    },
    { id: "city", header: t("area.city"), numeric: true, ...value((r) => r.city) },
    { id: "unit", header: t("table.unit"), cell: (r) => r.unit, csv: (r) => r.unit },
  ];
  const title = t("pair.title", { a: nameA, b: nameB });
  return (
    <ChartFrame
      title={title}
      description={
        <>
          <p>{t("pair.summary", { count: rows.length, a: nameA, b: nameB, higherA, lowerA })}</p>
          <p>
            <button type="button" className="link-button" onClick={onClose}>
              {t("pair.close")}
            </button>{" "}
            · <Link to={`/stadtteile/${nrB}`}>{t("profile.title", { name: nameB })}</Link>
          </p>
        </>
      }
      table={{ columns, rows, rowKey: (r) => r.id }}
      symbols={kinds}
      confidential={rows.some((r) => [r.a, r.b, r.city].some((p) => p?.confidential))}
      fileName={`stadtteile-${nrA}-${nrB}`}
      imageExport={false}
    >
      <ul className="card-grid pair-grid">
        {rows.map((r) => (
          <li key={r.id} className="card">
            <h3 className="card-title">{r.title}</h3>
            <dl className="profile-values pair-values">
              <div className="here">
                <dt>{nameA}</dt>
                <dd>
                  <RowValue row={r.a} unit={r.unit} />
                </dd>
              </div>
              <div className="here">
                <dt>{nameB}</dt>
                <dd>
                  <RowValue row={r.b} unit={r.unit} />
                </dd>
              </div>
              <div>
                <dt>{t("area.city")}</dt>
                <dd>
                  <RowValue row={r.city} unit={r.unit} />
                </dd>
              </div>
            </dl>
            <p className="muted small">
              {r.year ?? SYMBOLS.missing}
              {r.diff !== null
                ? ` · ${t("pair.diff", { a: nameA, b: nameB })}: ${formatPoints(r.diff, r.unit, { signed: true })}`
                : ""}
            </p>
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
