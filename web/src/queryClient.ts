import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/client.ts";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Results only change after an import, which invalidates everything.
        staleTime: 5 * 60_000,
        // A 4xx answer will not change on retry; show its message at once.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
