import type { ReactNode } from "react";
import type { CsvCell, CsvFlavour } from "../csv.ts";
import { t } from "../i18n/index.ts";

export interface Column<R> {
  id: string;
  header: string;
  cell: (row: R) => ReactNode;
  /** The cell for CSV downloads; without it the column is left out of the CSV. */
  csv?: (row: R, flavour: CsvFlavour) => CsvCell;
  numeric?: boolean;
  /** The cell names the row (`<th scope="row">`), e.g. the year or the Stadtteil. */
  rowHeader?: boolean;
}

interface Props<R> {
  caption: ReactNode;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** Marks a row, e.g. the selected Stadtteil. */
  highlight?: (row: R) => boolean;
}

/** The box a wide table scrolls sideways in on narrow screens; reachable by keyboard, named by its caption. */
export function TableScroll({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <section
      className="table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={typeof caption === "string" ? t("table.region", { caption }) : t("frame.table")}
    >
      {children}
    </section>
  );
}

/** A real <table> with caption and header cells; scrolls sideways on narrow screens instead of squeezing. */
export function DataTable<R>({ caption, columns, rows, rowKey, highlight }: Props<R>) {
  return (
    <TableScroll caption={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.numeric ? "numeric" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={highlight?.(row) ? "highlight" : undefined}>
              {columns.map((column) => {
                const className = column.numeric ? "numeric" : undefined;
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {column.cell(row)}
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
