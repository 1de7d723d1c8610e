import type { ReactNode } from "react";
import { Link } from "react-router";
import type { IndicatorMeta } from "../../api/types.ts";
import { MapPanel, mapExportLegend } from "../../charts/MapPanel.tsx";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { RowValue } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import { explainSymbol, formatDecimal, formatValue, SYMBOLS, symbolKind } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { TOTAL_COLOUR } from "../../palette.ts";
import { anyConfidential, kindsOf } from "../shared/notes.ts";
import { type Ranked, type Ranking, rankedLabel, rankedMapValues, rankedValue } from "./model.ts";
import { RankedBars } from "./RankedBars.tsx";

function statusWords(r: Ranked): string {
  const kind = symbolKind(r.row?.value ?? null, r.row?.status ?? "missing");
  return kind && kind !== "zero" ? explainSymbol(kind) : "";
}

/** The ranking's table, shared by the bars and the map. */
function rankTable(
  ranking: Ranking,
  unit: IndicatorMeta["unit"],
  year: number,
  cityValue: number | null,
  selected: number | null,
) {
  const { ranked, withValue } = ranking;
  const columns: Column<Ranked>[] = [
    {
      id: "rank",
      header: t("table.rank"),
      numeric: true,
      cell: (r) => (rankedValue(r) !== null ? withValue.indexOf(r) + 1 : ""),
      csv: (r) => (rankedValue(r) !== null ? withValue.indexOf(r) + 1 : null),
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
      cell: (r) => <RowValue row={r.row} unit={unit} detail />,
      csv: (r, flavour) => (r.row ? csvValue(r.row.value, r.row.status, flavour) : csvValue(null, "missing", flavour)),
    },
    {
      id: "diff",
      header: t("table.diffCity"),
      numeric: true,
      cell: (r) =>
        cityValue !== null && rankedValue(r) !== null ? formatDecimal((rankedValue(r) as number) - cityValue) : "",
      csv: (r) => (cityValue !== null && rankedValue(r) !== null ? (rankedValue(r) as number) - cityValue : null),
    },
    {
      id: "status",
      header: t("table.status"),
      // In words for people ("ok" says nothing; the API's ids only in the machine-readable CSV).
      cell: (r) => statusWords(r),
      csv: (r, flavour) => (flavour === "de" ? statusWords(r) : (r.row?.status ?? "missing")),
    },
  ];
  return {
    columns,
    rows: ranked,
    rowKey: (r: Ranked) => String(r.district.number),
    highlight: (r: Ranked) => r.district.number === selected,
  };
}

interface Props {
  /** The indicator id asked for (file names). */
  id: string;
  meta: IndicatorMeta;
  ranking: Ranking;
  year: number;
  cityValue: number | null;
  selected: number | null;
  /** " (mit Migrationsvorgeschichte)" when a group is chosen. */
  groupText: string;
  onSelect: (stadtteil: number) => void;
}

/** Extra controls above the map and its table (the Indikator page's year slider). */
type MapProps = Props & { controls?: ReactNode; description?: string };

/** The Stadtteile of a year as bars against the city line. */
export function RankSection({
  id,
  meta,
  ranking,
  year,
  cityValue,
  selected,
  groupText,
  notes,
  onSelect,
}: Props & { notes: string[] }) {
  const { unit } = meta;
  const cityLabel = t("comparison.cityLine", {
    value: cityValue === null ? SYMBOLS.missing : formatValue(cityValue, unit),
  });
  return (
    <ChartFrame
      title={t("comparison.rankTitle", { title: meta.shortTitle + groupText, year })}
      description={<p>{ranking.description}</p>}
      table={rankTable(ranking, unit, year, cityValue, selected)}
      footnotes={notes}
      symbols={kindsOf(ranking.yearRows)}
      confidential={anyConfidential(ranking.yearRows)}
      fileName={`${id}-stadtteile-${year}`}
      exportLegend={[{ label: cityLabel, colour: TOTAL_COLOUR, dash: "6 3" }]}
      exportNotes={[t("export.source", { source: meta.source }), ...notes]}
    >
      <RankedBars
        data={ranking.ranked.map((r) => ({
          stadtteil: r.district.number,
          name: r.district.name,
          value: rankedValue(r),
          label: rankedLabel(r, unit),
          selected: r.district.number === selected,
        }))}
        cityValue={cityValue}
        cityLabel={cityLabel}
        formatAxis={(v) => formatDecimal(v, 0)}
        onSelect={onSelect}
      />
    </ChartFrame>
  );
}

/** The same ranking on the map. */
export function RankMapSection({
  id,
  meta,
  ranking,
  year,
  cityValue,
  selected,
  groupText,
  onSelect,
  controls,
  description,
}: MapProps) {
  const { unit } = meta;
  const title = t("comparison.mapTitle", { title: meta.shortTitle + groupText, year });
  const mapValues = rankedMapValues(ranking.ranked, unit);
  const mapScale = { type: "sequential", unit, label: t("comparison.mapLegend", { unit }) } as const;
  return (
    <ChartFrame
      title={title}
      description={
        <>
          {description ? <p>{description}</p> : null}
          <p>{ranking.description}</p>
        </>
      }
      controls={controls}
      table={rankTable(ranking, unit, year, cityValue, selected)}
      symbols={kindsOf(ranking.yearRows)}
      confidential={anyConfidential(ranking.yearRows)}
      fileName={`${id}-karte-${year}`}
      exportLegend={mapExportLegend(mapValues, mapScale)}
      exportNotes={[t("export.source", { source: meta.source })]}
    >
      <MapPanel values={mapValues} scale={mapScale} selected={selected} onSelect={onSelect} title={title} />
    </ChartFrame>
  );
}
