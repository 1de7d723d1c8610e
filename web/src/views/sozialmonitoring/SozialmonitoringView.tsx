import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import type { Measures, SegregationComparison, SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import { MapPanel, mapExportLegend, type StadtteilValue } from "../../charts/MapPanel.tsx";
import { TrendChart, type TrendDatum } from "../../charts/TrendChart.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { ConfidentialMark, StatusSymbol } from "../../components/StatusSymbol.tsx";
import type { CsvCell, CsvFlavour } from "../../csv.ts";
import {
  formatDecimal,
  formatIndexPoints,
  formatNumber,
  formatSigned,
  SYMBOLS,
  type SymbolKind,
} from "../../format.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { seriesColour, seriesDash } from "../../palette.ts";
import { readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { CITY } from "../shared/areas.tsx";
import { Select } from "../shared/Select.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { combinedClassLabel, dynamicsClassLabel, statusClassLabel } from "./classes.ts";
import {
  comparisonsQuery,
  DEFAULT_INDEX_CONFIG,
  INDEX_CONFIGS,
  segregationSeriesQuery,
  sozialIndexQuery,
} from "./queries.ts";
import {
  type IndexCell,
  type IndexPath,
  indexCell,
  type WithheldCell,
  withheldNotes,
  withheldReason,
} from "./suppression.ts";

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
  // Two-group comparisons fill `measures`, multigroup ones `multigroup`; offer whatever has values (or values
  // withheld for the public: Geheimhaltung, `suppressed`).
  const all = (p: (typeof points)[number]): Measures => ({ ...p.measures, ...(p.multigroup ?? {}) });
  const reasonOf = (p: (typeof points)[number], key: string): string | undefined => p.suppressed?.[key];
  const keys = [...new Set(points.flatMap((p) => Object.keys(all(p))))].filter((key) =>
    points.some((p) => (all(p)[key] !== null && all(p)[key] !== undefined) || reasonOf(p, key) !== undefined),
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
  // A withheld value is `.` with its reason (never 0, never `…`); analysts see it marked confidential.
  const cellOf = (p: Point, key: string) => indexCell(all(p)[key] ?? null, reasonOf(p, key));
  const columns: Column<Point>[] = [
    { id: "year", header: t("table.year"), rowHeader: true, cell: (p) => p.year, csv: (p) => p.year },
    ...keys.map<Column<Point>>((key) => ({
      id: key,
      header: measureName(key),
      numeric: true,
      cell: (p) => <IndexValue cell={cellOf(p, key)} format={formatIndexPoints} />,
      // Machines get the raw [0, 1] value; people the Indexpunkte they see.
      csv: (p, flavour) => {
        const cell = cellOf(p, key);
        if (cell.kind !== "value") return flavour === "en" ? null : SYMBOLS[cell.kind];
        return flavour === "en" ? cell.value : Math.round(cell.value * 1000) / 10;
      },
    })),
  ];
  const withheld: WithheldCell[] = [];
  const kinds = new Set<SymbolKind>();
  for (const p of points) {
    for (const key of keys) {
      const cell = cellOf(p, key);
      if (cell.kind === "suppressed")
        withheld.push({ column: measureName(key), name: String(p.year), reason: cell.reason });
      if (cell.kind !== "value") kinds.add(cell.kind);
    }
  }
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
        symbols={kinds}
        confidential={points.some((p) => p.confidential === true)}
        // One note per measure and reason, naming the years (0: never "alle Stadtteile").
        footnotes={withheldNotes(withheld, 0)}
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

/** Every class in its natural order, also when no Stadtteil has it; unclassified ones last. */
function classOrder(canonical: readonly string[], present: readonly string[]): string[] {
  return [...canonical, ...[...new Set(present)].filter((c) => !canonical.includes(c))];
}

export function crossTab(index: Pick<SozialIndexResponse, "units">) {
  const statuses = classOrder(
    ["hoch", "mittel", "niedrig", "sehr niedrig"],
    index.units.map((u) => statusClassLabel(u.statusClass)),
  );
  const dynamics = classOrder(
    ["positiv", "stabil", "negativ"],
    index.units.map((u) => dynamicsClassLabel(u.dynamicsClass)),
  );
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

const CONFIG_LABELS: Record<(typeof INDEX_CONFIGS)[number], MessageKey> = {
  muenster: "sozial.config.muenster",
  "berlin-mss": "sozial.config.berlin-mss",
};

/** A numeric column of the index table and where its value sits in the answer (for Geheimhaltung). */
interface IndexColumn {
  id: string;
  header: string;
  value: (u: SozialIndexUnit) => number | null;
  path: IndexPath;
  format: (value: number) => string;
  /** Decimals of the CSV for people (`de`); machines get full precision. */
  digits: number;
}

function IndexValue({ cell, format }: { cell: IndexCell; format: (value: number) => string }) {
  if (cell.kind === "suppressed") return <StatusSymbol kind="suppressed" detail={cell.reason} />;
  if (cell.kind === "missing") return <StatusSymbol kind="missing" />;
  return (
    <>
      {format(cell.value)}
      {cell.confidential ? (
        <>
          {" "}
          <ConfidentialMark />
        </>
      ) : null}
    </>
  );
}

function csvCell(cell: IndexCell, flavour: CsvFlavour, digits: number): CsvCell {
  if (cell.kind !== "value") return flavour === "en" ? null : SYMBOLS[cell.kind];
  return flavour === "en" ? cell.value : Number(cell.value.toFixed(digits));
}

function IndexResult({
  data,
  selected,
  byDynamics,
  onSelect,
}: {
  data: SozialIndexResponse;
  selected: number | null;
  byDynamics: boolean;
  onSelect: (stadtteil: number) => void;
}) {
  const { suppressed } = data;
  // Highest need first. When Geheimhaltung blanks the index numbers, the status class (first digit of the
  // combined class, "4 -") still orders the Stadtteile.
  const statusRank = (u: SozialIndexUnit) => Number.parseInt(u.combinedClass ?? "", 10) || 0;
  const units = [...data.units].sort(
    (a, b) =>
      (b.statusIndex ?? Number.NEGATIVE_INFINITY) - (a.statusIndex ?? Number.NEGATIVE_INFINITY) ||
      statusRank(b) - statusRank(a),
  );
  const numeric = (header: string, spec: Omit<IndexColumn, "header" | "format" | "digits">, digits = 1) => ({
    ...spec,
    header,
    digits,
    format: (v: number) => formatDecimal(v, digits),
  });
  // Indicator values in %, their changes in percentage points (names from the configuration), the index numbers.
  const statusColumns: IndexColumn[] = [
    ...data.config.indicators.map((indicator) =>
      numeric(t("sozial.indicatorColumn", { title: indicator.title }), {
        id: `value-${indicator.id}`,
        value: (u) => u.values[indicator.id] ?? null,
        path: `values.${indicator.id}`,
      }),
    ),
    numeric(t("sozial.statusIndex"), { id: "statusIndex", value: (u) => u.statusIndex, path: "statusIndex" }, 2),
  ];
  const dynamicsColumns: IndexColumn[] = [
    ...(data.previousYear === null
      ? []
      : data.config.dynamics.map((change) => ({
          id: `value-${change.id}`,
          header: change.label,
          value: (u: SozialIndexUnit) => u.values[change.id] ?? null,
          path: `values.${change.id}` as const,
          format: (v: number) => formatSigned(v),
          digits: 1,
        }))),
    numeric(
      t("sozial.dynamicsIndex"),
      { id: "dynamicsIndex", value: (u) => u.dynamicsIndex, path: "dynamicsIndex" },
      2,
    ),
  ];
  const population: IndexColumn = {
    id: "population",
    header: t("sozial.population"),
    value: (u) => u.population,
    path: "population",
    format: formatNumber,
    digits: 0,
  };
  const cellOf = (spec: IndexColumn, u: SozialIndexUnit) =>
    indexCell(spec.value(u), withheldReason(suppressed, u.stadtteil, spec.path));
  const toColumn = (spec: IndexColumn): Column<SozialIndexUnit> => ({
    id: spec.id,
    header: spec.header,
    numeric: true,
    cell: (u) => <IndexValue cell={cellOf(spec, u)} format={spec.format} />,
    csv: (u, flavour) => csvCell(cellOf(spec, u), flavour, spec.digits),
  });
  // Classes stay public; only a Stadtteil withheld as a whole has none.
  const classColumn = (id: string, header: string, label: (u: SozialIndexUnit) => string): Column<SozialIndexUnit> => {
    const reason = (u: SozialIndexUnit) => withheldReason(suppressed, u.stadtteil, "class");
    return {
      id,
      header,
      cell: (u) => {
        const why = reason(u);
        return why ? <StatusSymbol kind="suppressed" detail={why} /> : label(u);
      },
      csv: (u) => (reason(u) ? SYMBOLS.suppressed : label(u)),
    };
  };
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
    toColumn(population),
    ...statusColumns.map(toColumn),
    classColumn("statusClass", t("sozial.statusClass"), (u) => statusClassLabel(u.statusClass)),
    ...dynamicsColumns.map(toColumn),
    classColumn("dynamicsClass", t("sozial.dynamicsClass"), (u) => dynamicsClassLabel(u.dynamicsClass)),
    classColumn("combined", t("sozial.combinedClass"), (u) => combinedClassLabel(u.combinedClass)),
  ];

  // Footnotes: a Stadtteil withheld as a whole once, every other withheld value per column and reason.
  const whole = new Set(units.filter((u) => suppressed[`units.${u.stadtteil}`]).map((u) => u.stadtteil));
  const withheld: WithheldCell[] = [];
  const kinds = new Set<SymbolKind>();
  for (const u of units) {
    if (whole.has(u.stadtteil)) {
      withheld.push({ column: t("sozial.allValues"), name: u.name, reason: suppressed[`units.${u.stadtteil}`] });
      kinds.add("suppressed");
      continue;
    }
    for (const spec of [population, ...statusColumns, ...dynamicsColumns]) {
      const cell = cellOf(spec, u);
      if (cell.kind === "suppressed") withheld.push({ column: spec.header, name: u.name, reason: cell.reason });
      if (cell.kind !== "value") kinds.add(cell.kind);
    }
  }

  const tab = crossTab(data);
  const title = t("sozial.indexTitle", { year: data.year });
  const mapValues: StadtteilValue[] = data.units.map((u) => ({
    stadtteil: u.stadtteil,
    name: u.name,
    bezirk: u.bezirk,
    value: byDynamics ? u.dynamicsIndex : u.statusIndex,
    display: whole.has(u.stadtteil)
      ? SYMBOLS.suppressed
      : byDynamics
        ? dynamicsClassLabel(u.dynamicsClass)
        : statusClassLabel(u.statusClass),
    category: byDynamics ? u.dynamicsClass : u.statusClass,
  }));
  const mapScale = {
    type: "categorical",
    palette: byDynamics ? "dynamics" : "status",
    label: t(byDynamics ? "sozial.dynamicsClass" : "sozial.statusClass"),
  } as const;
  return (
    <>
      <ChartFrame
        title={title}
        description={
          <p>
            {t("sozial.indexSummary", {
              year: data.year,
              previous: data.previousYear ?? "…",
              count: data.units.length,
              excluded: data.excluded.length,
            })}{" "}
            {t("sozial.configUsed", { name: data.config.name })}
          </p>
        }
        table={{ columns, rows: units, rowKey: (u) => String(u.stadtteil), highlight: (u) => u.stadtteil === selected }}
        symbols={kinds}
        confidential={data.confidential === true}
        fileName={`sozialmonitoring-${data.config.id}-${data.year}`}
        exportLegend={mapExportLegend(mapValues, mapScale)}
        footnotes={[
          ...data.excluded.map((u) => t("sozial.excludedNote", { name: u.name, reason: u.reason })),
          ...withheldNotes(withheld, units.length - whole.size),
        ]}
      >
        <MapPanel values={mapValues} scale={mapScale} selected={selected} onSelect={onSelect} title={title} />
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

function IndexSection({
  year,
  onYear,
  years,
  config,
  onConfig,
}: {
  year: number | undefined;
  onYear: (y: string) => void;
  years: number[];
  config: string;
  onConfig: (config: string) => void;
}) {
  // While another configuration or year loads, the previous answer stays (the table view is not reset).
  const index = useQuery({ ...sozialIndexQuery({ year, config }), placeholderData: keepPreviousData });
  const [state, setState] = useUrlState({ stadtteil: "", colour: "status" });
  // A map shape opens the Stadtteil's profile.
  const navigate = useNavigate();
  const byDynamics = state.colour === "dynamics";
  const configs = INDEX_CONFIGS.map((id) => ({ value: id as string, label: t(CONFIG_LABELS[id]) }));
  // An id from an old or hand-edited link stays visible; the server's answer (400) names the allowed ones.
  if (!configs.some((option) => option.value === config)) configs.push({ value: config, label: config });
  const shownYear = index.data?.year ?? year ?? years[years.length - 1];
  return (
    <>
      {/* The controls stay while a new configuration or year loads, so keyboard focus is not lost. */}
      <div className="toolbar">
        <Select label={t("sozial.config")} value={config} onChange={onConfig} options={configs} />
        {years.length > 0 ? (
          <Select
            label={t("comparison.year")}
            value={String(shownYear)}
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
      {pendingState(index) ??
        (index.data ? (
          <div aria-busy={index.isPlaceholderData}>
            <IndexResult
              data={index.data}
              selected={Number(state.stadtteil) || null}
              byDynamics={byDynamics}
              onSelect={(nr) => navigate(`/stadtteile/${nr}`)}
            />
          </div>
        ) : null)}
    </>
  );
}

export default function SozialmonitoringView() {
  const [state, setState] = useUrlState({ comparison: "", measure: "", year: "", config: DEFAULT_INDEX_CONFIG });
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
      <IndexSection
        year={Number(state.year) || undefined}
        onYear={(y) => setState({ year: y })}
        years={years}
        config={state.config}
        onConfig={(config) => setState({ config })}
      />
    </>
  );
}
