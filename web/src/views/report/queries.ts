import type { AreaId, IndicatorMeta } from "../../api/types.ts";
import { catalogueQuery, TOTAL, valuesQuery } from "../indicator/queries.ts";
import { overviewQuery } from "../overview/queries.ts";

// The report reads what the other views read, through their factories: the keys are the same, so a report
// after the Übersicht (or an indicator page after the report) is served from the cache.

/** `{ version, fields, indicators }`: titles, definitions, sources and the catalogue version. */
export const reportCatalogueQuery = () => catalogueQuery();

/** The one request for every indicator's total series and latest comparison in the area. */
export const reportOverviewQuery = (area: AreaId) => overviewQuery(area);

/**
 * The breakdown an indicator's block needs: its comparison pair (mit/ohne …), or the total when it has none.
 * The total of a compared indicator comes with the overview, so one values request per indicator is enough.
 */
export function reportBreakdown(meta: Pick<IndicatorMeta, "comparison">): string {
  return meta.comparison?.id ?? TOTAL;
}

export interface ReportValuesParams {
  id: string;
  area: AreaId;
  breakdown: string;
}

/** One indicator's rows for the area and breakdown, all years (the report year only cuts the series). */
export const reportValuesQuery = ({ id, area, breakdown }: ReportValuesParams) => valuesQuery({ id, area, breakdown });
