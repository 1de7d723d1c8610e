import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import type { SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import { MapPanel, mapExportLegend } from "../../charts/MapPanel.tsx";
import { cityHasSozialindex } from "../../city.ts";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { StatusSymbol } from "../../components/StatusSymbol.tsx";
import { SYMBOLS } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import type { CategoricalScale } from "../../map/index.ts";
import { useUrlState } from "../../urlState.ts";
import { Select } from "../shared/Select.tsx";
import { BivariateLegend } from "./BivariateLegend.tsx";
import { BIVARIATE_PALETTE, bivariateMapValues, pairCounts } from "./bivariate.ts";
import { combinedClassLabel, dynamicsClassLabel, statusClassLabel } from "./classes.ts";
import { IndexValue } from "./IndexValue.tsx";
import {
  byNeed,
  CONFIG_LABELS,
  type IndexColumn,
  indexColumnCell,
  indexColumns,
  indexCsvCell,
  indexMapValues,
  indexSymbols,
  wholeWithheld,
} from "./model.ts";
import { INDEX_CONFIGS, sozialIndexQuery } from "./queries.ts";
import { withheldNotes, withheldReason } from "./suppression.ts";

function IndexResult({
  data,
  selected,
  colour,
  onSelect,
}: {
  data: SozialIndexResponse;
  selected: number | null;
  colour: MapColour;
  onSelect: (stadtteil: number) => void;
}) {
  const { suppressed } = data;
  const units = byNeed(data.units);
  const { population, status, dynamics } = indexColumns(data);
  const toColumn = (spec: IndexColumn): Column<SozialIndexUnit> => ({
    id: spec.id,
    header: spec.header,
    numeric: true,
    cell: (u) => <IndexValue cell={indexColumnCell(suppressed, spec, u)} format={spec.format} />,
    csv: (u, flavour) => indexCsvCell(indexColumnCell(suppressed, spec, u), flavour, spec.digits),
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
    ...status.map(toColumn),
    classColumn("statusClass", t("sozial.statusClass"), (u) => statusClassLabel(u.statusClass)),
    ...dynamics.map(toColumn),
    classColumn("dynamicsClass", t("sozial.dynamicsClass"), (u) => dynamicsClassLabel(u.dynamicsClass)),
    classColumn("combined", t("sozial.combinedClass"), (u) => combinedClassLabel(u.combinedClass)),
  ];

  const whole = wholeWithheld(units, suppressed);
  const { withheld, kinds } = indexSymbols(units, suppressed, [population, ...status, ...dynamics]);
  const title = t("sozial.indexTitle", { year: data.year });
  // Without a previous year there is no dynamics: the combined map falls back to the status.
  const hasDynamics = data.units.some((u) => u.dynamicsClass !== null);
  const combined = colour === "combined" && hasDynamics;
  const byDynamics = colour === "dynamics";
  const mapValues = combined ? bivariateMapValues(data, whole) : indexMapValues(data, byDynamics, whole);
  const mapScale: CategoricalScale = combined
    ? { type: "categorical", palette: BIVARIATE_PALETTE, label: t("bivariate.legend") }
    : {
        type: "categorical",
        palette: byDynamics ? "dynamics" : "status",
        label: t(byDynamics ? "sozial.dynamicsClass" : "sozial.statusClass"),
      };
  const legend = combined ? (
    <BivariateLegend counts={pairCounts(mapValues)} missing={mapValues.filter((v) => v.category === null).length} />
  ) : undefined;
  return (
    <>
      <ChartFrame
        title={title}
        description={
          <>
            <p>
              {t("sozial.indexSummary", {
                year: data.year,
                previous: data.previousYear ?? "…",
                count: data.units.length,
                excluded: data.excluded.length,
              })}{" "}
              {t("sozial.configUsed", { name: data.config.name })}
            </p>
            <p>{t("sozial.direction")}</p>
            {combined ? <p>{t("bivariate.intro")}</p> : null}
          </>
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
        <MapPanel
          values={mapValues}
          scale={mapScale}
          selected={selected}
          onSelect={onSelect}
          title={combined ? t("bivariate.title", { year: data.year }) : title}
          legend={legend}
        />
      </ChartFrame>
      <SpecialNeedList data={data} />
    </>
  );
}

type MapColour = "combined" | "status" | "dynamics";

const LOW_STATUS = ["niedrig", "sehr niedrig"];

/**
 * Stadtteile with a special need of development, after the rule of Berlin's Monitoring Soziale
 * Stadtentwicklung for its "Gebiete mit besonderem Aufmerksamkeitsbedarf": a low or very low status, or a
 * middle status with negative dynamics. Stadtteile withheld as a whole have no class and are not listed.
 */
export function specialNeed(data: SozialIndexResponse): SozialIndexUnit[] {
  const whole = wholeWithheld(data.units, data.suppressed);
  return byNeed(data.units).filter(
    (u) =>
      !whole.has(u.stadtteil) &&
      (LOW_STATUS.includes(u.statusClass ?? "") || (u.statusClass === "mittel" && u.dynamicsClass === "negativ")),
  );
}

function SpecialNeedList({ data }: { data: SozialIndexResponse }) {
  const units = specialNeed(data);
  return (
    <section className="chart-frame" aria-labelledby="sozial-need">
      <h2 id="sozial-need">{t("sozial.needTitle", { year: data.year })}</h2>
      <p>{t("sozial.needRule")}</p>
      {units.length === 0 ? (
        <p>{t("sozial.needNone")}</p>
      ) : (
        <ul className="need-list">
          {units.map((u) => (
            <li key={u.stadtteil}>
              <Link to={`/stadtteile/${u.stadtteil}`}>{u.name}</Link>{" "}
              <span className="muted">
                ({t("sozial.statusClass")}: {statusClassLabel(u.statusClass)}, {t("sozial.dynamicsClass")}:{" "}
                {dynamicsClassLabel(u.dynamicsClass)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The Sozialindex of a year and configuration: map, table and status/dynamics cross-table. */
export function IndexSection({
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
  const [state, setState] = useUrlState({ stadtteil: "", colour: "combined" });
  // A map shape opens the Stadtteil's profile.
  const navigate = useNavigate();
  const colour: MapColour = state.colour === "dynamics" || state.colour === "status" ? state.colour : "combined";
  if (!cityHasSozialindex()) return <Empty>{t("state.noIndexConfiguration")}</Empty>;
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
          value={colour}
          onChange={(value) => setState({ colour: value })}
          options={[
            { value: "combined", label: t("bivariate.colour") },
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
              colour={colour}
              onSelect={(nr) => navigate(`/stadtteile/${nr}`)}
            />
          </div>
        ) : null)}
    </>
  );
}
