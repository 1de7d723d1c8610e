import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import type { District, ValueRow } from "../../api/types.ts";
import { MapPanel, mapExportLegend, type StadtteilValue } from "../../charts/MapPanel.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { Sparkline } from "../../components/Sparkline.tsx";
import { ValueText } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import { displayValue, formatDecimal, formatValue, shownValue } from "../../format.ts";
import { LOCALE, t } from "../../i18n/index.ts";
import { TOTAL_COLOUR } from "../../palette.ts";
import { readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { catalogueQuery, indicatorQuery, valuesQuery } from "../indicator/queries.ts";
import { CITY, stadtteilNumber } from "../shared/areas.tsx";
import { anyConfidential, kindsOf, statusNotes } from "../shared/notes.ts";
import { districtsQuery } from "../shared/queries.ts";
import { Select } from "../shared/Select.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { RankedBars } from "./RankedBars.tsx";

const TOTAL = "gesamt";

interface Ranked {
  district: District;
  row: ValueRow | undefined;
}

const missingRow = (district: District, year: number): ValueRow => ({
  year,
  area: String(district.number),
  areaName: district.name,
  breakdown: TOTAL,
  group: TOTAL,
  groupLabel: "",
  numerator: null,
  denominator: null,
  value: null,
  status: "missing",
  statusDetail: null,
});

export default function ComparisonView() {
  const [state, setState] = useUrlState({ indicator: "", year: "", group: TOTAL, stadtteil: "" });
  // A bar selects a Stadtteil for comparison; a map shape opens its profile.
  const navigate = useNavigate();
  const catalogue = useQuery(catalogueQuery());
  const districts = useQuery(districtsQuery());
  const id = state.indicator || catalogue.data?.indicators[0]?.id || "";
  const detail = useQuery({ ...indicatorQuery(id), enabled: id !== "" });
  const meta = detail.data?.indicator;
  const breakdown = state.group === TOTAL ? TOTAL : (meta?.comparison?.id ?? TOTAL);
  // Without `area` the server answers for every area; the city line comes from the same cached query as the Indikator view.
  const all = useQuery({ ...valuesQuery({ id, breakdown }), enabled: Boolean(meta) });
  const city = useQuery({ ...valuesQuery({ id, area: CITY, breakdown }), enabled: Boolean(meta) });
  useDocumentTitle(meta ? `${t("comparison.title")}: ${meta.shortTitle}` : t("comparison.title"));

  const years = detail.data?.years ?? [];
  const year = Number(state.year) || years[years.length - 1] || 0;
  const selected = Number(state.stadtteil) || null;

  const controls = (
    <div className="toolbar">
      {catalogue.data ? (
        <Select
          label={t("indicator.pick")}
          value={id}
          onChange={(value) => setState({ indicator: value, year: null, group: null })}
          options={catalogue.data.indicators.map((indicator) => ({ value: indicator.id, label: indicator.title }))}
        />
      ) : null}
      {years.length ? (
        <Select
          label={t("comparison.year")}
          value={String(year)}
          onChange={(value) => setState({ year: value })}
          options={[...years].reverse().map((y) => ({ value: String(y), label: String(y) }))}
        />
      ) : null}
      {meta?.comparison ? (
        <Select
          label={t("comparison.group")}
          value={state.group}
          onChange={(value) => setState({ group: value })}
          options={[
            { value: TOTAL, label: t("series.total") },
            ...meta.comparison.groups.map((group) => ({ value: group.id, label: group.label })),
          ]}
        />
      ) : null}
    </div>
  );

  const pending = pendingState(catalogue) ?? (id ? pendingState(detail, districts, all, city) : null);
  let body = pending;
  if (!body && meta && districts.data && all.data) {
    const unit = meta.unit;
    const rows = all.data.rows.filter(
      (row) => stadtteilNumber(row.area) !== null && row.breakdown === breakdown && row.group === state.group,
    );
    const cityRows = (city.data?.rows ?? []).filter((row) => row.breakdown === breakdown && row.group === state.group);
    const cityRow = cityRows.find((row) => row.year === year);
    const cityValue = cityRow ? shownValue(cityRow) : null;
    const groupText =
      state.group === TOTAL
        ? ""
        : ` (${meta.comparison?.groups.find((g) => g.id === state.group)?.label ?? state.group})`;

    const valueIn = (r: Ranked) => (r.row ? shownValue(r.row) : null);
    const ranked: Ranked[] = districts.data.districts
      .map((district) => ({
        district,
        row: rows.find((row) => row.year === year && Number(row.area) === district.number),
      }))
      .sort((a, b) => {
        const va = a.row ? shownValue(a.row) : null;
        const vb = b.row ? shownValue(b.row) : null;
        if (va === null || vb === null)
          return va === vb ? a.district.name.localeCompare(b.district.name, LOCALE) : va === null ? 1 : -1;
        return vb - va;
      });

    if (rows.length === 0) {
      body = <Empty>{t("comparison.noStadtteile")}</Empty>;
    } else {
      const yearRows = ranked.map((r) => r.row ?? missingRow(r.district, year));
      const label = (r: Ranked) =>
        r.row ? displayValue(r.row.value, r.row.status, unit, r.row.confidential) : displayValue(null, "missing");
      const above = ranked.filter(
        (r) => cityValue !== null && (valueIn(r) ?? Number.NEGATIVE_INFINITY) > cityValue,
      ).length;
      const withValue = ranked.filter((r) => valueIn(r) !== null);
      const top = withValue[0];
      const bottom = withValue[withValue.length - 1];
      const rankDescription =
        top && bottom
          ? t("comparison.rankSummary", {
              year,
              top: top.district.name,
              topValue: formatValue(valueIn(top) ?? 0, unit),
              bottom: bottom.district.name,
              bottomValue: formatValue(valueIn(bottom) ?? 0, unit),
              city: cityValue === null ? "…" : formatValue(cityValue, unit),
              above,
              count: withValue.length,
            })
          : t("reading.none");

      const rankColumns: Column<Ranked>[] = [
        {
          id: "rank",
          header: t("table.rank"),
          numeric: true,
          cell: (r) => (valueIn(r) !== null ? withValue.indexOf(r) + 1 : ""),
          csv: (r) => (valueIn(r) !== null ? withValue.indexOf(r) + 1 : null),
        },
        {
          id: "name",
          header: t("table.stadtteil"),
          rowHeader: true,
          cell: (r) => <Link to={`/stadtteile/${r.district.number}`}>{r.district.name}</Link>,
          csv: (r) => r.district.name,
        },
        {
          id: "nr",
          header: t("table.number"),
          numeric: true,
          cell: (r) => r.district.number,
          csv: (r) => r.district.number,
        },
        { id: "bezirk", header: t("table.bezirk"), cell: (r) => r.district.bezirk, csv: (r) => r.district.bezirk },
        {
          id: "value",
          header: `${t("table.value")} ${year}`,
          numeric: true,
          cell: (r) =>
            r.row ? (
              <ValueText
                value={r.row.value}
                status={r.row.status}
                unit={unit}
                detail={r.row.statusDetail}
                confidential={r.row.confidential}
              />
            ) : (
              <ValueText value={null} status="missing" />
            ),
          csv: (r, flavour) =>
            r.row ? csvValue(r.row.value, r.row.status, flavour) : csvValue(null, "missing", flavour),
        },
        {
          id: "diff",
          header: t("table.diffCity"),
          numeric: true,
          cell: (r) =>
            cityValue !== null && valueIn(r) !== null ? formatDecimal((valueIn(r) as number) - cityValue) : "",
          csv: (r) => (cityValue !== null && valueIn(r) !== null ? (valueIn(r) as number) - cityValue : null),
        },
        {
          id: "status",
          header: t("table.status"),
          cell: (r) => r.row?.status ?? "missing",
          csv: (r) => r.row?.status ?? "missing",
        },
      ];
      const rankTable = {
        columns: rankColumns,
        rows: ranked,
        rowKey: (r: Ranked) => String(r.district.number),
        highlight: (r: Ranked) => r.district.number === selected,
      };
      const notes = [...all.data.footnotes, ...statusNotes(yearRows, (row) => row.areaName)];
      const chartTitle = t("comparison.rankTitle", { title: meta.shortTitle + groupText, year });
      const cityLabel = t("comparison.cityLine", { value: cityValue === null ? "…" : formatValue(cityValue, unit) });

      const mapValues: StadtteilValue[] = ranked.map((r) => ({
        stadtteil: r.district.number,
        name: r.district.name,
        bezirk: r.district.bezirk,
        value: valueIn(r),
        display: label(r),
      }));
      const mapScale = { type: "sequential", unit, label: t("comparison.mapLegend", { unit }) } as const;

      // Small multiples: every Stadtteil's trend against the city.
      const allYears = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
      const cityPoints = allYears.map((y) => {
        const row = cityRows.find((r) => r.year === y);
        return { year: y, value: row ? shownValue(row) : null };
      });
      const trendOf = (district: District) =>
        allYears.map((y) => {
          const row = rows.find((r) => r.year === y && Number(r.area) === district.number);
          return { year: y, value: row ? shownValue(row) : null, row };
        });
      // One value axis for all panels, from zero: otherwise every panel would look equally dramatic.
      const shared: [number, number] = [
        0,
        Math.max(
          0,
          ...[...rows, ...cityRows].flatMap((r) => {
            const v = shownValue(r);
            return v === null ? [] : [v];
          }),
        ),
      ];
      const sortedDistricts = [...districts.data.districts].sort((a, b) => a.name.localeCompare(b.name, LOCALE));
      const trendColumns: Column<District>[] = [
        {
          id: "name",
          header: t("table.stadtteil"),
          rowHeader: true,
          cell: (d) => <Link to={`/stadtteile/${d.number}`}>{d.name}</Link>,
          csv: (d) => d.name,
        },
        ...allYears.map<Column<District>>((y) => ({
          id: String(y),
          header: String(y),
          numeric: true,
          cell: (d) => {
            const row = rows.find((r) => r.year === y && Number(r.area) === d.number);
            return row ? (
              <ValueText value={row.value} status={row.status} unit={unit} confidential={row.confidential} />
            ) : (
              <ValueText value={null} status="missing" />
            );
          },
          csv: (d, flavour) => {
            const row = rows.find((r) => r.year === y && Number(r.area) === d.number);
            return row
              ? csvValue(row.value, row.status, flavour, row.confidential)
              : csvValue(null, "missing", flavour);
          },
        })),
      ];

      body = (
        <>
          <ChartFrame
            title={chartTitle}
            description={<p>{rankDescription}</p>}
            table={rankTable}
            footnotes={notes}
            symbols={kindsOf(yearRows)}
            confidential={anyConfidential(yearRows)}
            fileName={`${id}-stadtteile-${year}`}
            exportLegend={[{ label: cityLabel, colour: TOTAL_COLOUR, dash: "6 3" }]}
            exportNotes={[t("export.source", { source: meta.source }), ...notes]}
          >
            <RankedBars
              data={ranked.map((r) => ({
                stadtteil: r.district.number,
                name: r.district.name,
                value: valueIn(r),
                label: label(r),
                selected: r.district.number === selected,
              }))}
              cityValue={cityValue}
              cityLabel={cityLabel}
              formatAxis={(v) => formatDecimal(v, 0)}
              onSelect={(nr) => setState({ stadtteil: String(nr) })}
            />
          </ChartFrame>
          {selected ? (
            <p className="selection">
              {t("comparison.selected", {
                name: districts.data.districts.find((d) => d.number === selected)?.name ?? String(selected),
              })}{" "}
              <Link to={`/stadtteile/${selected}`}>{t("comparison.openProfile")}</Link>
            </p>
          ) : null}
          <ChartFrame
            title={t("comparison.mapTitle", { title: meta.shortTitle + groupText, year })}
            description={<p>{rankDescription}</p>}
            table={rankTable}
            symbols={kindsOf(yearRows)}
            confidential={anyConfidential(yearRows)}
            fileName={`${id}-karte-${year}`}
            exportLegend={mapExportLegend(mapValues, mapScale)}
            exportNotes={[t("export.source", { source: meta.source })]}
          >
            <MapPanel
              values={mapValues}
              scale={mapScale}
              selected={selected}
              onSelect={(nr) => navigate(`/stadtteile/${nr}`)}
              title={t("comparison.mapTitle", { title: meta.shortTitle + groupText, year })}
            />
          </ChartFrame>
          <ChartFrame
            title={t("comparison.multiplesTitle", { title: meta.shortTitle + groupText })}
            description={<p>{t("comparison.multiplesDescription")}</p>}
            table={{ columns: trendColumns, rows: sortedDistricts, rowKey: (d) => String(d.number) }}
            symbols={kindsOf(rows)}
            confidential={anyConfidential(rows)}
            fileName={`${id}-stadtteile-zeitreihen`}
            imageExport={false}
          >
            <ul className="multiples">
              {sortedDistricts.map((district) => {
                const points = trendOf(district);
                const last = [...points].reverse().find((p) => p.row);
                return (
                  <li key={district.number} className={district.number === selected ? "highlight" : undefined}>
                    <Link to={`/stadtteile/${district.number}`}>{district.name}</Link>
                    <Sparkline
                      points={points}
                      reference={cityPoints}
                      domain={shared}
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
                        "…"
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
            <p className="muted">{t("comparison.multiplesLegend")}</p>
          </ChartFrame>
        </>
      );
    }
  }

  return (
    <>
      <h1>{t("comparison.title")}</h1>
      <p className="lead">{t("comparison.intro")}</p>
      {controls}
      {body}
    </>
  );
}
