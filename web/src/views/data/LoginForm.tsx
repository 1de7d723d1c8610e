import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { setSession } from "../../api/auth.ts";
import { t } from "../../i18n/index.ts";
import { login } from "./queries.ts";

/** The analysts' and admins' login: user name and password; the server answers with a session cookie. */
export function LoginForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await login(name.trim(), password);
      setPassword("");
      // Answers differ when signed in (confidential values become visible): fetch everything again.
      queryClient.clear();
      if (answer.account && answer.csrfToken) setSession({ account: answer.account, csrfToken: answer.csrfToken });
    } catch (caught) {
      // The server's German message says what went wrong (wrong password, locked, too many attempts and for how long).
      setError(caught instanceof Error ? caught.message : t("error.unknown"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel login-form" onSubmit={submit} aria-describedby={`${id}-hint`}>
      <h2>{t("auth.title")}</h2>
      <p id={`${id}-hint`}>{t("auth.hint")}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("auth.name")}</label>
        <input
          id={`${id}-name`}
          type="text"
          name="username"
          autoComplete="username"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t("auth.password")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={400}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
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
