import { type UseQueryResult, useQueries, useQueryClient } from "@tanstack/react-query";
import type { AreaId, ValuesResponse } from "../../api/types.ts";
import { type ReportValuesParams, reportValuesQuery } from "./queries.ts";

/** Values requests in flight at once: a report asks for ~50, the browser keeps 6 connections per host. */
export const VALUES_CONCURRENCY = 4;

export interface ReportValues {
  results: UseQueryResult<ValuesResponse>[];
  /** Requests answered (with data or an error). */
  done: number;
  total: number;
}

/**
 * One values request per indicator, at most `limit` at a time, in report order. Each query is enabled once a
 * slot is free: walking the list, answered queries pass, and unanswered ones take slots until they are used up.
 * The walk reads the cache, and `useQueries` re-renders on every answer, so the window moves on by itself.
 */
export function useReportValues(
  items: readonly Omit<ReportValuesParams, "area">[],
  area: AreaId,
  limit = VALUES_CONCURRENCY,
): ReportValues {
  const client = useQueryClient();
  let slots = limit;
  const queries = items.map((item) => {
    const options = reportValuesQuery({ id: item.id, area, breakdown: item.breakdown });
    const status = client.getQueryState(options.queryKey)?.status;
    const answered = status === "success" || status === "error";
    const enabled = answered || slots > 0;
    if (!answered && enabled) slots -= 1;
    return { ...options, enabled };
  });
  const results = useQueries({ queries });
  const done = results.filter((result) => result.isSuccess || result.isError).length;
  return { results, done, total: items.length };
}
