import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { catalogueQuery } from "./queries.ts";

/** The catalogue: every indicator by Handlungsfeld, each with its definition at a glance. */
export default function IndicatorList() {
  const catalogue = useQuery(catalogueQuery());
  const { search } = useLocation();
  useDocumentTitle(t("nav.indicators"));
  const area = new URLSearchParams(search).get("area");
  const keep = area ? `?area=${encodeURIComponent(area)}` : "";

  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      {pendingState(catalogue) ??
        (catalogue.data && catalogue.data.indicators.length === 0 ? (
          <Empty />
        ) : (
          catalogue.data?.fields.map((field) => {
            const indicators = catalogue.data.indicators.filter((indicator) => indicator.field === field.id);
            if (indicators.length === 0) return null;
            return (
              <section key={field.id} className="catalogue-field">
                <h2>{field.title}</h2>
                <ul className="catalogue-list">
                  {indicators.map((indicator) => (
                    <li key={indicator.id}>
                      <Link to={{ pathname: `/indikatoren/${encodeURIComponent(indicator.id)}`, search: keep }}>
                        {indicator.title}
                      </Link>
                      <p className="muted">
                        {indicator.definition} · {t("indicator.source")}: {indicator.source}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        ))}
      {catalogue.data ? <p className="muted">{t("catalogue.version", { version: catalogue.data.version })}</p> : null}
    </>
  );
}
