import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactElement, useId, useState } from "react";
import { useSession, useSessionKnown } from "../../api/auth.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { Empty, Loading, pendingState } from "../../components/QueryState.tsx";
import { formatDateTime, formatNumber } from "../../format.ts";
import { type MessageKey, t } from "../../i18n/index.ts";
import { LoginForm } from "../data/LoginForm.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import {
  type AccountListing,
  type ApiToken,
  AUDIT_PAGE,
  accountsQuery,
  auditQuery,
  createAccount,
  type Role,
  resetPassword,
  revokeToken,
  updateAccount,
} from "./queries.ts";
import { TokenTable } from "./TokenTable.tsx";

export const roleName = (role: Role) => t(`role.${role}`);

/** Accounts, all API tokens and the audit log: for admins (the server refuses everyone else as well). */
export default function AdminView() {
  useDocumentTitle(t("admin.title"));
  const session = useSession();
  const known = useSessionKnown();
  let body: ReactElement;
  if (!known) body = <Loading />;
  else if (!session) body = <LoginForm />;
  else if (session.account.role !== "admin")
    body = <p className="notice">{t("admin.onlyAdmins", { role: roleName(session.account.role) })}</p>;
  else
    body = (
      <>
        <Accounts ownId={session.account.id} />
        <AuditLog />
      </>
    );
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      {body}
    </>
  );
}

