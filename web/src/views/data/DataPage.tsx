import { useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { logout, useSession, useSessionKnown } from "../../api/auth.ts";
import { Loading } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { OwnTokens } from "../admin/OwnTokens.tsx";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { ImportHistory } from "./ImportHistory.tsx";
import { LoginForm } from "./LoginForm.tsx";
import { UploadForm } from "./UploadForm.tsx";

export default function DataPage() {
  const session = useSession();
  const known = useSessionKnown();
  const queryClient = useQueryClient();
  useDocumentTitle(t("data.title"));
  return (
    <>
      <h1>{t("data.title")}</h1>
      <p className="lead">{t("data.intro")}</p>
      {!known ? (
        <Loading />
      ) : session ? (
        <>
          <div className="account-bar">
            <span>{t("auth.loggedInAs", { name: session.account.name, role: t(`role.${session.account.role}`) })}</span>
            {session.account.role === "admin" ? <Link to="/verwaltung">{t("auth.manage")}</Link> : null}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void logout();
                // Answers when signed in may contain confidential values: drop them all.
                queryClient.clear();
              }}
            >
              {t("auth.logout")}
            </button>
          </div>
          <UploadForm />
          <ImportHistory />
          <OwnTokens />
        </>
      ) : (
        <LoginForm />
      )}
    </>
  );
}
