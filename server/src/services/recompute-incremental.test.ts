// The incremental recomputation against the full one: random upload sequences (seeded, so a failure repeats)
// on the small city, one database recomputed incrementally after each upload and one fully, every stored table
// compared after each step.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CatalogueInput } from "@im/indicators";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type AppContext, openAppContext } from "../context.ts";
import type { EngineKind } from "../db/engine.ts";
import { insertRows } from "../db/engine.ts";
import { markDataChanged } from "../repositories/generations.ts";
import { postgresTestSchema, testEngines } from "../testing/engines.ts";
import { catalogue, catalogueWithMss, einwohnerIn, insertSmallCity, mss, sgb2 } from "../testing/small-city.ts";
import { recompute } from "./recompute.ts";

/**
 * Two catalogues, each with an indicator that reads the previous year's population. `linked`: the small
 * catalogue with S1–S3 (and so the index), where SGB II of one year and the population of the year before link
 * every year's tables into one group. `apart`: the small catalogue, where the Sozialamt's HLU reads the
 * population of the year before, so that the tables of each year (with the next year's HLU) are decided apart.
 */
function testCatalogue(kind: "linked" | "apart"): CatalogueInput {
  const base = kind === "linked" ? catalogueWithMss() : catalogue;
  const [first] = base.indicators;
  const previousYear = {
    ...first,
    title: "je Einwohner/-in des Vorjahres",
    shortTitle: "je Einwohner/-in des Vorjahres",
    denominator: { profile: "einwohner", measures: ["einwohner"], yearOffset: -1 },
  };
  const extra =
    kind === "linked"
      ? {
          ...previousYear,
          id: "sgb2_vorjahr",
          numerator: { profile: "arbeitsmarkt", measures: ["sgb2_leistungsberechtigte"] },
        }
      : { ...previousYear, id: "hlu_vorjahr", numerator: { profile: "sozialamt", measures: ["hlu"] } };
  return { ...base, indicators: [...base.indicators, extra] };
}

/** Mulberry32: a small seeded generator, so that every sequence can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Line = { district: number; dims: string; measure: string; value: number | null };

/**
 * The small city's lines of one profile, each count varied: mostly scaled a little, sometimes set to a
 * small number (1–4, what the Geheimhaltung must hide) or 0, rarely withheld by the office.
 */
function extractLines(profile: string, next: () => number): Line[] {
  const vary = (count: number): number | null => {
    const r = next();
    if (r < 0.15) return Math.floor(next() * 5);
    if (r < 0.17) return null;
    return Math.max(0, Math.round(count * (0.8 + next() * 0.4)));
  };
  const lines: Line[] = [];
  const year = next() < 0.5 ? 2018 : 2020;
  if (profile === "einwohner") {
    for (const [number, cells] of Object.entries(einwohnerIn(year))) {
      for (const [sta, mv, alter, count] of cells) {
        const dims = `geschlecht=w|alter=${alter}|staatsangehoerigkeit=${sta}|migrationsvorgeschichte=${mv}`;
        lines.push({ district: Number(number), dims, measure: "einwohner", value: vary(count) });
      }
    }
  } else if (profile === "arbeitsmarkt") {
    for (const [number, cells] of Object.entries(sgb2[year])) {
      for (const [nat, alter, count] of cells) {
        const dims = `geschlecht=w|alter=${alter}|nationalitaet=${nat}`;
        lines.push({ district: Number(number), dims, measure: "sgb2_leistungsberechtigte", value: vary(count) });
      }
    }
    for (const [number, [al, alSgb2, long]] of Object.entries(mss[year])) {
      const dims = "geschlecht=w|alter=15-64|nationalitaet=deutsch";
      lines.push({ district: Number(number), dims, measure: "arbeitslose", value: vary(al) });
      lines.push({ district: Number(number), dims, measure: "arbeitslose_sgb2", value: vary(alSgb2) });
      lines.push({ district: Number(number), dims, measure: "langzeitarbeitslose", value: vary(long) });
    }
  } else {
    for (const [number, [, , , hlu, gs]] of Object.entries(mss[year])) {
      const adult = "geschlecht=w|alter=18-64|nationalitaet=deutsch";
      const elderly = "geschlecht=w|alter=65+|nationalitaet=deutsch";
      lines.push({ district: Number(number), dims: adult, measure: "hlu", value: vary(hlu) });
      lines.push({ district: Number(number), dims: elderly, measure: "grundsicherung_alter", value: vary(gs) });
    }
  }
  return lines;
}

