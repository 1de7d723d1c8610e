import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactElement, ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { t } from "../i18n/index.ts";

export function Loading({ label }: { label?: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("state.loading")}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  return <p className="state state-empty">{children ?? t("state.empty")}</p>;
}

/** Shows the API's German message; other failures get a general one. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  // Nothing published yet, or no Sozialindex set up for this city: states of the city's monitoring, not failures.
  const calm = error instanceof ApiError ? calmState(error.body) : null;
  if (calm) return <Empty>{t(calm)}</Empty>;
  const message = error instanceof ApiError || error instanceof Error ? error.message : t("error.unknown");
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{t("state.errorTitle")}</strong> {message}
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      ) : null}
    </div>
  );
}

function calmState(body: unknown): "state.unpublished" | "state.noIndexConfiguration" | null {
  if (!body || typeof body !== "object" || !("details" in body)) return null;
  const { details } = body as { details: unknown };
  if (typeof details !== "object" || details === null) return null;
  if ("unpublished" in details) return "state.unpublished";
  if ("noConfiguration" in details) return "state.noIndexConfiguration";
  return null;
}

/** The loading or error state of the first query that is not ready, or null when all have data. */
export function pendingState(...queries: UseQueryResult<unknown>[]): ReactElement | null {
  const failed = queries.find((query) => query.isError);
  if (failed) return <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} />;
  if (queries.some((query) => query.isPending)) return <Loading />;
  return null;
}
