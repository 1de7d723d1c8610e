import { useToken } from "../../api/auth.ts";
import { t } from "../../i18n/index.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { ImportHistory } from "./ImportHistory.tsx";
import { LoginForm } from "./LoginForm.tsx";
import { UploadForm } from "./UploadForm.tsx";

export default function DataPage() {
  const token = useToken();
  useDocumentTitle(t("data.title"));
  return (
    <>
      <h1>{t("data.title")}</h1>
      <p className="lead">{t("data.intro")}</p>
      {token ? (
        <>
          <UploadForm />
          <ImportHistory />
        </>
      ) : (
        <LoginForm />
      )}
    </>
  );
}
