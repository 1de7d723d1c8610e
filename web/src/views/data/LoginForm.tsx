import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { setToken } from "../../api/auth.ts";
import { ApiError } from "../../api/client.ts";
import { t } from "../../i18n/index.ts";
import { checkToken } from "./queries.ts";

/** The analysts' login: the admin token, checked against the server before it is kept for the session. */
export function LoginForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await checkToken(value.trim());
      setToken(value.trim());
      // Answers differ with a token (suppressed values become visible): fetch everything again.
      queryClient.clear();
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? t("auth.invalid")
          : caught instanceof Error
            ? caught.message
            : t("error.unknown"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-describedby={`${id}-hint`}>
      <h2>{t("auth.title")}</h2>
      <p id={`${id}-hint`}>{t("auth.hint")}</p>
      <div className="field">
        <label htmlFor={id}>{t("auth.token")}</label>
        <input
          id={id}
          type="password"
          autoComplete="current-password"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("auth.checking") : t("auth.login")}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
