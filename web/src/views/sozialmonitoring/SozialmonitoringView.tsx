import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import type { Measures, SegregationComparison, SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import { MapPanel, mapExportLegend, type StadtteilValue } from "../../charts/MapPanel.tsx";
import { TrendChart, type TrendDatum } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { formatDecimal, formatIndexPoints, formatNumber } from "../../format.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { seriesColour, seriesDash } from "../../palette.ts";
import { readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { CITY } from "../shared/areas.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { combinedClassLabel, dynamicsClassLabel, statusClassLabel } from "./classes.ts";
import { comparisonsQuery, segregationSeriesQuery, sozialIndexQuery } from "./queries.ts";

// Measure keys of the API (indicators/src/segregation/types.ts); unknown keys are shown as they come.
const MEASURE_NAMES: Record<string, MessageKey> = {
  dissimilarity: "measure.dissimilarity",
  dissimilarity_total: "measure.dissimilarity_total",
  gini: "measure.gini",
  entropy: "measure.entropy",
  atkinson: "measure.atkinson",
  isolation: "measure.isolation",
  exposure: "measure.exposure",
  exposure_other: "measure.exposure_other",
  isolation_other: "measure.isolation_other",
  eta2: "measure.eta2",
  dissimilarity_multi: "measure.dissimilarity_multi",
  gini_multi: "measure.gini_multi",
  entropy_multi: "measure.entropy_multi",
  mutual_information: "measure.mutual_information",
  normalized_exposure: "measure.normalized_exposure",
  relative_diversity: "measure.relative_diversity",
  squared_variation: "measure.squared_variation",
  diversity: "measure.diversity",
  diversity_normalized: "measure.diversity_normalized",
  simpson_interaction: "measure.simpson_interaction",
};

/** The headline measure: D for two groups, Theil's H for several. */
const HEADLINE = ["dissimilarity", "entropy_multi"];

function measureName(key: string): string {
  return MEASURE_NAMES[key] ? t(MEASURE_NAMES[key]) : key;
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Segregation({
  comparison,
  measure,
  onMeasure,
}: {
  comparison: SegregationComparison;
  measure: string;
  onMeasure: (key: string) => void;
}) {
  const series = useQuery(segregationSeriesQuery(comparison.id));
  const pending = pendingState(series);
  if (pending) return pending;
  const points = (series.data?.series ?? []).filter((p) => p.area === CITY).sort((a, b) => a.year - b.year);
  if (points.length === 0) return <Empty>{t("sozial.noSegregation")}</Empty>;
  // Two-group comparisons fill `measures`, multigroup ones `multigroup`; offer whatever has values.
  const all = (p: (typeof points)[number]): Measures => ({ ...p.measures, ...(p.multigroup ?? {}) });
  const keys = [...new Set(points.flatMap((p) => Object.keys(all(p))))].filter((key) =>
    points.some((p) => all(p)[key] !== null && all(p)[key] !== undefined),
  );
  const shown = keys.includes(measure) ? measure : (HEADLINE.find((key) => keys.includes(key)) ?? keys[0]);
  // The UI shows D × 100 "Indexpunkte"; the API keeps [0, 1].
  const value = (m: Measures, key: string) =>
    m[key] === null || m[key] === undefined ? null : (m[key] as number) * 100;
  const data: TrendDatum[] = points.map((p) => ({ year: p.year, [shown]: value(all(p), shown) }));
  const sentence = readingAid({
    points: data.map((d) => ({ year: d.year, value: d[shown] ?? null })),
    group: measureName(shown),
    format: (v) => `${formatDecimal(v)} ${t("unit.indexPoints")}`,
  });
  type Point = (typeof points)[number];
  const columns: Column<Point>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (p) => p.year, csv: (p) => p.year },
    ...keys.map<Column<Point>>((key) => ({
      id: key,
      header: measureName(key),
      numeric: true,
      cell: (p) => formatIndexPoints(all(p)[key] ?? null),
      // Machines get the raw [0, 1] value; people the Indexpunkte they see.
      csv: (p, flavour) => {
        const v = all(p)[key] ?? null;
        return v === null ? null : flavour === "en" ? v : Math.round(v * 1000) / 10;
      },
    })),
  ];
  const title = t("sozial.segregationTitle", { measure: measureName(shown), comparison: comparison.label });
  return (
    <>
      <div className="toolbar">
        <Select
          label={t("sozial.measure")}
          value={shown}
          onChange={onMeasure}
          options={keys.map((k) => ({ value: k, label: measureName(k) }))}
        />
      </div>
      <ChartFrame
        title={title}
        description={
          <>
            <p>{sentence}</p>
            <p className="muted">
              {t("sozial.reference", { reference: comparison.reference })} {t("sozial.indexPointsHint")}
            </p>
          </>
        }
        table={{ columns, rows: points, rowKey: (p) => String(p.year) }}
        fileName={`segregation-${comparison.id}`}
        exportLegend={[{ label: measureName(shown), colour: seriesColour(0) }]}
        exportNotes={[t("sozial.indexPointsHint")]}
      >
        <TrendChart
          data={data}
          series={[
            { key: shown, label: measureName(shown), colour: seriesColour(0), dash: seriesDash(0), strong: true },
          ]}
          formatAxis={(v) => formatDecimal(v, 0)}
          formatValue={(v) => `${formatDecimal(v)} ${t("unit.indexPoints")}`}
          yLabel={t("unit.indexPoints")}
          height={360}
        />
      </ChartFrame>
    </>
  );
}

function crossTab(index: SozialIndexResponse) {
  const statuses = [...new Set(index.units.map((u) => statusClassLabel(u.statusClass)))];
  const dynamics = [...new Set(index.units.map((u) => dynamicsClassLabel(u.dynamicsClass)))];
  const rows = statuses.map((status) => ({
    status,
    counts: dynamics.map(
      (d) =>
        index.units.filter(
          (u) => statusClassLabel(u.statusClass) === status && dynamicsClassLabel(u.dynamicsClass) === d,
        ).length,
    ),
  }));
  return { dynamics, rows };
}

function IndexSection({
  year,
  onYear,
  years,
}: {
  year: number | undefined;
  onYear: (y: string) => void;
  years: number[];
}) {
  const index = useQuery(sozialIndexQuery(year));
  const pending = pendingState(index);
  const [state, setState] = useUrlState({ stadtteil: "", colour: "status" });
  if (pending) return pending;
  if (!index.data) return null;
  const data = index.data;
  const units = [...data.units].sort((a, b) => (b.statusIndex ?? -Infinity) - (a.statusIndex ?? -Infinity));
  const columns: Column<SozialIndexUnit>[] = [
    {
      id: "name",
      header: t("table.stadtteil"),
      rowHeader: true,
      cell: (u) => <Link to={`/stadtteile/${u.stadtteil}`}>{u.name}</Link>,
      csv: (u) => u.name,
    },
    { id: "nr", header: t("table.number"), numeric: true, cell: (u) => u.stadtteil, csv: (u) => u.stadtteil },
    { id: "bezirk", header: t("table.bezirk"), cell: (u) => u.bezirk, csv: (u) => u.bezirk },
    {
      id: "population",
      header: t("sozial.population"),
      numeric: true,
      cell: (u) => (u.population === null ? "…" : formatNumber(u.population)),
      csv: (u) => u.population,
    },
    {
      id: "statusIndex",
      header: t("sozial.statusIndex"),
      numeric: true,
      cell: (u) => (u.statusIndex === null ? "…" : formatDecimal(u.statusIndex, 2)),
      csv: (u) => u.statusIndex,
    },
    {
      id: "statusClass",
      header: t("sozial.statusClass"),
      cell: (u) => statusClassLabel(u.statusClass),
      csv: (u) => statusClassLabel(u.statusClass),
    },
    {
      id: "dynamicsIndex",
      header: t("sozial.dynamicsIndex"),
      numeric: true,
      cell: (u) => (u.dynamicsIndex === null ? "…" : formatDecimal(u.dynamicsIndex, 2)),
      csv: (u) => u.dynamicsIndex,
    },
    {
      id: "dynamicsClass",
      header: t("sozial.dynamicsClass"),
      cell: (u) => dynamicsClassLabel(u.dynamicsClass),
      csv: (u) => dynamicsClassLabel(u.dynamicsClass),
    },
    {
      id: "combined",
      header: t("sozial.combinedClass"),
      cell: (u) => combinedClassLabel(u.combinedClass),
      csv: (u) => combinedClassLabel(u.combinedClass),
    },
  ];
  const tab = crossTab(data);
  const selected = Number(state.stadtteil) || null;
  const title = t("sozial.indexTitle", { year: data.year });
  const byDynamics = state.colour === "dynamics";
  const mapValues: StadtteilValue[] = data.units.map((u) => ({
    stadtteil: u.stadtteil,
    name: u.name,
    bezirk: u.bezirk,
    value: byDynamics ? u.dynamicsIndex : u.statusIndex,
    display: byDynamics ? dynamicsClassLabel(u.dynamicsClass) : statusClassLabel(u.statusClass),
    category: byDynamics ? u.dynamicsClass : u.statusClass,
  }));
  const mapScale = {
    type: "categorical",
    palette: byDynamics ? "dynamics" : "status",
    label: t(byDynamics ? "sozial.dynamicsClass" : "sozial.statusClass"),
  } as const;
  return (
    <>
      <div className="toolbar">
        {years.length > 0 ? (
          <Select
            label={t("comparison.year")}
            value={String(data.year)}
            onChange={onYear}
            options={[...years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
          />
        ) : null}
        <Select
          label={t("sozial.mapColour")}
          value={byDynamics ? "dynamics" : "status"}
          onChange={(value) => setState({ colour: value })}
          options={[
            { value: "status", label: t("sozial.statusClass") },
            { value: "dynamics", label: t("sozial.dynamicsClass") },
          ]}
        />
      </div>
      <ChartFrame
        title={title}
        description={
          <p>
            {t("sozial.indexSummary", {
              year: data.year,
              previous: data.previousYear ?? "…",
              count: data.units.length,
              excluded: data.excluded.length,
            })}
          </p>
        }
        table={{ columns, rows: units, rowKey: (u) => String(u.stadtteil), highlight: (u) => u.stadtteil === selected }}
        fileName={`sozialmonitoring-${data.year}`}
        exportLegend={mapExportLegend(mapValues, mapScale)}
        footnotes={data.excluded.map((u) => t("sozial.excludedNote", { name: u.name, reason: u.reason }))}
      >
        <MapPanel
          values={mapValues}
          scale={mapScale}
          selected={selected}
          onSelect={(nr) => setState({ stadtteil: String(nr) })}
          title={title}
        />
      </ChartFrame>
      <section className="chart-frame">
        <h2>{t("sozial.crossTitle", { year: data.year })}</h2>
        <DataTable
          caption={t("sozial.crossCaption")}
          columns={[
            {
              id: "status",
              header: t("sozial.statusClass"),
              rowHeader: true,
              cell: (r: (typeof tab.rows)[number]) => r.status,
            },
            ...tab.dynamics.map((d, i) => ({
              id: d,
              header: d,
              numeric: true,
              cell: (r: (typeof tab.rows)[number]) => r.counts[i],
            })),
          ]}
          rows={tab.rows}
          rowKey={(r) => r.status}
        />
      </section>
    </>
  );
}

export default function SozialmonitoringView() {
  const [state, setState] = useUrlState({ comparison: "", measure: "", year: "" });
  const comparisons = useQuery(comparisonsQuery());
  useDocumentTitle(t("sozial.title"));
  const list = comparisons.data?.comparisons ?? [];
  const comparison = state.comparison || list[0]?.id || "";
  const current = list.find((c) => c.id === comparison);
  const series = useQuery({ ...segregationSeriesQuery(comparison), enabled: comparison !== "" });
  const years = [...new Set((series.data?.series ?? []).map((p) => p.year))].sort((a, b) => a - b);

  return (
    <>
      <h1>{t("sozial.title")}</h1>
      <p className="lead">{t("sozial.intro")}</p>
      <h2 className="section-title">{t("sozial.segregationHeading")}</h2>
      {pendingState(comparisons) ??
        (list.length === 0 ? (
          <Empty>{t("sozial.noSegregation")}</Empty>
        ) : (
          <>
            <div className="toolbar">
              <Select
                label={t("sozial.comparison")}
                value={comparison}
                onChange={(value) => setState({ comparison: value })}
                options={list.map((c) => ({ value: c.id, label: c.label }))}
              />
            </div>
            {current ? (
              <Segregation
                comparison={current}
                measure={state.measure}
                onMeasure={(key) => setState({ measure: key })}
              />
            ) : (
              <Empty>{t("sozial.noSegregation")}</Empty>
            )}
          </>
        ))}
      <h2 className="section-title">{t("sozial.indexHeading")}</h2>
      <IndexSection year={Number(state.year) || undefined} onYear={(y) => setState({ year: y })} years={years} />
    </>
  );
}