/** What an import leaves: a new current extract (replacing the year's old one) with its lines, a new data generation. */
async function upload(context: AppContext, id: number, profile: string, year: number, lines: readonly Line[]) {
  await context.database.transaction(async (tx) => {
    await tx.db
      .insertInto("extracts")
      .values({
        id,
        profile,
        office: "Test",
        year,
        stichtag: `${year}-12-31`,
        file_name: `${profile}-${year}-${id}.csv`,
        sha256: `${profile}-${year}-${id}`,
        encoding: "utf-8",
        line_count: lines.length,
        observation_count: lines.length,
        imported_at: "2026-12-07T00:00:00Z",
        imported_by: "test",
        replaced_by: null,
      })
      .execute();
    await tx.db
      .updateTable("extracts")
      .set({ replaced_by: id })
      .where("profile", "=", profile)
      .where("year", "=", year)
      .where("replaced_by", "is", null)
      .where("id", "!=", id)
      .execute();
    await insertRows(
      tx,
      "observations",
      ["extract_id", "profile", "year", "district", "dims", "measure", "value"],
      lines.map((l) => ({ extract_id: id, profile, year, ...l })),
    );
    await markDataChanged(tx.db);
  });
}

/** Every stored result in its stored order (the order readers see), meta without the times of the run. */
async function storedResults(context: AppContext) {
  const { db } = context.database;
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  return {
    values: await rows(
      sql`select indicator, year, area, breakdown, grp, numerator, denominator, value, status, status_detail, suppression from indicator_values where release = 0 order by rowid`,
    ),
    sozialmonitoring: await rows(
      sql`select kind, year, key, area, result from sozialmonitoring where release = 0 order by rowid`,
    ),
    decisions: await rows(sql`select block, decision from disclosure_decisions order by block`),
    meta: await rows(
      sql`select key, value from meta where key not in ('computed_at', 'computation_ms', 'recompute_lease') order by key`,
    ),
  };
}

async function openCity(engine: EngineKind, catalogue: CatalogueInput) {
  const dir = mkdtempSync(join(tmpdir(), "im-incremental-"));
  const cataloguePath = join(dir, "catalogue.json");
  writeFileSync(cataloguePath, JSON.stringify(catalogue));
  const schema = engine === "postgres" ? postgresTestSchema() : null;
  const config = loadConfig(["--db", schema?.url ?? join(dir, "test.sqlite")], {
    MONITOR_CATALOGUE: cataloguePath,
    MONITOR_DEMO: "0",
  });
  const context = await openAppContext(config);
  await insertSmallCity(context.database, { mss: true });
  return {
    context,
    async close() {
      await context.database.close();
      await schema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const PROFILES = ["einwohner", "arbeitsmarkt", "sozialamt"];
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021];

const cases = testEngines.flatMap((engine) => (["linked", "apart"] as const).map((kind) => [engine, kind] as const));

describe.each(cases)("incremental recompute on %s, tables %s", (engine, kind) => {
  const catalogue = testCatalogue(kind);
  let incremental: Awaited<ReturnType<typeof openCity>>;
  let full: Awaited<ReturnType<typeof openCity>>;
  beforeAll(async () => {
    [incremental, full] = [await openCity(engine, catalogue), await openCity(engine, catalogue)];
    await recompute(incremental.context);
    await recompute(full.context);
  });
  afterAll(async () => {
    await incremental?.close();
    await full?.close();
  });

  it.each([1, 2, 3])(
    "stores what a full recomputation stores after every upload of a random sequence (seed %i)",
    async (seed) => {
      const next = random(seed);
      const { db } = full.context.database;
      for (let step = 0; step < 6; step++) {
        const profile = PROFILES[Math.floor(next() * PROFILES.length)];
        const year = YEARS[Math.floor(next() * YEARS.length)];
        const lines = extractLines(profile, next);
        const { id } = await db
          .selectFrom("extracts")
          .select((eb) => eb.fn.max("id").as("id"))
          .executeTakeFirstOrThrow();
        for (const city of [incremental, full]) await upload(city.context, Number(id) + 1, profile, year, lines);
        const summary = await recompute(incremental.context, { incremental: true });
        await recompute(full.context);
        // The incremental path was taken; apart, only for the years the upload can reach.
        expect(summary.recomputedYears, `${profile} ${year}`).not.toBeNull();
        if (kind === "apart") expect(summary.recomputedYears?.every((y) => Math.abs(y - year) <= 1)).toBe(true);
        expect(await storedResults(incremental.context), `Schritt ${step}: ${profile} ${year}`).toEqual(
          await storedResults(full.context),
        );
      }
    },
    120_000,
  );
});

describe("incremental recompute falls back to the full one", () => {
  it("when the stored results have no record of their inputs, or no extract changed", async () => {
    const city = await openCity("sqlite", testCatalogue("apart"));
    try {
      const summary = await recompute(city.context, { incremental: true });
      expect(summary.recomputedYears).toBeNull();
      // New data without a changed extract was edited beside the importer: only a full recomputation is right.
      const again = await recompute(city.context, { incremental: true });
      expect(again.recomputedYears).toBeNull();
    } finally {
      await city.close();
    }
  });
});
