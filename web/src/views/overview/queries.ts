import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { AreaId, OverviewResponse } from "../../api/types.ts";

export const overviewQuery = (area: AreaId) =>
  queryOptions({
    queryKey: ["overview", { area }],
    queryFn: ({ signal }) => api<OverviewResponse>("/overview", { query: { area }, signal }),
  });
