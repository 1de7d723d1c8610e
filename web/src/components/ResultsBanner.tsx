import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../api/client.ts";
import type { StatusResponse } from "../api/types.ts";

/** While new data are being computed, ask again every few seconds; otherwise once per page load. */
const POLL_MS = 5000;

export const resultsStatusQuery = () =>
  queryOptions({
    queryKey: ["status"],
    queryFn: ({ signal }) => api<StatusResponse>("/status", { signal }),
    refetchInterval: (query) => (query.state.data && !query.state.data.upToDate ? POLL_MS : false),
  });

/**
 * Says so when the numbers on the page are older than the stored data (an import is being computed), and
 * reloads every view's data once the new results are there.
 */
export function ResultsBanner() {
  const queryClient = useQueryClient();
  const status = useQuery(resultsStatusQuery());
  const wasBehind = useRef(false);
  const behind = status.data ? !status.data.upToDate : false;

  useEffect(() => {
    if (behind) wasBehind.current = true;
    else if (wasBehind.current) {
      wasBehind.current = false;
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "status" });
    }
  }, [behind, queryClient]);

  if (!behind || !status.data) return null;
  return (
    <p className="results-banner" role="status">
      {status.data.message}
    </p>
  );
}
