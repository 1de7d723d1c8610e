import { useEffect } from "react";
import { t } from "../../i18n/index.ts";

/** Each view names the browser tab (and history entries) after what it shows. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t("app.title")}`;
  }, [title]);
}
