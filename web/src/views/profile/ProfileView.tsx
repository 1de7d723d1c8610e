import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { OverviewCard, SeriesPoint } from "../../api/types.ts";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { Sparkline } from "../../components/Sparkline.tsx";
import { RowValue } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import {
  formatDecimal,
  formatNumber,
  formatPoints,
  SYMBOLS,
  type SymbolKind,
  shownDifference,
  shownValue,
  symbolKind,
} from "../../format.ts";
import { locale, t } from "../../i18n/index.ts";
import { LocatorMap } from "../../map/index.ts";
import { readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { overviewQuery } from "../overview/queries.ts";
import { areaLabel, bezirkArea, CITY } from "../shared/areas.tsx";
import { BENCHMARK_MARKS } from "../shared/benchmark.ts";
import { districtsQuery, geoQuery } from "../shared/queries.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { combinedClassLabel, dynamicsClassLabel, statusClassLabel } from "../sozialmonitoring/classes.ts";
import { specialNeed } from "../sozialmonitoring/IndexSection.tsx";
import { sozialIndexQuery } from "../sozialmonitoring/queries.ts";
import { GroupGapSection } from "./GroupGapSection.tsx";
import { commonYear } from "./model.ts";
import { PairSection } from "./PairSection.tsx";

interface ProfileRow {
  card: OverviewCard;
  year: number | null;
  here: SeriesPoint | null;
  bezirk: SeriesPoint | null;
  city: SeriesPoint | null;
  citySeries: SeriesPoint[];
}

function at(card: OverviewCard | undefined, year: number | null): SeriesPoint | null {
  if (!card || year === null) return null;
  return card.series.find((point) => point.year === year) ?? { year, value: null, status: "missing" };
}

function Cell({ point, unit }: { point: SeriesPoint | null; unit: OverviewCard["unit"] }) {
  return <RowValue row={point} unit={unit} />;
}

/** "Gesamteinordnung" in words: what status and dynamics mean, this Stadtteil's pair, and whether it has need. */
function combinedExplanation(
  name: string,
  unit: { statusClass: string | null; dynamicsClass: string | null; combinedClass: string | null },
  previous: number | null,
  needy: boolean,
): string {
  const explain =
    unit.statusClass && unit.dynamicsClass
      ? `${t("profile.combinedIs", { status: unit.statusClass, dynamics: unit.dynamicsClass })} ${t(
          needy ? "profile.combinedNeed" : "profile.combinedNoNeed",
        )}`
      : t("sozial.notClassified");
  return t("profile.combinedExplain", {
    name,
    explain,
    code: combinedClassLabel(unit.combinedClass),
    previous: previous ?? "dem Vorjahr",
  });
}

function SozialPanel({ nr, name }: { nr: number; name: string }) {
  const index = useQuery(sozialIndexQuery());
  const headingId = useId();
  if (!index.data) return null; // the Steckbrief works without the Sozialmonitoring
  const unit = index.data.units.find((u) => u.stadtteil === nr);
  const excluded = index.data.excluded.find((u) => u.stadtteil === nr);
  return (
    <section className="sozial-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("profile.sozialTitle", { year: index.data.year })}</h2>
      {unit ? (
        <dl className="facts">
          <div>
            <dt>{t("sozial.statusClass")}</dt>
            <dd>
              {statusClassLabel(unit.statusClass)}
              {unit.statusIndex !== null ? (
                <span className="muted"> ({formatDecimal(unit.statusIndex, 2)})</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("sozial.dynamicsClass")}</dt>
            <dd>
              {dynamicsClassLabel(unit.dynamicsClass)}
              {unit.dynamicsIndex !== null ? (
                <span className="muted"> ({formatDecimal(unit.dynamicsIndex, 2)})</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("sozial.combinedClass")}</dt>
            <dd>{combinedClassLabel(unit.combinedClass)}</dd>
          </div>
          {unit.population !== null ? (
            <div>
              <dt>{t("sozial.population")}</dt>
              <dd>{formatNumber(unit.population)}</dd>
            </div>
          ) : null}
        </dl>
      ) : excluded ? (
        <p>{t("sozial.excluded", { reason: excluded.reason })}</p>
      ) : (
        <p>{t("sozial.notClassified")}</p>
      )}
      {unit ? (
        <p className="combined-explain">
          {combinedExplanation(
            name,
            unit,
            index.data.previousYear,
            specialNeed({ ...index.data, suppressed: index.data.suppressed ?? {} }).some((u) => u.stadtteil === nr),
          )}
        </p>
      ) : null}
      <p>
        <Link to="/sozialmonitoring">{t("profile.toSozial")}</Link>
      </p>
    </section>
  );
}

type Benchmark = NonNullable<OverviewCard["benchmarks"]>[number];

/** „+ besser als Gesamtstadt“; „nicht verglichen“ where no comparison was possible. */
function benchmarkText(benchmark: Benchmark | undefined): string {
  if (!benchmark) return "";
  const text = t(`benchmark.${benchmark.category}`, { area: benchmark.againstName });
  const mark = BENCHMARK_MARKS[benchmark.category];
  return mark ? `${mark} ${text}` : text;
}

/** The card's difference to the city in words: "Unterschied zur Gesamtstadt: +2,1 Prozentpunkte". */
function CityComparison({ row, diff }: { row: ProfileRow; diff: number | null }) {
  if (diff === null) return null;
  return (
    <p className="city-compare">
      {t("profile.cityCompare", { diff: formatPoints(diff, row.card.unit, { signed: true }) })}
    </p>
  );
}

function BenchmarkNote({ benchmark }: { benchmark: Benchmark | undefined }) {
  if (!benchmark) return null;
  return <p className={`benchmark benchmark-${benchmark.category}`}>{benchmarkText(benchmark)}</p>;
}

export default function ProfileView() {
  const { nr = "" } = useParams();
  const number = Number(nr);
  const navigate = useNavigate();
  const selectId = useId();
  const pairId = useId();
  // A second Stadtteil side by side (`mit` in the URL, so the pair can be linked).
  const [state, setState] = useUrlState({ mit: "" });
  const districts = useQuery(districtsQuery());
  const geo = useQuery(geoQuery());
  const district = districts.data?.districts.find((d) => d.number === number);
  const partner = districts.data?.districts.find((d) => String(d.number) === state.mit && d.number !== number);
  const here = useQuery(overviewQuery(nr));
  const city = useQuery(overviewQuery(CITY));
  const bezirk = useQuery({ ...overviewQuery(bezirkArea(district?.bezirk ?? "")), enabled: Boolean(district) });
  const other = useQuery({ ...overviewQuery(state.mit), enabled: Boolean(partner) });
  const name = district?.name ?? areaLabel(nr);
  useDocumentTitle(t("profile.title", { name }));

  let body = pendingState(districts, here, city);
  if (!body && districts.data && !district) body = <Empty>{t("profile.unknown", { nr })}</Empty>;
  if (!body && here.data && district) {
    const rows: ProfileRow[] = here.data.cards
      .filter((card) => card.series.some((point) => point.value !== null) || card.latest)
      .map((card) => {
        const year = card.latest?.year ?? null;
        const cityCard = city.data?.cards.find((c) => c.id === card.id);
        return {
          card,
          year,
          here: card.latest,
          bezirk: at(
            bezirk.data?.cards.find((c) => c.id === card.id),
            year,
          ),
          city: at(cityCard, year),
          citySeries: cityCard?.series ?? [],
        };
      });
    const kinds = new Set<SymbolKind>();
    for (const row of rows) {
      for (const point of [row.here, row.bezirk, row.city]) {
        const kind = point ? symbolKind(point.value, point.status, point.confidential) : null;
        if (kind) kinds.add(kind);
      }
    }
    // From the shown (rounded) values, so the difference can be recomputed from the card.
    const diff = (row: ProfileRow) =>
      shownDifference(row.here ? shownValue(row.here) : null, row.city ? shownValue(row.city) : null);
    const stand = commonYear(rows.map((row) => row.year));
    const columns: Column<ProfileRow>[] = [
      {
        id: "indicator",
        header: t("table.indicator"),
        rowHeader: true,
        cell: (row) => (
          <Link to={{ pathname: `/indikatoren/${encodeURIComponent(row.card.id)}`, search: `?area=${nr}` }}>
            {row.card.title}
          </Link>
        ),
        csv: (row) => row.card.title,
      },
      {
        id: "year",
        header: t("table.year"),
        numeric: true,
        cell: (row) => row.year ?? SYMBOLS.missing,
        csv: (row) => row.year,
      },
      {
        id: "here",
        header: name,
        numeric: true,
        cell: (row) => <Cell point={row.here} unit={row.card.unit} />,
        csv: (row, f) => (row.here ? csvValue(row.here.value, row.here.status, f, row.here.confidential) : null),
      },
      {
        id: "bezirk",
        header: t("area.bezirk", { name: district.bezirk }),
        numeric: true,
        cell: (row) => <Cell point={row.bezirk} unit={row.card.unit} />,
        csv: (row, f) =>
          row.bezirk ? csvValue(row.bezirk.value, row.bezirk.status, f, row.bezirk.confidential) : null,
      },
      {
        id: "city",
        header: t("area.city"),
        numeric: true,
        cell: (row) => <Cell point={row.city} unit={row.card.unit} />,
        csv: (row, f) => (row.city ? csvValue(row.city.value, row.city.status, f, row.city.confidential) : null),
      },
      {
        id: "diff",
        header: t("table.diffCity"),
        numeric: true,
        cell: (row) => {
          const d = diff(row);
          return d === null ? "" : formatPoints(d, row.card.unit, { signed: true });
        },
        csv: (row) => diff(row),
      },
      { id: "unit", header: t("table.unit"), cell: (row) => row.card.unit, csv: (row) => row.card.unit },
      ...(["stadt", bezirkArea(district.bezirk)] as const).map<Column<ProfileRow>>((against) => ({
        id: `benchmark-${against}`,
        header: t("benchmark.column", {
          area: against === CITY ? t("area.city") : t("area.bezirk", { name: district.bezirk }),
        }),
        cell: (row) => benchmarkText(row.card.benchmarks?.find((b) => b.against === against)),
        csv: (row, f) => {
          const b = row.card.benchmarks?.find((x) => x.against === against);
          return f === "de" ? benchmarkText(b) : (b?.category ?? null);
        },
      })),
    ];
    const higher = rows.filter((row) => (diff(row) ?? 0) > 0).length;
    const lower = rows.filter((row) => (diff(row) ?? 0) < 0).length;

    body =
      rows.length === 0 ? (
        <Empty>{t("profile.empty")}</Empty>
      ) : (
        <ChartFrame
          title={t("profile.coreTitle", { name })}
          description={
            <>
              <p>{t("profile.summary", { name, count: rows.length, higher, lower })}</p>
              {stand !== null ? <p className="profile-stand">{t("profile.stand", { years: stand })}</p> : null}
            </>
          }
          table={{ columns, rows, rowKey: (row) => row.card.id }}
          symbols={kinds}
          confidential={rows.some((row) => [row.here, row.bezirk, row.city].some((point) => point?.confidential))}
          fileName={`steckbrief-${nr}`}
          imageExport={false}
        >
          <ul className="card-grid">
            {rows.map((row) => (
              <li key={row.card.id} className="card">
                <h3 className="card-title">
                  <Link to={{ pathname: `/indikatoren/${encodeURIComponent(row.card.id)}`, search: `?area=${nr}` }}>
                    {row.card.shortTitle}
                  </Link>
                </h3>
                <dl className="profile-values">
                  <div className="here">
                    <dt>{name}</dt>
                    <dd>
                      <Cell point={row.here} unit={row.card.unit} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("area.bezirk", { name: district.bezirk })}</dt>
                    <dd>
                      <Cell point={row.bezirk} unit={row.card.unit} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("area.city")}</dt>
                    <dd>
                      <Cell point={row.city} unit={row.card.unit} />
                    </dd>
                  </div>
                </dl>
                <CityComparison row={row} diff={diff(row)} />
                <BenchmarkNote benchmark={row.card.benchmarks?.find((b) => b.against === CITY)} />
                <Sparkline
                  points={row.card.series}
                  reference={row.citySeries}
                  label={readingAid({ unit: row.card.unit, points: row.card.series, group: name })}
                />
                {row.year && row.year !== stand ? (
                  <p className="muted small">{t("profile.cardYear", { year: row.year })}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">{t("profile.sparkLegend")}</p>
          {here.data.benchmarkMethod ? <p className="muted">{here.data.benchmarkMethod}</p> : null}
        </ChartFrame>
      );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/stadtteile">{t("nav.profiles")}</Link>
      </p>
      <h1>{t("profile.title", { name })}</h1>
      {districts.data ? (
        <div className="profile-head">
          <div className="profile-head-main">
            {district ? (
              <p className="lead">{t("profile.lead", { number: district.number, bezirk: district.bezirk })}</p>
            ) : null}
            <div className="toolbar">
              <div className="field">
                <label htmlFor={selectId}>{t("profile.pick")}</label>
                <select id={selectId} value={nr} onChange={(event) => navigate(`/stadtteile/${event.target.value}`)}>
                  {[...districts.data.districts]
                    .sort((a, b) => a.name.localeCompare(b.name, locale()))
                    .map((d) => (
                      <option key={d.number} value={String(d.number)}>
                        {d.name}
                      </option>
                    ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={pairId}>{t("pair.pick")}</label>
                <select
                  id={pairId}
                  value={partner ? state.mit : ""}
                  onChange={(event) => setState({ mit: event.target.value || null })}
                >
                  <option value="">{t("pair.none")}</option>
                  {[...districts.data.districts]
                    .filter((d) => d.number !== number)
                    .sort((a, b) => a.name.localeCompare(b.name, locale()))
                    .map((d) => (
                      <option key={d.number} value={String(d.number)}>
                        {d.name}
                      </option>
                    ))}
                </select>
              </div>
            </div>
          </div>
          {district ? (
            <figure className="locator">
              <LocatorMap
                districts={districts.data.districts.map((d) => ({
                  stadtteil: d.number,
                  name: d.name,
                  bezirk: d.bezirk,
                }))}
                stadtteil={district.number}
                name={district.name}
                geojson={geo.data}
              />
              <figcaption className="muted small">{t("map.locatorTitle")}</figcaption>
            </figure>
          ) : null}
        </div>
      ) : null}
      {partner && here.data
        ? (pendingState(other) ??
          (other.data ? (
            <PairSection
              a={here.data}
              b={other.data}
              nameA={name}
              nameB={partner.name}
              nrA={number}
              nrB={partner.number}
              city={city.data}
              onClose={() => setState({ mit: null })}
            />
          ) : null))
        : null}
      {district ? <SozialPanel nr={number} name={name} /> : null}
      {body}
      {district && here.data ? <GroupGapSection cards={here.data.cards} name={name} nr={nr} /> : null}
    </>
  );
}