function Accounts({ ownId }: { ownId: number }) {
  const id = useId();
  const queryClient = useQueryClient();
  const accounts = useQuery(accountsQuery());
  const [message, setMessage] = useState<string | null>(null);
  const [resetting, setResetting] = useState<number | null>(null);
  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: ["accounts"] })
      .then(() => queryClient.invalidateQueries({ queryKey: ["audit"] }));
  const done = (text: string) => {
    setMessage(text);
    return refresh();
  };
  const toggle = useMutation({
    mutationFn: (a: AccountListing) => updateAccount(a.id, { disabled: !a.disabled }),
    onSuccess: (a) =>
      done(t("admin.changedDone", { name: a.name, state: t(a.disabled ? "admin.disabled" : "admin.enabled") })),
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token, true),
    onSuccess: (_answer, token) => done(t("tokens.revoked", { label: token.label })),
  });
  const error = toggle.error ?? revoke.error;

  const columns: Column<AccountListing>[] = [
    {
      id: "name",
      header: t("admin.name"),
      rowHeader: true,
      cell: (a) => (a.id === ownId ? `${a.name} ${t("admin.you")}` : a.name),
    },
    { id: "role", header: t("admin.role"), cell: (a) => roleName(a.role) },
    { id: "state", header: t("admin.state"), cell: (a) => t(a.disabled ? "admin.disabled" : "admin.enabled") },
    {
      id: "created",
      header: t("admin.createdAt"),
      cell: (a) => <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>,
    },
    {
      id: "password",
      header: t("admin.passwordChanged"),
      cell: (a) => <time dateTime={a.passwordChangedAt}>{formatDateTime(a.passwordChangedAt)}</time>,
    },
    {
      id: "actions",
      header: t("admin.actions"),
      cell: (a) => (
        <div className="row-actions">
          {a.id === ownId ? null : (
            <button
              type="button"
              disabled={toggle.isPending}
              aria-label={t(a.disabled ? "admin.enableLabel" : "admin.disableLabel", { name: a.name })}
              onClick={() => toggle.mutate(a)}
            >
              {t(a.disabled ? "admin.enable" : "admin.disable")}
            </button>
          )}
          <button
            type="button"
            aria-expanded={resetting === a.id}
            onClick={() => setResetting(resetting === a.id ? null : a.id)}
          >
            {t("admin.resetPassword")}
          </button>
          {resetting === a.id ? (
            <PasswordReset
              account={a}
              onDone={() => {
                setResetting(null);
                return done(t("admin.resetDone", { name: a.name }));
              }}
            />
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-accounts`}>
        <h2 id={`${id}-accounts`}>{t("admin.accounts")}</h2>
        {message ? (
          <p className="success" role="status">
            {message}
          </p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error.message}
          </p>
        ) : null}
        {pendingState(accounts) ?? (
          <DataTable
            caption={t("admin.accountsCaption", { count: accounts.data?.accounts.length ?? 0 })}
            columns={columns}
            rows={accounts.data?.accounts ?? []}
            rowKey={(a) => String(a.id)}
          />
        )}
        <NewAccount onCreated={(name) => done(t("admin.createdDone", { name }))} />
      </section>
      <section className="panel" aria-labelledby={`${id}-tokens`}>
        <h2 id={`${id}-tokens`}>{t("tokens.title")}</h2>
        {accounts.data ? (
          accounts.data.tokens.length === 0 ? (
            <Empty>{t("tokens.none")}</Empty>
          ) : (
            <TokenTable
              tokens={accounts.data.tokens}
              showAccount
              busy={revoke.isPending}
              onRevoke={(token) => revoke.mutate(token)}
            />
          )
        ) : null}
      </section>
    </>
  );
}

function PasswordReset({ account, onDone }: { account: AccountListing; onDone: () => void }) {
  const id = useId();
  const [password, setPassword] = useState("");
  const reset = useMutation({ mutationFn: () => resetPassword(account.id, password), onSuccess: onDone });
  function submit(event: FormEvent) {
    event.preventDefault();
    reset.mutate();
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t("admin.resetLabel", { name: account.name })}</label>
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={400}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" disabled={reset.isPending}>
        {t("admin.resetSave")}
      </button>
      {reset.error ? (
        <p className="error" role="alert">
          {reset.error.message}
        </p>
      ) : null}
    </form>
  );
}

function NewAccount({ onCreated }: { onCreated: (name: string) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const [password, setPassword] = useState("");
  const create = useMutation({
    mutationFn: createAccount,
    onSuccess: (account) => {
      setName("");
      setPassword("");
      onCreated(account.name);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name: name.trim(), role, password });
  }
  return (
    <form className="new-account" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("admin.new")}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("admin.name")}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          required
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t("admin.role")}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="analyst">{roleName("analyst")}</option>
          <option value="admin">{roleName("admin")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t("admin.newPassword")}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={400}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t("admin.create")}
      </button>
      {create.error ? (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      ) : null}
    </form>
  );
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  detail: string;
}

function actionName(action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const text = t(key);
  return text === key ? action : text;
}

function AuditLog() {
  const id = useId();
  const [offset, setOffset] = useState(0);
  const audit = useQuery(auditQuery(offset));
  const entries = audit.data?.entries ?? [];
  const total = audit.data?.total ?? 0;
  const range = {
    from: formatNumber(total === 0 ? 0 : offset + 1),
    to: formatNumber(offset + entries.length),
    count: formatNumber(total),
  };
  const columns: Column<AuditRow>[] = [
    {
      id: "at",
      header: t("audit.at"),
      rowHeader: true,
      cell: (r) => <time dateTime={r.at}>{formatDateTime(r.at)}</time>,
    },
    { id: "actor", header: t("audit.actor"), cell: (r) => r.actor ?? t("audit.unknown") },
    { id: "action", header: t("audit.action"), cell: (r) => actionName(r.action) },
    { id: "detail", header: t("audit.detail"), cell: (r) => r.detail },
  ];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("audit.title")}</h2>
      {pendingState(audit) ??
        (total === 0 ? (
          <Empty>{t("audit.empty")}</Empty>
        ) : (
          <>
            <DataTable
              caption={t("audit.caption", range)}
              columns={columns}
              rows={entries}
              rowKey={(r) => String(r.id)}
            />
            {total > AUDIT_PAGE ? (
              <nav className="pager" aria-label={t("audit.pager")}>
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE))}
                >
                  {t("audit.newer")}
                </button>
                <span aria-live="polite">{t("audit.range", range)}</span>
                <button
                  type="button"
                  disabled={offset + AUDIT_PAGE >= total}
                  onClick={() => setOffset(offset + AUDIT_PAGE)}
                >
                  {t("audit.older")}
                </button>
              </nav>
            ) : null}
          </>
        ))}
    </section>
  );
}
