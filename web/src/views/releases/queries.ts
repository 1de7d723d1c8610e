import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import type {
  PublishResponse,
  ReleaseDetail,
  ReleaseList,
  RevisionsResponse,
  SourcesResponse,
} from "../../api/types.ts";

export const releasesQuery = () =>
  queryOptions({
    queryKey: ["releases"],
    queryFn: ({ signal }) => api<ReleaseList>("/releases", { signal }),
    // While a release is being audited (minutes), ask again now and then to show it when it is out.
    refetchInterval: (query) => (query.state.data?.publishing ? 5000 : false),
  });

export const releaseQuery = (id: number) =>
  queryOptions({
    queryKey: ["releases", id],
    queryFn: ({ signal }) => api<ReleaseDetail>(`/releases/${id}`, { signal }),
  });

export const revisionsQuery = (id: number, indicator?: string) =>
  queryOptions({
    queryKey: ["releases", id, "revisions", indicator ?? ""],
    queryFn: ({ signal }) => api<RevisionsResponse>(`/releases/${id}/revisions`, { signal, query: { indicator } }),
  });

export const sourcesQuery = (indicator: string) =>
  queryOptions({
    queryKey: ["sources", indicator],
    queryFn: ({ signal }) => api<SourcesResponse>(`/indicators/${encodeURIComponent(indicator)}/sources`, { signal }),
  });

export function publishRelease(input: { title: string; note?: string }): Promise<PublishResponse> {
  return api<PublishResponse>("/releases", { method: "POST", json: input });
}
