import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { pendingState } from "../../components/QueryState.tsx";
import { locale, t } from "../../i18n/index.ts";
import { districtsQuery } from "../shared/queries.ts";
import { useDocumentTitle } from "../shared/useDocumentTitle.ts";

/** All Stadtteile by Stadtbezirk, each linking to its Steckbrief. */
export default function ProfileList() {
  const districts = useQuery(districtsQuery());
  useDocumentTitle(t("profile.listTitle"));
  return (
    <>
      <h1>{t("profile.listTitle")}</h1>
      <p className="lead">{t("profile.listIntro")}</p>
      {pendingState(districts) ??
        districts.data?.bezirke.map((bezirk) => (
          <section key={bezirk} className="catalogue-field">
            <h2>{t("area.bezirk", { name: bezirk })}</h2>
            <ul className="district-list">
              {districts.data.districts
                .filter((d) => d.bezirk === bezirk)
                .sort((a, b) => a.name.localeCompare(b.name, locale()))
                .map((d) => (
                  <li key={d.number}>
                    <Link to={`/stadtteile/${d.number}`}>
                      <span className="muted">{d.number}</span> {d.name}
                    </Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </>
  );
}
