import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import type { IndicatorMeta } from "../../api/types.ts";
import { Empty, pendingState } from "../../components/QueryState.tsx";
import { t } from "../../i18n/index.ts";
import { writeParams } from "../../urlState.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";
import { catalogueQuery } from "./queries.ts";

/** Lower case without diacritics, so „Einbürgerung“ is found by „einburgerung“ and „Einbuergerung“ alike. */
function fold(text: string): string {
  return text
    .toLocaleLowerCase("de-DE")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

/** Every word of the query occurs in the title, short title, definition or Handlungsfeld. */
export function matchesSearch(indicator: IndicatorMeta, fieldTitle: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([indicator.title, indicator.shortTitle, indicator.definition, fieldTitle].join(" "));
  const loose = haystack.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  return words.every((w) => haystack.includes(w) || loose.includes(w));
}

/** The catalogue: every indicator by Handlungsfeld, each with its definition at a glance, searchable. */
export default function IndicatorList() {
  const catalogue = useQuery(catalogueQuery());
  const [params, setParams] = useSearchParams();
  const searchId = useId();
  useDocumentTitle(t("nav.indicators"));
  const area = params.get("area");
  const query = params.get("q") ?? "";
  const keep = area ? `?area=${encodeURIComponent(area)}` : "";
  // Replaced, not pushed: typing a word should not leave one history entry per letter.
  const setQuery = (next: string) =>
    setParams((current) => writeParams(current, { q: next }, { q: "" }), { replace: true });

  const fields = (catalogue.data?.fields ?? []).map((field) => ({
    field,
    indicators: (catalogue.data?.indicators ?? []).filter(
      (indicator) => indicator.field === field.id && matchesSearch(indicator, field.title, query),
    ),
  }));
  const found = fields.reduce((n, f) => n + f.indicators.length, 0);

  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <p className="lead">{t("catalogue.intro")}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={searchId}>{t("catalogue.search")}</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
      </div>
      <p className="muted" aria-live="polite">
        {query ? t("catalogue.found", { count: found }) : ""}
      </p>
      {pendingState(catalogue) ??
        (catalogue.data && catalogue.data.indicators.length === 0 ? (
          <Empty />
        ) : query && found === 0 ? (
          <Empty>{t("catalogue.nothingFound", { query })}</Empty>
        ) : (
          fields.map(({ field, indicators }) => {
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
