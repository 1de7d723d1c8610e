// Geheimhaltung over all tables of the demo city: the protection (primary, relations, linear programs per
// block) without stored decisions, the audit of its result, the suppressed share before and after, and the
// same protection again with the decisions of the first run (what a recomputation after an upload pays).
import { readFileSync } from "node:fs";
import { muensterDistricts, profiles, readExtract } from "@im/data-import";
import { demoCityFiles } from "@im/fixtures";
import {
  auditPublication,
  computeIndicators,
  defaultDisclosureRule,
  type Observation,
  parseCatalogue,
  profilesReadBy,
  protectPublication,
  segregationPublications,
} from "@im/indicators";
import type { BenchRow } from "./run.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export default async function (): Promise<BenchRow[]> {
  const catalogue = parseCatalogue(
    JSON.parse(readFileSync(new URL("../../indicators/catalogue/catalogue.json", import.meta.url), "utf8")),
    profiles,
  );
  const observations: Observation[] = [];
  for (const file of demoCityFiles()) {
    const profile = profiles.find((p) => p.id === file.profile);
    if (!profile) continue;
    await readExtract({ path: file.path }, profile, muensterDistricts, (batch) => {
      for (const o of batch)
        observations.push({
          profile: file.profile,
          year: file.year,
          district: o.district,
          dims: o.dims,
          measure: o.measure,
          value: o.value,
        });
    });
  }
  const districts = muensterDistricts;
  const years = [...new Set(observations.map((o) => o.year))];
  const rows = computeIndicators({ catalogue, profiles, observations, districts });
  const input = {
    catalogue,
    profiles,
    observations,
    districts,
    rule: defaultDisclosureRule,
    extra: (model: Parameters<typeof segregationPublications>[0]) =>
      segregationPublications(model, profilesReadBy(catalogue, profiles), districts, years).publications,
  };

  let started = performance.now();
  const first = await protectPublication({ ...input, rows });
  const protectMs = performance.now() - started;
  started = performance.now();
  const again = await protectPublication({ ...input, rows, decisions: first.decisions });
  const againMs = performance.now() - started;
  started = performance.now();
  const audit = await auditPublication({
    ...input,
    rows: first.rows,
    extraWithheld: () => first.extraWithheld.map((w) => w !== null),
  });
  const auditMs = performance.now() - started;

  const showing = first.rows.filter(
    (r) => r.status === "ok" || r.status === "denominator_zero" || r.status === "suppressed",
  );
  const primary = showing.filter((r) => r.suppression === "primary").length;
  const all = showing.filter((r) => r.status === "suppressed").length;
  const area = "Geheimhaltung (Demo-Stadt)";
  return [
    {
      area,
      measure: "Schutz aller Tabellen, ohne gespeicherte Entscheidungen",
      value: `${seconds(protectMs)} (${first.protection.solves} LPs)`,
      target: "≤ 10 s",
      ok: protectMs <= 10_000,
    },
    {
      area,
      measure: "Schutz mit gespeicherten Entscheidungen (Neuberechnung)",
      value: `${seconds(againMs)} (${again.protection.solves} LPs)`,
      target: "≤ 10 s",
      ok: againMs <= 10_000,
    },
    {
      area,
      measure: "Prüfung (audit-disclosure)",
      value: `${seconds(auditMs)}, ${audit.findings.length} Verletzungen`,
      target: "0 Verletzungen",
      ok: audit.findings.length === 0,
    },
    {
      area,
      measure: "gesperrte Zellen: nur primär / insgesamt",
      value: `${percent(primary / showing.length)} / ${percent(all / showing.length)}`,
      target: "so wenige wie möglich (vorher 12 %)",
      ok: null,
    },
  ];
}
