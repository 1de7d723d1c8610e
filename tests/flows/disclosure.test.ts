// Geheimhaltung on whole cities: every suppression the product decides must survive the audit (an attacker
// who knows every shown number and every relation between them, solved by linear programming).
import { readFileSync } from "node:fs";
import { type District, muensterDistricts, profiles, readExtract } from "@im/data-import";
import { demoCityFiles } from "@im/fixtures";
import {
  auditPublication,
  type Catalogue,
  computeIndicators,
  defaultDisclosureRule,
  type Observation,
  parseCatalogue,
  profilesReadBy,
  protectPublication,
  segregationPublications,
} from "@im/indicators";
import { beforeAll, describe, expect, it } from "vitest";
import { random } from "../support/random.ts";

// One year (and its previous year's lines, for the indicators that divide by them) keeps 20 cities affordable.
const YEARS = [2020];
const catalogueJson = JSON.parse(
  readFileSync(new URL("../../indicators/catalogue/catalogue.json", import.meta.url), "utf8"),
) as unknown;
let catalogue: Catalogue;
/** The demo city's lines of 2019–2020 (2019 for indicators that divide by the previous year's population). */
const template: Observation[] = [];

beforeAll(async () => {
  catalogue = parseCatalogue(catalogueJson, profiles);
  for (const file of demoCityFiles()) {
    if (file.year < YEARS[0] - 1 || file.year > YEARS[1]) continue;
    const profile = profiles.find((p) => p.id === file.profile);
    if (!profile) throw new Error(file.profile);
    const read = await readExtract({ path: file.path }, profile, muensterDistricts, (batch) => {
      for (const o of batch)
        template.push({
          profile: file.profile,
          year: file.year,
          district: o.district,
          dims: o.dims,
          measure: o.measure,
          value: o.value,
        });
    });
    if (read.problems.length > 0) throw new Error(`${file.path}: ${read.problems[0].message}`);
  }
}, 120_000);

/** A city of some of Münster's Stadtteile with the demo city's lines, values shrunk so that many are 1–9. */
function randomCity(seed: number): { districts: District[]; observations: Observation[] } {
  const next = random(seed);
  const size = 3 + Math.floor(next() * 10);
  const districts = [...muensterDistricts].sort(() => next() - 0.5).slice(0, size);
  const numbers = new Set(districts.map((d) => d.number));
  const scale = [0.02, 0.05, 0.15, 0.4][seed % 4];
  const observations = template
    .filter((o) => o.district === null || numbers.has(o.district))
    .map((o) => ({ ...o, value: o.value === null ? null : Math.floor(o.value * scale * 2 * next() + next()) }));
  return { districts, observations };
}

async function protectedCity(districts: District[], observations: Observation[]) {
  const rows = computeIndicators({ catalogue, profiles, observations, districts, years: YEARS });
  const input = { catalogue, profiles, observations, districts, rule: defaultDisclosureRule };
  const result = await protectPublication({ ...input, rows });
  return { rows, result, audit: await auditPublication({ ...input, rows: result.rows }) };
}

describe("Geheimhaltung over all tables of a city", () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
    "random city %i: the audit finds no suppressed count an attacker can narrow too far",
    async (seed) => {
      const { districts, observations } = randomCity(seed);
      const { rows, result, audit } = await protectedCity(districts, observations);
      expect(result.protection.findings).toEqual([]);
      expect(audit.findings).toEqual([]);
      // The suppression did something: small numbers exist in these cities and none of them is shown.
      const small = rows.filter((r) => r.status === "ok" && r.numerator !== null && r.numerator > 0 && r.numerator < 3);
      expect(small.length).toBeGreaterThan(0);
      // Indicators whose counts identify nobody (disclosureControl: false, e.g. election turnout) stay shown.
      const exempt = new Set(catalogue.indicators.filter((i) => !i.disclosureControl).map((i) => i.id));
      for (const r of result.rows) {
        if (r.status !== "ok" || r.numerator === null || exempt.has(r.indicator)) continue;
        expect(r.numerator === 0 || r.numerator >= 3, `${r.indicator} ${r.area} ${r.group}`).toBe(true);
        expect(r.denominator === 0 || (r.denominator ?? 0) >= 10, `${r.indicator} ${r.area} ${r.group}`).toBe(true);
      }
    },
    120_000,
  );

  it("is deterministic: the same city gives the same hidden cells", async () => {
    const { districts, observations } = randomCity(7);
    const first = await protectedCity(districts, observations);
    const second = await protectedCity(districts, observations);
    const hidden = (rows: typeof first.result.rows) =>
      rows.filter((r) => r.status === "suppressed").map((r) => `${r.indicator}|${r.year}|${r.area}|${r.group}`);
    expect(hidden(second.result.rows)).toEqual(hidden(first.result.rows));
  }, 120_000);

  it("catches what the per-table method let through: a Stadtteil's w from gesamt − m", async () => {
    // Shown before: gesamt and m of one Stadtteil, w suppressed as 1 or 2 while d/o had no lines. The audit of
    // exactly that publication must report the w count as narrowed below the threshold.
    const { districts, observations } = randomCity(3);
    const { result } = await protectedCity(districts, observations);
    const victim = result.rows.find(
      (r) =>
        r.status === "suppressed" &&
        r.statusDetail === "Geheimhaltung: Fallzahl unter 3" &&
        r.breakdown === "geschlecht" &&
        r.group === "w",
    );
    expect(victim).toBeDefined();
    if (!victim) return;
    // Un-hide every other row of that cell's table (same indicator, year, area): the classic complement.
    const leaky = result.rows.map((r) =>
      r.indicator === victim.indicator && r.year === victim.year && r.area === victim.area && r !== victim
        ? { ...r, status: r.numerator === null ? r.status : ("ok" as const) }
        : r,
    );
    const input = { catalogue, profiles, observations, districts, rule: defaultDisclosureRule };
    const audit = await auditPublication({ ...input, rows: leaky });
    // w (1 or 2) = gesamt − m, as d/o have no lines: narrowed below 3, and the audit must say so.
    expect(audit.findings.some((f) => f.secrecy === "primary-numerator" && f.value === victim.numerator)).toBe(true);
  }, 120_000);

  it("the demo city, 2025 with the Sozialmonitoring: every secret count proved protected by the complete programs", async () => {
    const observations: Observation[] = [];
    for (const file of demoCityFiles()) {
      if (file.year < 2024) continue;
      const profile = profiles.find((p) => p.id === file.profile);
      if (!profile) throw new Error(file.profile);
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
    const years = [2025];
    const districts = muensterDistricts;
    const rows = computeIndicators({ catalogue, profiles, observations, districts, years });
    const result = await protectPublication({
      catalogue,
      profiles,
      observations,
      districts,
      rows,
      rule: defaultDisclosureRule,
      extra: (model) =>
        segregationPublications(model, profilesReadBy(catalogue, profiles), districts, years).publications,
    });
    // The last pass of `protect` solves the attacker's programs of every whole block: nothing left too narrow.
    expect(result.protection.findings).toEqual([]);
    expect(result.rows.some((r) => r.suppression === "secondary")).toBe(true);
    const exempt = new Set(catalogue.indicators.filter((i) => !i.disclosureControl).map((i) => i.id));
    for (const r of result.rows) {
      if (r.status !== "ok" || r.numerator === null || exempt.has(r.indicator)) continue;
      expect(r.numerator === 0 || r.numerator >= 3, `${r.indicator} ${r.area} ${r.group}`).toBe(true);
    }
  }, 1_200_000);
});
