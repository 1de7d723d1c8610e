import { type ReactNode, useId, useRef, useState } from "react";
import { type CsvColumn, type CsvFlavour, toCsv } from "../csv.ts";
import { downloadBlob, fileSlug } from "../download.ts";
import { downloadPng, downloadSvg, type ExportLegendItem } from "../exportChart.ts";
import type { SymbolKind } from "../format.ts";
import { t } from "../i18n/index.ts";
import { type Column, DataTable } from "./DataTable.tsx";
import { StatusLegend } from "./StatusLegend.tsx";

export interface ChartFrameProps<R, C = R> {
  title: string;
  /** A plain-language summary of what the chart shows; read out as the chart's description. */
  description: ReactNode;
  /** The chart; its largest <svg> is what PNG and SVG downloads export. */
  children: ReactNode;
  table: { columns: Column<R>[]; rows: R[]; rowKey: (row: R) => string; highlight?: (row: R) => boolean };
  /** The CSV download; defaults to the table's columns and rows. */
  csv?: { columns: CsvColumn<C>[]; rows: C[] };
  fileName?: string;
  footnotes?: string[];
  symbols?: Iterable<SymbolKind>;
  confidential?: boolean;
  /** Legend and notes for the exported image (the on-screen legend is HTML and not part of the SVG). */
  exportLegend?: ExportLegendItem[];
  exportNotes?: string[];
  /** False when the "chart" is not one SVG (cards, small multiples): then only CSV is offered. */
  imageExport?: boolean;
  /** Extra controls in the download row, e.g. a link to the API's CSV. */
  extraDownloads?: ReactNode;
  headingLevel?: 2 | 3;
  /** Controls that apply to chart and table alike (e.g. a year slider), shown above both. */
  controls?: ReactNode;
}

/**
 * The frame every chart lives in: title, visible description (also its aria-describedby), a chart/table
 * toggle, symbol legend, footnotes and downloads (CSV in two flavours, PNG, SVG).
 */
export function ChartFrame<R, C = R>(props: ChartFrameProps<R, C>) {
  const { title, description, children, table, footnotes = [], confidential = false, imageExport = true } = props;
  const [mode, setMode] = useState<"chart" | "table">("chart");
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const fileName = props.fileName ?? fileSlug(title);

  function downloadCsv(flavour: CsvFlavour) {
    const text = props.csv
      ? toCsv(props.csv.columns, props.csv.rows, flavour)
      : toCsv(
          table.columns.flatMap((column) => (column.csv ? [{ header: column.header, value: column.csv }] : [])),
          table.rows,
          flavour,
        );
    downloadBlob(new Blob([text], { type: "text/csv;charset=utf-8" }), `${fileName}-${flavour}.csv`);
  }

  async function downloadImage(kind: "png" | "svg") {
    // The largest <svg> is the chart; small ones are legend icons and the like.
    const svgs = [...(chartRef.current?.querySelectorAll("svg") ?? [])];
    const area = (element: SVGSVGElement) => {
      const box = element.getBoundingClientRect();
      return box.width * box.height;
    };
    const svg = svgs.sort((a, b) => area(b) - area(a))[0];
    if (!svg) return;
    const notes = [...(props.exportNotes ?? []), ...(confidential ? [t("confidential.long")] : [])];
    const options = { title, legend: props.exportLegend, notes };
    setExportError(null);
    try {
      if (kind === "svg") downloadSvg(svg, options, `${fileName}.svg`);
      else await downloadPng(svg, options, `${fileName}.png`);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : t("export.failed"));
    }
  }

  return (
    <section className="chart-frame" aria-labelledby={titleId}>
      <div className="chart-frame-head">
        <Heading id={titleId}>{title}</Heading>
        <fieldset className="toggle">
          <legend className="sr-only">{t("frame.display")}</legend>
          <button type="button" aria-pressed={mode === "chart"} onClick={() => setMode("chart")}>
            {t("frame.chart")}
          </button>
          <button type="button" aria-pressed={mode === "table"} onClick={() => setMode("table")}>
            {t("frame.table")}
          </button>
        </fieldset>
      </div>
      {confidential ? <p className="confidential-banner">{t("confidential.banner")}</p> : null}
      <div id={descriptionId} className="chart-description">
        {description}
      </div>
      {props.controls}
      {mode === "chart" ? (
        <figure className="chart-body" ref={chartRef} aria-labelledby={titleId} aria-describedby={descriptionId}>
          {children}
        </figure>
      ) : (
        <DataTable
          caption={title}
          columns={table.columns}
          rows={table.rows}
          rowKey={table.rowKey}
          highlight={table.highlight}
        />
      )}
      <StatusLegend kinds={props.symbols ?? []} confidential={confidential} />
      {footnotes.length > 0 ? (
        <div className="footnotes">
          <h3 className="legend-title">{t("frame.footnotes")}</h3>
          <ul>
            {footnotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset className="downloads">
        <legend className="downloads-label">
          {t("frame.download")}
          <span className="sr-only"> {title}</span>
        </legend>
        <button type="button" onClick={() => downloadCsv("de")} title={t("frame.csvDeHint")}>
          {t("frame.csvDe")}
        </button>
        <button type="button" onClick={() => downloadCsv("en")} title={t("frame.csvEnHint")}>
          {t("frame.csvEn")}
        </button>
        {imageExport && mode === "chart" ? (
          <>
            <button type="button" onClick={() => void downloadImage("png")}>
              {t("frame.png")}
            </button>
            <button type="button" onClick={() => void downloadImage("svg")}>
              {t("frame.svg")}
            </button>
          </>
        ) : null}
        {props.extraDownloads}
      </fieldset>
      {exportError ? (
        <p role="alert" className="error">
          {exportError}
        </p>
      ) : null}
    </section>
  );
}
