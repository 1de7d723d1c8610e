import { Link } from "react-router";
import type { District, IndicatorMeta, ValueRow } from "../../api/types.ts";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Sparkline } from "../../components/Sparkline.tsx";
import { RowValue, ValueText } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import { SYMBOLS } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { readingAid } from "../../readingAid.ts";
import { anyConfidential, kindsOf } from "../shared/notes.ts";
import { type Multiples, rowOf } from "./model.ts";

/** Every Stadtteil's trend against the city as small multiples, with a table of all years. */
export function MultiplesSection({
  id,
  meta,
  rows,
  multiples,
  selected,
  groupText,
}: {
  /** The indicator id asked for (file names). */
  id: string;
  meta: IndicatorMeta;
  /** The Stadtteile's rows of every year. */
  rows: ValueRow[];
  multiples: Multiples;
  selected: number | null;
  /** " (mit Migrationsvorgeschichte)" when a group is chosen. */
  groupText: string;
}) {
  const { unit } = meta;
  const columns: Column<District>[] = [
    {
      id: "name",
      header: t("table.stadtteil"),
      rowHeader: true,
      cell: (d) => <Link to={`/stadtteile/${d.number}`}>{d.name}</Link>,
      csv: (d) => d.name,
    },
    ...multiples.years.map<Column<District>>((y) => ({
      id: String(y),
      header: String(y),
      numeric: true,
      cell: (d) => <RowValue row={rowOf(rows, y, d.number)} unit={unit} />,
      csv: (d, flavour) => {
        const row = rowOf(rows, y, d.number);
        return row ? csvValue(row.value, row.status, flavour, row.confidential) : csvValue(null, "missing", flavour);
      },
    })),
  ];
  return (
    <ChartFrame
      title={t("comparison.multiplesTitle", { title: meta.shortTitle + groupText })}
      description={<p>{t("comparison.multiplesDescription")}</p>}
      table={{ columns, rows: multiples.districts, rowKey: (d) => String(d.number) }}
      symbols={kindsOf(rows)}
      confidential={anyConfidential(rows)}
      fileName={`${id}-stadtteile-zeitreihen`}
      imageExport={false}
    >
      <ul className="multiples">
        {multiples.districts.map((district) => {
          const points = multiples.trendOf(district);
          const last = [...points].reverse().find((p) => p.row);
          return (
            <li key={district.number} className={district.number === selected ? "highlight" : undefined}>
              <Link to={`/stadtteile/${district.number}`}>{district.name}</Link>
              <Sparkline
                points={points}
                reference={multiples.city}
                domain={multiples.domain}
                width={150}
                height={48}
                label={readingAid({ unit, points, group: district.name })}
              />
              <span className="multiples-value">
                {last?.row ? (
                  <ValueText
                    value={last.row.value}
                    status={last.row.status}
                    unit={unit}
                    confidential={last.row.confidential}
                  />
                ) : (
                  SYMBOLS.missing
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{t("comparison.multiplesLegend")}</p>
    </ChartFrame>
  );
}
