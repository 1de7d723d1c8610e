import { Link } from "react-router";
import type { OverviewCard } from "../../api/types.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { RowValue } from "../../components/StatusSymbol.tsx";
import { formatPoints } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { type GroupGapRow, groupGapRows } from "./model.ts";

/**
 * The gap between the compared groups (e.g. mit vs. ohne Migrationsgeschichte) in this Stadtteil, for every
 * indicator that compares groups: both values and their difference, derived from the shown values.
 */
export function GroupGapSection({ cards, name, nr }: { cards: readonly OverviewCard[]; name: string; nr: string }) {
  const rows = groupGapRows(cards);
  const labels = rows[0]?.groups.map((g) => g.label) ?? [];
  const columns: Column<GroupGapRow>[] = [
    {
      id: "indicator",
      header: t("table.indicator"),
      rowHeader: true,
      cell: (row) => (
        // The indicator page opens on the comparison's breakdown by itself.
        <Link to={{ pathname: `/indikatoren/${encodeURIComponent(row.card.id)}`, search: `?area=${nr}` }}>
          {row.card.shortTitle}
        </Link>
      ),
    },
    { id: "year", header: t("table.year"), numeric: true, cell: (row) => row.year },
    ...labels.map<Column<GroupGapRow>>((label, i) => ({
      id: `group-${i}`,
      header: label,
      numeric: true,
      cell: (row) => <RowValue row={row.groups[i] ?? null} unit={row.card.unit} />,
    })),
    {
      id: "gap",
      header: t("profile.gapColumn"),
      numeric: true,
      cell: (row) => (row.gap === null ? "" : formatPoints(row.gap, row.card.unit, { signed: true })),
    },
  ];
  return (
    <section className="chart-frame group-gaps" aria-labelledby="profile-gaps">
      <h2 id="profile-gaps">{t("profile.gapTitle", { name })}</h2>
      {rows.length === 0 ? (
        <p>{t("profile.gapNone", { name })}</p>
      ) : (
        <>
          <p>{t("profile.gapIntro", { name })}</p>
          <DataTable
            caption={t("profile.gapTitle", { name })}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.card.id}
          />
        </>
      )}
    </section>
  );
}
