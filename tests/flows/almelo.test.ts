// The second demo city, Almelo, end to end below the HTTP layer: a real SQLite file with Almelo's 71 buurten and
// its own catalogue, every demo extract through the real importer, one real recomputation (with the
// Geheimhaltung), and values checked against sums worked out by hand from the committed CSV files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoManifest } from "@im/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { almeloDistricts } from "../../data-import/src/districts.ts";
import { ALMELO_BUURTEN } from "../../fixtures/generator/almelo-facts.ts";
import { resolveCity } from "../../server/src/cities.ts";
import type { DatabaseHandle } from "../../server/src/db/connection.ts";
import { type RecomputeSummary, recompute } from "../../server/src/services/recompute.ts";
import { indexFor, segregationResults } from "../../server/src/services/sozialmonitoring-reads.ts";
import { loadDemoCity } from "../../server/src/services/startup.ts";
import { tempDir, testContext, testDatabase } from "../../server/src/testing/app.ts";
import { referenceFolder } from "../support/reference-folder.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const city = resolveCity("almelo", root);
const reference = referenceFolder(
  "Abgleich der Almelo-Buurten mit den CBS-Kerncijfers (domain/almelo-kerncijfers.csv)",
);

let temp: ReturnType<typeof tempDir>;
let context: ReturnType<typeof testContext>;
let database: DatabaseHandle;
let summary: RecomputeSummary;
let recomputeMs = 0;
/** A stored draft value (table indicator_values, release 0). */
interface ValueRow {
  indicator: string;
  year: number;
  area: string;
  breakdown: string;
  grp: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: string;
}
let rows: ValueRow[];

beforeAll(async () => {
  temp = tempDir();
  database = await testDatabase(join(temp.dir, "almelo.sqlite"), almeloDistricts);
  context = testContext(database, {
    city,
    cataloguePath: city.cataloguePath,
    districtsPath: city.districtsPath,
  });
  await loadDemoCity(context, () => {}, { recompute: false });
  const started = performance.now();
  summary = await recompute(context);
  recomputeMs = performance.now() - started;
  console.info(
    `Almelo: Neuberechnung in ${(recomputeMs / 1000).toFixed(1)} s (Geheimhaltung ${(summary.timings.protection / 1000).toFixed(1)} s, ${summary.indicatorRows} Indikatorzeilen, Segregation ${summary.segregationResults}, Sozialindex ${JSON.stringify(summary.indexConfigs)})`,
  );
  // Plain SQL on the file: this test reads results, it does not depend on the repositories' signatures.
  rows = database.sqlite
    .prepare(
      "select indicator, year, area, breakdown, grp, numerator, denominator, value, status from indicator_values where release = 0",
    )
    .all() as ValueRow[];
}, 300_000);
afterAll(async () => {
  await database?.close();
  temp?.remove();
});

const row = (indicator: string, year: number, area: string) => {
  const found = rows.find(
    (r) => r.indicator === indicator && r.year === year && r.area === area && r.breakdown === "gesamt",
  );
  if (!found) throw new Error(`keine Zeile ${indicator} ${year} ${area}`);
  return found;
};

