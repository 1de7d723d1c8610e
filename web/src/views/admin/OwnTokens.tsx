import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { type ApiToken, createToken, ownTokensQuery, revokeToken } from "./queries.ts";
import { TokenTable } from "./TokenTable.tsx";

/** The signed-in account's API tokens: create one (shown once), revoke one. */
export function OwnTokens() {
  const id = useId();
  const queryClient = useQueryClient();
  const tokens = useQuery(ownTokensQuery());
  const [label, setLabel] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["tokens"] });
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: () => {
      setLabel("");
      setMessage(null);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token, false),
    onSuccess: (_answer, token) => {
      create.reset();
      setMessage(t("tokens.revoked", { label: token.label }));
      return refresh();
    },
  });
  const error = create.error ?? revoke.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(label.trim());
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("tokens.title")}</h2>
      <p>{t("tokens.intro")}</p>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t("tokens.label")}</label>
          <input
            id={`${id}-label`}
            type="text"
            required
            maxLength={80}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t("tokens.placeholder")}
          />
        </div>
        <button type="submit" disabled={create.isPending}>
          {t("tokens.create")}
        </button>
      </form>
      {create.data ? (
        <div className="success created-token" role="status">
          <p>{t("tokens.created", { label: create.data.label })}</p>
          <code>{create.data.token}</code>
        </div>
      ) : null}
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
      {pendingState(tokens) ??
        ((tokens.data?.tokens.length ?? 0) === 0 ? (
          <Empty>{t("tokens.none")}</Empty>
        ) : (
          <TokenTable
            tokens={tokens.data?.tokens ?? []}
            showAccount={false}
            busy={revoke.isPending}
            onRevoke={(token) => revoke.mutate(token)}
          />
        ))}
    </section>
  );
}
