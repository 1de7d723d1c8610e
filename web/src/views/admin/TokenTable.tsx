import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatDateTime } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import type { ApiToken } from "./queries.ts";

/** API tokens with their state; valid ones get a revoke button named after the token and its account. */
export function TokenTable({
  tokens,
  showAccount,
  onRevoke,
  busy,
}: {
  tokens: ApiToken[];
  showAccount: boolean;
  onRevoke: (token: ApiToken) => void;
  busy: boolean;
}) {
  const columns: Column<ApiToken>[] = [
    { id: "label", header: t("tokens.label"), rowHeader: true, cell: (r) => r.label },
    ...(showAccount ? [{ id: "account", header: t("tokens.account"), cell: (r: ApiToken) => r.accountName }] : []),
    {
      id: "created",
      header: t("tokens.createdAt"),
      cell: (r) => <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>,
    },
    {
      id: "used",
      header: t("tokens.lastUsed"),
      cell: (r) =>
        r.lastUsedAt ? <time dateTime={r.lastUsedAt}>{formatDateTime(r.lastUsedAt)}</time> : t("tokens.never"),
    },
    {
      id: "state",
      header: t("tokens.state"),
      cell: (r) => (r.revokedAt ? t("tokens.revokedAt", { date: formatDateTime(r.revokedAt) }) : t("tokens.active")),
    },
    {
      id: "actions",
      header: t("admin.actions"),
      cell: (r) =>
        r.revokedAt ? null : (
          <button
            type="button"
            disabled={busy}
            aria-label={t("tokens.revokeLabel", { label: r.label, account: r.accountName })}
            onClick={() => onRevoke(r)}
          >
            {t("tokens.revoke")}
          </button>
        ),
    },
  ];
  return (
    <DataTable
      caption={t("tokens.caption", { count: tokens.length })}
      columns={columns}
      rows={tokens}
      rowKey={(r) => String(r.id)}
    />
  );
}
