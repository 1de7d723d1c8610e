import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type { BenchmarksResponse } from "../../api/types.ts";

export const benchmarksQuery = (field: string) =>
  queryOptions({
    queryKey: ["benchmarks", { field }],
    queryFn: ({ signal }) => api<BenchmarksResponse>("/benchmarks", { query: { field }, signal }),
  });
