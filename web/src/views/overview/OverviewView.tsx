import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { OverviewCard, SeriesPoint } from "../../api/types.ts";
import { ChartFrame } from "../../components/ChartFrame.tsx";
import type { Column } from "../../components/DataTable.tsx";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { Sparkline } from "../../components/Sparkline.tsx";
import { ValueText } from "../../components/StatusSymbol.tsx";
import { csvValue } from "../../csv.ts";
import { formatPoints, SYMBOLS, type SymbolKind, shownDifference, symbolKind } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { readingAid } from "../../readingAid.ts";
import { useUrlState } from "../../urlState.ts";
import { catalogueQuery } from "../indicator/queries.ts";
import { areaLabel, CITY } from "../shared/areas.tsx";
import { districtsQuery } from "../shared/queries.ts";
import { TrendBadge } from "../shared/trend.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { overviewQuery } from "./queries.ts";

function IndicatorCardView({ card, search }: { card: OverviewCard; search: string }) {
  const latest = card.latest;
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={{ pathname: `/indikatoren/${encodeURIComponent(card.id)}`, search }}>{card.shortTitle}</Link>
      </h3>
      <p className="card-value">
        {latest ? (
          <ValueText value={latest.value} status={latest.status} unit={card.unit} confidential={latest.confidential} />
        ) : (
          SYMBOLS.missing
        )}
        {latest ? <span className="card-year"> {latest.year}</span> : null}
      </p>
      <Sparkline points={card.series} label={readingAid({ unit: card.unit, points: card.series })} />
      {card.comparison ? (
        <>
          <dl className="card-groups">
            {card.comparison.groups.map((group) => (
              <div key={group.id}>
                <dt>{group.label}</dt>
                <dd>
                  <ValueText
                    value={group.value}
                    status={group.status}
                    unit={card.unit}
                    confidential={group.confidential}
                  />
                </dd>
              </div>
            ))}
          </dl>
          <p className="card-gap">
            {card.comparison.gap === null
              ? t("overview.gapUnknown")
              : t("overview.gap", { points: formatPoints(cardGap(card.comparison), card.unit) })}{" "}
            <TrendBadge trend={card.comparison.trend} />
            {/* The indicator page speaks of the whole series; the card's badge compares with the year before. */}
            {card.comparison.trend ? ` ${t("trend.versusPrevious")}` : null}
          </p>
        </>
      ) : null}
    </li>
  );
}

/**
 * "3 Indikatoren. Beim neuesten Vergleich hat sich der Abstand … bei 1 verringert und bei 0 vergrößert." The
 * second sentence only when at least one indicator of the field compares groups; without any it would read as
 * if the gaps had been looked at and none had changed.
 */
function fieldSummary(cards: readonly OverviewCard[]): string {
  const count = t("overview.fieldCount", { count: cards.length });
  if (!cards.some((card) => card.comparison)) return count;
  const closed = cards.filter((card) => card.comparison?.trend === "narrowed").length;
  const widened = cards.filter((card) => card.comparison?.trend === "widened").length;
  return `${count} ${t("overview.fieldGaps", { closed, widened })}`;
}

/** One Handlungsfeld: its indicator cards, with a table of all years as the alternative view. */
function FieldSection({ title, cards, search }: { title: string; cards: OverviewCard[]; search: string }) {
  const years = [...new Set(cards.flatMap((card) => card.series.map((point) => point.year)))].sort((a, b) => a - b);
  const point = (card: OverviewCard, year: number): SeriesPoint =>
    card.series.find((p) => p.year === year) ?? { year, value: null, status: "missing" };
  const symbols = new Set<SymbolKind>();
  for (const card of cards) {
    for (const year of years) {
      const p = point(card, year);
      const kind = symbolKind(p.value, p.status, p.confidential);
      if (kind) symbols.add(kind);
    }
  }

  const columns: Column<OverviewCard>[] = [
    {
      id: "indicator",
      header: t("table.indicator"),
      rowHeader: true,
      cell: (card) => card.title,
      csv: (card) => card.title,
    },
    { id: "unit", header: t("table.unit"), cell: (card) => card.unit, csv: (card) => card.unit },
    ...years.map<Column<OverviewCard>>((year) => ({
      id: String(year),
      header: String(year),
      numeric: true,
      cell: (card) => {
        const p = point(card, year);
        return <ValueText value={p.value} status={p.status} unit={card.unit} confidential={p.confidential} />;
      },
      csv: (card, flavour) => {
        const p = point(card, year);
        return csvValue(p.value, p.status, flavour, p.confidential);
      },
    })),
    {
      id: "gap",
      header: t("table.gapLatest"),
      numeric: true,
      cell: (card) => (card.comparison?.gap == null ? "" : formatPoints(cardGap(card.comparison), card.unit)),
      csv: (card) => card.comparison?.gap ?? null,
    },
    {
      id: "trend",
      header: t("table.gapTrend"),
      cell: (card) => <TrendBadge trend={card.comparison?.trend ?? null} />,
      csv: (card) => {
        const trend = card.comparison?.trend;
        return trend ? t(`trend.${trend}`) : null;
      },
    },
  ];

  return (
    <ChartFrame
      title={title}
      description={fieldSummary(cards)}
      table={{ columns, rows: cards, rowKey: (card) => card.id }}
      symbols={symbols}
      confidential={cards.some((card) => card.series.some((point) => point.confidential))}
      imageExport={false}
    >
      <ul className="card-grid">
        {cards.map((card) => (
          <IndicatorCardView key={card.id} card={card} search={search} />
        ))}
      </ul>
    </ChartFrame>
  );
}

/** The gap as shown: the difference of the two group values shown (see `shownDifference`). */
function cardGap(comparison: NonNullable<OverviewCard["comparison"]>): number {
  const [a, b] = comparison.groups;
  return shownDifference(a?.value, b?.value) ?? (comparison.gap as number);
}

export default function OverviewView() {
  const [state] = useUrlState({ area: CITY });
  const overview = useQuery(overviewQuery(state.area));
  const catalogue = useQuery(catalogueQuery());
  const districts = useQuery(districtsQuery());
  const place = areaLabel(state.area, districts.data);
  useDocumentTitle(`${t("overview.title")}: ${place}`);

  const pending = pendingState(overview);
  const search = state.area === CITY ? "" : `?area=${encodeURIComponent(state.area)}`;

  // Handlungsfelder in catalogue order; a field the catalogue does not know is shown under its id.
  const fields = new Map<string, OverviewCard[]>();
  for (const field of catalogue.data?.fields ?? []) fields.set(field.id, []);
  for (const card of overview.data?.cards ?? []) fields.set(card.field, [...(fields.get(card.field) ?? []), card]);
  const fieldTitle = (id: string) => catalogue.data?.fields.find((field) => field.id === id)?.title ?? id;

  return (
    <>
      <h1>
        {t("overview.title")}: {place}
        {overview.data?.year ? (
          <span className="subtitle"> {t("overview.year", { year: overview.data.year })}</span>
        ) : null}
      </h1>
      <p className="lead">{t("overview.intro")}</p>
      {pending ??
        (overview.data && overview.data.cards.length === 0 ? (
          <Empty>{t("overview.empty")}</Empty>
        ) : (
          [...fields.entries()]
            .filter(([, cards]) => cards.length > 0)
            .map(([field, cards]) => (
              <FieldSection key={field} title={fieldTitle(field)} cards={cards} search={search} />
            ))
        ))}
    </>
  );
}
