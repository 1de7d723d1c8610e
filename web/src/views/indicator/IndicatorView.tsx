import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { Breakdown, GapRow, IndicatorMeta, ValueRow } from "../../api/types.ts";
import { TrendChart, type TrendDatum, type TrendSeries } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { ValueText } from "../../components/StatusSymbol.tsx";
import { type CsvColumn, csvValue } from "../../csv.ts";
import { formatDecimal, formatPoints, formatValue } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { seriesColour, seriesDash, seriesMarker, TOTAL_COLOUR } from "../../palette.ts";
import { gapReading, readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { areaLabel, CITY } from "../shared/areas.tsx";
import { anyConfidential, kindsOf, statusNotes } from "../shared/notes.ts";
import { districtsQuery } from "../shared/queries.ts";
import { TrendBadge } from "../shared/trend.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { catalogueQuery, gapsQuery, indicatorQuery, valuesCsvUrl, valuesQuery } from "./queries.ts";

const TOTAL = "gesamt";

interface YearRow {
  year: number;
  cells: Record<string, ValueRow | undefined>;
}

/** The long-format CSV: one line per value with numerator, denominator and status, as analysts re-use it. */
function valueCsvColumns(breakdowns: Breakdown[]): CsvColumn<ValueRow>[] {
  const label = (id: string) => (id === TOTAL ? t("series.total") : (breakdowns.find((b) => b.id === id)?.label ?? id));
  return [
    { header: t("table.year"), value: (row) => row.year },
    { header: t("table.area"), value: (row) => row.areaName },
    // People read the label, programs get the id.
    {
      header: t("table.breakdown"),
      value: (row, flavour) => (flavour === "de" ? label(row.breakdown) : row.breakdown),
    },
    { header: t("table.group"), value: (row) => row.groupLabel },
    { header: t("table.value"), value: (row, flavour) => csvValue(row.value, row.status, flavour, row.confidential) },
    { header: t("table.numerator"), value: (row) => row.numerator },
    { header: t("table.denominator"), value: (row) => row.denominator },
    { header: t("table.status"), value: (row) => row.status },
    { header: t("table.statusDetail"), value: (row) => row.statusDetail },
    { header: t("table.confidential"), value: (row) => (row.confidential ? t("confidential.short") : null) },
  ];
}

function MetaPanel({ meta }: { meta: IndicatorMeta }) {
  const headingId = useId();
  return (
    <aside className="meta-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("indicator.about")}</h2>
      <dl>
        <dt>{t("indicator.definition")}</dt>
        <dd>{meta.definition}</dd>
        <dt>{t("indicator.numerator")}</dt>
        <dd>{meta.numeratorLabel}</dd>
        <dt>{t("indicator.denominator")}</dt>
        <dd>{meta.denominatorLabel}</dd>
        <dt>{t("indicator.source")}</dt>
        <dd>{meta.source}</dd>
        {meta.migrationDefinition ? (
          <>
            <dt>{t("indicator.migrationDefinition")}</dt>
            <dd>{meta.migrationDefinition}</dd>
          </>
        ) : null}
        {meta.notes.length > 0 ? (
          <>
            <dt>{t("indicator.notes")}</dt>
            <dd>
              <ul>
                {meta.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {meta.seriesBreaks.length > 0 ? (
          <>
            <dt>{t("indicator.seriesBreaks")}</dt>
            <dd>
              <ul>
                {meta.seriesBreaks.map((item) => (
                  <li key={`${item.year}-${item.note}`}>
                    <strong>{item.year}:</strong> {item.note}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </aside>
  );
}

function GapSection({ meta, rows }: { meta: IndicatorMeta; rows: GapRow[] }) {
  const groups = meta.comparison?.groups ?? [];
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const data: TrendDatum[] = sorted.map((row) => ({ year: row.year, gap: row.gap }));
  const columns: Column<GapRow>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (row) => row.year, csv: (row) => row.year },
    ...groups.map<Column<GapRow>>((group) => ({
      id: group.id,
      header: group.label,
      numeric: true,
      cell: (row) => {
        const value = row.groups[group.id] ?? null;
        return <ValueText value={value} status={value === null ? "missing" : "ok"} unit={meta.unit} />;
      },
      csv: (row) => row.groups[group.id] ?? null,
    })),
    {
      id: "gap",
      header: t("table.gap"),
      numeric: true,
      cell: (row) => (row.gap === null ? "…" : formatPoints(row.gap, meta.unit)),
      csv: (row) => row.gap,
    },
    {
      id: "ratio",
      header: t("table.ratio"),
      numeric: true,
      cell: (row) => (row.ratio === null ? "…" : formatDecimal(row.ratio, 2)),
      csv: (row) => row.ratio,
    },
    {
      id: "change",
      header: t("table.gapChange"),
      numeric: true,
      cell: (row) =>
        row.gapChangeVsPrevious === null ? "" : formatPoints(row.gapChangeVsPrevious, meta.unit, { signed: true }),
      csv: (row) => row.gapChangeVsPrevious,
    },
    {
      id: "trend",
      header: t("table.gapTrend"),
      cell: (row) => <TrendBadge trend={row.trend} />,
      csv: (row, flavour) => (flavour === "de" && row.trend ? t(`trend.${row.trend}`) : row.trend),
    },
  ];
  const unitPoints = t(meta.unit === "%" ? "unit.percentPoints" : "unit.permillePoints");
  return (
    <ChartFrame
      title={t("indicator.gapTitle", { a: groups[0]?.label ?? "", b: groups[1]?.label ?? "" })}
      description={
        <>
          <p>
            {gapReading({ unit: meta.unit, points: data.map((d) => ({ year: d.year, value: d.gap })) }) ??
              t("reading.none")}
          </p>
          <p className="muted">
            {t("indicator.gapDefinition", { a: groups[0]?.label ?? "", b: groups[1]?.label ?? "" })}
          </p>
        </>
      }
      table={{ columns, rows: sorted, rowKey: (row) => String(row.year) }}
      exportLegend={[{ label: t("table.gap"), colour: TOTAL_COLOUR }]}
      exportNotes={[t("export.source", { source: meta.source })]}
    >
      <TrendChart
        data={data}
        series={[{ key: "gap", label: t("table.gap"), colour: TOTAL_COLOUR, strong: true }]}
        formatAxis={(v) => formatDecimal(v, 0)}
        formatValue={(v) => formatPoints(v, meta.unit)}
        yLabel={unitPoints}
        height={300}
      />
    </ChartFrame>
  );
}

function IndicatorPicker({ current }: { current: string }) {
  const id = useId();
  const catalogue = useQuery(catalogueQuery());
  const navigate = useNavigate();
  const location = useLocation();
  if (!catalogue.data) return null;
  const area = new URLSearchParams(location.search).get("area");
  return (
    <div className="field">
      <label htmlFor={id}>{t("indicator.pick")}</label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          // The breakdown belongs to the old indicator; only the area carries over.
          navigate({
            pathname: `/indikatoren/${encodeURIComponent(event.target.value)}`,
            search: area ? `?area=${encodeURIComponent(area)}` : "",
          })
        }
      >
        {catalogue.data.fields.map((field) => (
          <optgroup key={field.id} label={field.title}>
            {catalogue.data.indicators
              .filter((indicator) => indicator.field === field.id)
              .map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {indicator.title}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function BreakdownSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: Breakdown[];
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t("indicator.breakdown")}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={TOTAL}>{t("indicator.breakdownTotal")}</option>
        {options
          .filter((option) => option.id !== TOTAL)
          .map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
      </select>
    </div>
  );
}

export default function IndicatorView() {
  const { id = "" } = useParams();
  const [state, setState] = useUrlState({ area: CITY, breakdown: "" });
  const detail = useQuery(indicatorQuery(id));
  const districts = useQuery(districtsQuery());
  const meta = detail.data?.indicator;
  const breakdown = state.breakdown || meta?.comparison?.id || TOTAL;
  // The total does not depend on the indicator's metadata: start it at once so the first line is drawn early.
  const total = useQuery(valuesQuery({ id, area: state.area, breakdown: TOTAL }));
  const groups = useQuery({
    ...valuesQuery({ id, area: state.area, breakdown }),
    enabled: Boolean(meta) && breakdown !== TOTAL,
  });
  const gaps = useQuery({ ...gapsQuery(id, state.area), enabled: Boolean(meta?.comparison) });
  const place = areaLabel(state.area, districts.data);
  useDocumentTitle(meta ? `${meta.shortTitle}: ${place}` : t("nav.indicators"));

  const pending = pendingState(detail) ?? pendingState(total) ?? (breakdown !== TOTAL ? pendingState(groups) : null);

  let body = pending;
  if (!body && detail.data && meta) {
    const breakdownInfo = detail.data.breakdowns.find((b) => b.id === breakdown);
    const totalRows = (total.data?.rows ?? []).filter((row) => row.group === TOTAL);
    const groupRows =
      breakdown === TOTAL
        ? []
        : (groups.data?.rows ?? []).filter((row) => row.breakdown === breakdown && row.group !== TOTAL);
    const rows = [...totalRows, ...groupRows];
    const groupOrder = (
      breakdown === TOTAL
        ? []
        : (breakdownInfo?.groups.map((g) => g.id) ?? [...new Set(groupRows.map((row) => row.group))])
    ).filter((group) => group !== TOTAL);
    const groupLabel = (group: string) =>
      breakdownInfo?.groups.find((g) => g.id === group)?.label ??
      groupRows.find((row) => row.group === group)?.groupLabel ??
      group;

    const series: TrendSeries[] = [
      { key: TOTAL, label: t("series.total"), colour: TOTAL_COLOUR, strong: true },
      ...groupOrder.map((group, index) => ({
        key: group,
        label: groupLabel(group),
        colour: seriesColour(index),
        dash: seriesDash(index + 1),
        marker: seriesMarker(index + 1),
      })),
    ];
    const years = [...new Set([...detail.data.years, ...rows.map((row) => row.year)])].sort((a, b) => a - b);
    const byYear: YearRow[] = years.map((year) => ({
      year,
      cells: Object.fromEntries(
        series.map((s) => [s.key, rows.find((row) => row.year === year && row.group === s.key)]),
      ),
    }));
    const data: TrendDatum[] = byYear.map(({ year, cells }) => ({
      year,
      ...Object.fromEntries(series.map((s) => [s.key, cells[s.key]?.value ?? null])),
    }));

    const sentences = series.map((s) =>
      readingAid({
        unit: meta.unit,
        points: byYear.map(({ year, cells }) => ({
          year,
          value: cells[s.key]?.value ?? null,
          status: cells[s.key]?.status,
        })),
        group: s.key === TOTAL ? (groupOrder.length ? t("series.total") : undefined) : s.label,
      }),
    );
    if (breakdown === meta.comparison?.id && gaps.data) {
      const gapSentence = gapReading({
        unit: meta.unit,
        points: gaps.data.rows.map((row) => ({ year: row.year, value: row.gap })),
      });
      if (gapSentence) sentences.push(gapSentence);
    }

    const columns: Column<YearRow>[] = [
      { id: "year", header: t("table.year"), rowHeader: true, cell: (row) => row.year },
      ...series.map<Column<YearRow>>((s) => ({
        id: s.key,
        header: s.label,
        numeric: true,
        cell: (row) => {
          const cell = row.cells[s.key];
          return cell ? (
            <ValueText
              value={cell.value}
              status={cell.status}
              unit={meta.unit}
              detail={cell.statusDetail}
              confidential={cell.confidential}
            />
          ) : (
            <ValueText value={null} status="missing" />
          );
        },
      })),
    ];
    const footnotes = [
      ...(total.data?.footnotes ?? []),
      ...(groups.data?.footnotes ?? []),
      ...statusNotes(rows, (row) => (row.group === TOTAL ? t("series.total") : groupLabel(row.group))),
    ];
    const uniqueFootnotes = [...new Set(footnotes)];
    const areaMissing = detail.data.areas.length > 0 && !detail.data.areas.includes(state.area);
    const csvParams = { id, area: state.area, breakdown };

    body = (
      <div className="indicator-layout">
        <div className="indicator-main">
          {areaMissing || rows.length === 0 ? (
            <Empty>{t("indicator.notForArea", { area: place })}</Empty>
          ) : (
            <ChartFrame
              title={t("indicator.chartTitle", { title: meta.title, area: place })}
              description={
                <>
                  <p className="reading-aid-label">{t("indicator.readingAid")}</p>
                  {sentences.map((sentence) => (
                    <p key={sentence}>{sentence}</p>
                  ))}
                </>
              }
              table={{ columns, rows: byYear, rowKey: (row) => String(row.year) }}
              csv={{ columns: valueCsvColumns(detail.data.breakdowns), rows }}
              fileName={`${id}-${state.area.replace(":", "-")}-${breakdown}`}
              footnotes={uniqueFootnotes}
              symbols={kindsOf(rows)}
              confidential={anyConfidential(rows)}
              exportLegend={series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, marker: s.marker }))}
              exportNotes={[t("export.source", { source: meta.source }), ...uniqueFootnotes]}
              extraDownloads={
                <>
                  <a href={valuesCsvUrl(csvParams, "de")} download>
                    {t("frame.apiCsvDe")}
                  </a>
                  <a href={valuesCsvUrl(csvParams, "en")} download>
                    {t("frame.apiCsvEn")}
                  </a>
                </>
              }
            >
              <TrendChart
                data={data}
                series={series}
                formatAxis={(v) => formatDecimal(v, 0)}
                formatValue={(v) => formatValue(v, meta.unit)}
                marks={meta.seriesBreaks.map((b) => ({ year: b.year, label: t("indicator.breakMark") }))}
                yLabel={meta.unit}
              />
            </ChartFrame>
          )}
          {meta.comparison && gaps.data && gaps.data.rows.length > 0 && !areaMissing ? (
            <GapSection meta={meta} rows={gaps.data.rows} />
          ) : null}
        </div>
        <MetaPanel meta={meta} />
      </div>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link
          to={{
            pathname: "/indikatoren",
            search: state.area === CITY ? "" : `?area=${encodeURIComponent(state.area)}`,
          }}
        >
          {t("nav.indicators")}
        </Link>
      </p>
      <h1>{meta ? meta.title : t("nav.indicators")}</h1>
      <div className="toolbar">
        <IndicatorPicker current={id} />
        {detail.data ? (
          <BreakdownSelect
            value={breakdown}
            options={detail.data.breakdowns}
            onChange={(next) => setState({ breakdown: next })}
          />
        ) : null}
      </div>
      {body}
    </>
  );
}