describe("Almelo as a second city", () => {
  it("imports all 20 demo extracts of the manifest, none rejected", async () => {
    const extracts = database.sqlite.prepare("select profile from extracts where replaced_by is null").all() as {
      profile: string;
    }[];
    expect(extracts).toHaveLength(demoManifest(city.demo?.folder).length);
    expect(new Set(extracts.map((e) => e.profile))).toEqual(
      new Set(["nl_bevolking", "nl_inburgering", "nl_bijstand", "nl_werk", "nl_onderwijs"]),
    );
  });

  it("recomputes its 13 indicators for 2021–2024 in well under a minute", () => {
    expect(summary.catalogueVersion).toBe("2026.2-almelo");
    expect(new Set(rows.map((r) => r.indicator)).size).toBe(13);
    expect([...new Set(rows.map((r) => r.year))].sort()).toEqual([2021, 2022, 2023, 2024]);
    expect(recomputeMs).toBeLessThan(60_000);
  });

  it("computes the city's share with a non-Dutch herkomst 2021 as summed by hand from the file", () => {
    // fixtures/almelo/nl_bevolking/nl_bevolking_2021.csv: Σ Aantal = 73070 (= the 71 buurten of CBS B21);
    // Σ Aantal where Herkomst ≠ nederland = 19587; 19587 / 73070 = 26.806 %.
    const r = row("anteil_mv", 2021, "stadt");
    expect(r.numerator).toBe(19587);
    expect(r.denominator).toBe(73070);
    expect(r.value).toBeCloseTo(26.806, 2);
  });

  it("computes minors with a non-Dutch herkomst and bijstand 15–64 in 2021 as summed by hand", () => {
    // nl_bevolking 2021, Leeftijd 0-3, 4-11, 12-14, 15-17: 14055, of which Herkomst ≠ nederland 5295 → 37.673 %.
    const u18 = row("anteil_mv_u18", 2021, "stadt");
    expect([u18.numerator, u18.denominator]).toEqual([5295, 14055]);
    expect(u18.value).toBeCloseTo(37.673, 2);
    // nl_bijstand 2021, Leeftijd ≠ 65+: 3204; nl_bevolking 2021, Leeftijd 15-17 … 45-64: 46992 → 6.818 %.
    const bijstand = row("sgb2_15_64_st", 2021, "stadt");
    expect([bijstand.numerator, bijstand.denominator]).toEqual([3204, 46992]);
    expect(bijstand.value).toBeCloseTo(6.818, 2);
  });

  it("computes the inburgering B1 rate 2024 from the city-level extract and has none for 2021 (before the law)", () => {
    // nl_inburgering 2024, Wet wi2021: examen 52 + 60 = 112, geslaagd 34 + 40 = 74 → 66.071 %.
    const b1 = row("integrationskurs_b1", 2024, "stadt");
    expect([b1.numerator, b1.denominator]).toEqual([74, 112]);
    expect(b1.value).toBeCloseTo(66.071, 2);
    expect(row("integrationskurs_b1", 2021, "stadt").status).toBe("denominator_zero");
    expect(rows.some((r) => r.indicator === "integrationskurs_b1" && r.area !== "stadt")).toBe(false);
  });

  it("has the real CBS inhabitants of 2021 as the denominator of every buurt (B21)", () => {
    for (const b of ALMELO_BUURTEN) {
      const area = String(Number(b.code.slice(-4)));
      expect(row("anteil_mv", 2021, area).denominator, b.name).toBe(b.inwoners2021);
    }
  });

  it("rolls the buurten up to the 12 wijken", () => {
    const wijken = rows.filter((r) => r.indicator === "anteil_mv" && r.year === 2024 && r.area.startsWith("bezirk:"));
    expect(new Set(wijken.map((r) => r.area)).size).toBe(12);
    // CBS K24: 13,690 inhabitants in Windmolenbroek on 1 January 2024.
    expect(row("anteil_mv", 2024, "bezirk:Windmolenbroek").denominator).toBe(13690);
  });

  reference.it("matches the CBS kerncijfers file of the reference folder buurt by buurt (2021)", () => {
    const lines = readFileSync(reference.path("domain/almelo-kerncijfers.csv"), "utf8").trim().split("\n");
    const b21 = lines
      .map((l) => l.split(","))
      .filter((c) => c[0] === "2021" && c[1] === "buurt" && c[4] === "inwoners");
    expect(b21).toHaveLength(71);
    for (const c of b21)
      expect(row("anteil_mv", 2021, String(Number(c[2].slice(-4)))).denominator, c[3]).toBe(Number(c[5]));
  });

  it("measures the segregation by herkomst over its buurten, the share P equal to the hand sum above", async () => {
    const { results } = await segregationResults(
      context,
      { release: 0, comparison: "herkomst_buitenland_nl", year: 2021, area: "stadt" },
      true,
    );
    expect(results).toHaveLength(1);
    // P = inhabitants of origin outside the Netherlands / all inhabitants = 19587 / 73070 (as anteil_mv 2021).
    expect(results[0].P).toBeCloseTo(19587 / 73070, 10);
    expect(results[0].units).toHaveLength(71);
    // Dissimilarity between 0 (even) and 1 (apart); Münster's comparisons have no Almelo data and are not offered.
    expect(results[0].measures.dissimilarity).toBeGreaterThan(0);
    expect(results[0].measures.dissimilarity).toBeLessThan(1);
    await expect(
      segregationResults(context, { release: 0, comparison: "mv_ohne_mv", year: 2021 }, true),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("answers the Sozialindex with a clear 404 naming the indicators its catalogue lacks (no config fits Almelo)", async () => {
    const answer = indexFor(context, { release: 0 }, true);
    await expect(answer).rejects.toMatchObject({ statusCode: 404 });
    await expect(answer).rejects.toThrow(/nicht berechenbar: ihm fehlen die Indikatoren kinder_sgb2_u15/);
    await expect(indexFor(context, { release: 0, config: "berlin-mss-s1-s4" }, true)).rejects.toThrow(
      /mss_s2_langzeitarbeitslosigkeit, mss_s3_transferbezug, kinder_sgb2_u15/,
    );
    // Nor does the recomputation store index rows for configurations it cannot compute.
    expect(summary.indexConfigs).toEqual({});
    expect(database.sqlite.prepare("select count(*) as n from sozialmonitoring where kind = 'index'").get()).toEqual({
      n: 0,
    });
  });
});
