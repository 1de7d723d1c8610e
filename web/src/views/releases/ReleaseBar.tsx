import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { useToken } from "../../api/auth.ts";
import { formatDate } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { chosenRelease, DRAFT, releaseRead, rememberRelease } from "./choice.ts";
import { releasesQuery } from "./queries.ts";

/**
 * Says which state of the numbers the page shows (a release, or the unpublished draft for analysts) and lets
 * the reader choose another release; the choice is kept in the URL.
 */
export function ReleaseBar() {
  const [search, setSearch] = useSearchParams();
  const queryClient = useQueryClient();
  const analyst = useToken() !== null;
  const releases = useQuery(releasesQuery());
  const chosen = chosenRelease(`?${search.toString()}`);
  const selectId = useId();

  // Keep the choice in the URL after a link dropped it, and reload every view's data when it changes.
  const shown = useRef(chosen);
  useEffect(() => {
    if (search.has("release")) rememberRelease(search.get("release"));
    else if (chosen) {
      setSearch((current) => new URLSearchParams([...current, ["release", chosen]]), { replace: true });
    }
    if (shown.current === chosen) return;
    shown.current = chosen;
    void queryClient.resetQueries({
      predicate: (query) => !["releases", "status"].includes(String(query.queryKey[0])),
    });
  }, [chosen, search, setSearch, queryClient]);

  function choose(value: string) {
    const next = value === "" ? null : value;
    rememberRelease(next);
    setSearch((current) => {
      const params = new URLSearchParams(current);
      if (next) params.set("release", next);
      else params.delete("release");
      return params;
    });
  }

  const list = releases.data?.releases ?? [];
  // A remembered release that no longer exists (another database) would make every read a 404: forget it.
  const unknown =
    releases.isSuccess && chosen !== null && chosen !== DRAFT && !list.some((r) => String(r.id) === chosen);
  useEffect(() => {
    if (unknown) choose("");
  });
  const latest = releases.data?.latest ?? null;
  const read = releaseRead(chosen, releases.data, analyst);
  const readingDraft = read === DRAFT;
  const current = list.find((r) => r.id === read);

  // The choice names the release read; a sentence only where the state needs saying.
  let note: string | null = null;
  if (readingDraft) note = t("release.readingDraft");
  else if (releases.isSuccess && list.length === 0) note = t("release.none");
  else if (current && latest !== null && current.id !== latest) note = t("release.notLatest");
  else if (!current) return null;

  const label = (r: (typeof list)[number]) => `${r.title} (${formatDate(r.publishedAt)})`;
  const newest = list.find((r) => r.id === latest);
  const options = [
    {
      value: "",
      label: analyst
        ? t("release.defaultAnalyst")
        : t("release.defaultPublic", { release: newest ? label(newest) : "" }),
    },
    ...list
      .filter((r) => analyst || r.id !== latest || chosen === String(r.id))
      .map((r) => ({ value: String(r.id), label: label(r) })),
  ];
  return (
    <div className={`release-bar${readingDraft ? " release-bar-draft" : ""}`}>
      {list.length > 0 ? (
        <div className="release-bar-choice">
          <label htmlFor={selectId}>{t("release.choose")}</label>
          <select id={selectId} value={chosen ?? ""} onChange={(event) => choose(event.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <Link to="/veroeffentlichungen">{t("release.all")}</Link>
        </div>
      ) : null}
      {note ? <p role="status">{note}</p> : null}
    </div>
  );
}
