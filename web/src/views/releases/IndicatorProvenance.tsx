import { useQuery } from "@tanstack/react-query";
import { useToken } from "../../api/auth.ts";
import type { Unit, ValueStatus } from "../../api/types.ts";
import { displayValue, formatDateTime } from "../../format.ts";
import { t } from "../../i18n/index.ts";
import { chosenRelease, releaseRead } from "./choice.ts";
import { releasesQuery, revisionsQuery, sourcesQuery } from "./queries.ts";

/**
 * Under an indicator: the revision notes of the release shown (values changed since the previous release, with
 * the reason) and, one click away, the deliveries its values were computed from.
 */
export function IndicatorProvenance({ indicator, unit }: { indicator: string; unit: Unit }) {
  const releases = useQuery(releasesQuery());
  const read = releaseRead(chosenRelease(), releases.data, useToken() !== null);
  const release = typeof read === "number" ? read : null;
  return (
    <section className="provenance" aria-labelledby={`provenance-${indicator}`}>
      <h2 id={`provenance-${indicator}`}>{t("provenance.title")}</h2>
      {release ? <RevisionNotes release={release} indicator={indicator} unit={unit} /> : null}
      <Sources indicator={indicator} />
    </section>
  );
}

function RevisionNotes({ release, indicator, unit }: { release: number; indicator: string; unit: Unit }) {
  const revisions = useQuery(revisionsQuery(release, indicator));
  const rows = revisions.data?.revisions ?? [];
  if (rows.length === 0) return null;
  const shown = (value: number | null, status: string) => displayValue(value, status as ValueStatus, unit);
  return (
    <div className="revision-notes">
      <h3>{t("provenance.revisions", { previous: rows[0].previousTitle })}</h3>
      <ul>
        {rows.map((r) => (
          <li key={`${r.year}|${r.area}|${r.breakdown}|${r.group}`}>
            {t("provenance.revision", {
              year: r.year,
              area: r.areaName,
              group: r.group === "gesamt" ? "" : ` (${r.groupLabel})`,
              before: shown(r.previousValue, r.previousStatus),
              after: shown(r.value, r.status),
              reason: r.reason,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Sources({ indicator }: { indicator: string }) {
  const sources = useQuery(sourcesQuery(indicator));
  const years = sources.data?.years ?? [];
  if (years.length === 0) return null;
  return (
    <details className="sources">
      <summary>{t("provenance.sources")}</summary>
      <ul>
        {[...years].reverse().map((y) => (
          <li key={y.year}>
            <strong>{y.year}:</strong>{" "}
            {y.extracts.length === 0
              ? t("provenance.noFiles")
              : y.extracts.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 ? "; " : null}
                    {t("provenance.file", {
                      file: e.fileName,
                      office: e.office,
                      date: formatDateTime(e.importedAt),
                    })}{" "}
                    <code title={t("provenance.sha")}>{e.sha256.slice(0, 12)}…</code>
                  </span>
                ))}
          </li>
        ))}
      </ul>
    </details>
  );
}
