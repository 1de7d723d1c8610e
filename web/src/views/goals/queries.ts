import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { GoalsResponse } from "../../api/types.ts";

export const goalsQuery = (area: string) =>
  queryOptions({
    queryKey: ["goals", { area }],
    queryFn: ({ signal }) => api<GoalsResponse>("/goals", { query: { area }, signal }),
  });
