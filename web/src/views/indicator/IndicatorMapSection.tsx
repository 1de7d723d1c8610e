import { useQuery } from "@tanstack/react-query";
import type { District, IndicatorMeta } from "../../api/types.ts";
import { Loading } from "../../components/QueryState.tsx";
import { YearSlider } from "../../components/YearSlider.tsx";
import { shownValue } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { ranking, stadtteilRows } from "../comparison/model.ts";
import { RankMapSection } from "../comparison/RankSection.tsx";
import { CITY, stadtteilNumber } from "../shared/areas.tsx";
import { TOTAL, valuesQuery } from "./queries.ts";

/**
 * The indicator's map of the Stadtteile beside its chart and table: the total of every Stadtteil in one year,
 * chosen with a year slider (kept in the URL as `year`). A click or Enter on a Stadtteil shows its line above.
 */
export function IndicatorMapSection({
  id,
  meta,
  districts,
  area,
  year,
  onYear,
  onArea,
}: {
  id: string;
  meta: IndicatorMeta;
  districts: District[];
  /** The area shown in the chart; a Stadtteil is outlined on the map. */
  area: string;
  /** From the URL; 0 = the latest year with values. */
  year: number;
  onYear: (year: number) => void;
  onArea: (area: string) => void;
}) {
  // Every area at once (the same query as the Stadtteilvergleich, so moving there is instant).
  const all = useQuery(valuesQuery({ id, breakdown: TOTAL }));
  if (all.isPending) return <Loading />;
  if (!all.data) return null;
  const rows = stadtteilRows(all.data.rows.filter((row) => row.group === TOTAL));
  const years = [...new Set(rows.filter((row) => row.status !== "missing").map((row) => row.year))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return null;
  const shown = years.includes(year) ? year : years[years.length - 1];
  const cityRow = all.data.rows.find((row) => row.area === CITY && row.group === TOTAL && row.year === shown);
  const cityValue = cityRow ? shownValue(cityRow) : null;
  const rank = ranking(districts, rows, shown, cityValue, meta.unit);
  const chosen = stadtteilNumber(area);
  return (
    <RankMapSection
      id={id}
      meta={meta}
      ranking={rank}
      year={shown}
      cityValue={cityValue}
      selected={chosen}
      groupText=""
      onSelect={(nr) => onArea(String(nr))}
      description={t("indicator.mapIntro")}
      controls={<YearSlider years={years} value={shown} onChange={onYear} />}
    />
  );
}
