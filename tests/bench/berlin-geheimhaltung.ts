// Where the recompute of the Berlin-sized city spends its time, piece by piece and in-process (the same calls
// recompute() makes): read the extracts, the indicator engine, the publication model, the Geheimhaltung block by
// block (a time budget stops it, with the blocks done and the largest ones), the Sozialmonitoring. Run it as
// `node --import tsx tests/bench/berlin-geheimhaltung.ts` with BENCH_BERLIN_YEARS and BENCH_BERLIN_BEZIRKE
// (first n Bezirke) or import `profileRecompute` from berlin.bench.ts.
import { readFileSync } from "node:fs";
import { type District, parseDistrictList, profiles, readExtract } from "@im/data-import";
import {
  computeIndicators,
  defaultDisclosureRule,
  type Observation,
  parseCatalogue,
  profilesReadBy,
  segregationPublications,
} from "@im/indicators";
import { protect } from "../../indicators/src/disclosure/protect.ts";
import { publicationModel } from "../../indicators/src/disclosure/publication.ts";
import { berlinCityFiles, repoRoot } from "./berlin-city.ts";

export interface BlockTiming {
  counts: number;
  secret: number;
  solves: number;
  ms: number;
}

export interface RecomputeProfile {
  years: number[];
  districts: number;
  observations: number;
  readMs: number;
  engineMs: number;
  indicatorRows: number;
  modelMs: number;
  systemCounts: number;
  blocks: number;
  /** Blocks holding a secret count (the ones the Geheimhaltung must solve). */
  blocksToSolve: number;
  /** Size (counts) of the largest block. */
  largestBlock: number;
  protect: { finished: boolean; ms: number; solved: BlockTiming[]; solves: number };
}

/**
 * Recomputes `years` of the Berlin city on its first `bezirke` Bezirke step by step; the Geheimhaltung stops
 * after `budgetMs` (the blocks solved by then are reported).
 */
export async function profileRecompute(
  years: number[],
  bezirke: number,
  budgetMs: number,
  log: (line: string) => void = () => {},
): Promise<RecomputeProfile> {
  const city = berlinCityFiles();
  const all = parseDistrictList(readFileSync(city.districts)).districts;
  const keep = [...new Set(all.map((d) => d.bezirk))].slice(0, bezirke);
  const districts: District[] = all.filter((d) => keep.includes(d.bezirk));
  const inCity = new Set(districts.map((d) => d.number));
  const catalogue = parseCatalogue(
    JSON.parse(readFileSync(`${repoRoot}/indicators/catalogue/catalogue.json`, "utf8")),
    profiles,
  );
  let t = performance.now();
  const observations: Observation[] = [];
  for (const file of city.files.filter((f) => years.includes(f.year))) {
    const profile = profiles.find((p) => p.id === file.profile);
    if (!profile) continue;
    const { problems } = await readExtract({ path: file.path }, profile, all, (batch) => {
      for (const o of batch) {
        if (o.district !== null && !inCity.has(o.district)) continue;
        observations.push({
          profile: file.profile,
          year: file.year,
          district: o.district,
          dims: o.dims,
          measure: o.measure,
          value: o.value,
        });
      }
    });
    if (problems.length) throw new Error(`${file.path}: ${problems[0].message}`);
  }
  const readMs = performance.now() - t;
  log(`${observations.length} Beobachtungen, ${districts.length} Gebiete, gelesen in ${Math.round(readMs)} ms`);

  t = performance.now();
  const rows = computeIndicators({ catalogue, profiles, observations, districts });
  const engineMs = performance.now() - t;
  log(`Engine: ${rows.length} Zeilen in ${Math.round(engineMs)} ms`);

  t = performance.now();
  const model = publicationModel({ catalogue, profiles, observations, districts, rows });
  const exempt = new Set(catalogue.indicators.filter((i) => !i.disclosureControl).map((i) => i.id));
  const publications = rows.flatMap((r, i) => {
    const { numerator, denominator } = model.rowCounts[i];
    const shows = r.status === "ok" || r.status === "denominator_zero" || r.status === "suppressed";
    if (!shows || numerator < 0) return [];
    return [
      {
        counts: [numerator, denominator],
        roles: ["numerator", "denominator"] as ("numerator" | "denominator")[],
        exempt: exempt.has(r.indicator),
      },
    ];
  });
  const segregation = segregationPublications(model, profilesReadBy(catalogue, profiles), districts, years);
  const blockOf = model.system.blocks();
  const sizes = new Map<number, number>();
  for (const b of blockOf) sizes.set(b, (sizes.get(b) ?? 0) + 1);
  // Blocks with a primary secret: the ones the Geheimhaltung must solve (partners stay in their block).
  const rule = defaultDisclosureRule;
  const toSolve = new Set<number>();
  for (const p of [...publications, ...segregation.publications]) {
    if (p.exempt) continue;
    p.counts.forEach((c, k) => {
      const v = model.values[c];
      const limit = p.roles[k] === "numerator" ? rule.minNumerator : rule.minDenominator;
      if (v > 0 && v < limit) toSolve.add(blockOf[c]);
    });
  }
  const blocksToSolve = toSolve.size;
  const modelMs = performance.now() - t;
  log(
    `Modell: ${model.system.counts.length} Zahlen, ${sizes.size} Blöcke (größter ${Math.max(...sizes.values())}, ${blocksToSolve} mit Geheimem) in ${Math.round(modelMs)} ms`,
  );

  // The Geheimhaltung with a deadline: protect() has no cancellation, so the budget ends it by throwing from
  // its progress callback.
  const solved: BlockTiming[] = [];
  t = performance.now();
  let finished = false;
  let solves = 0;
  try {
    const deadline = t + budgetMs;
    const protection = await protect(
      model.system,
      model.values,
      [...publications, ...segregation.publications],
      defaultDisclosureRule,
      model.relations,
      model.cellAreas,
      {
        countKey: model.countKey,
        get: () => undefined,
        set: () => {},
      },
      (info) => {
        solved.push(info);
        solves += info.solves;
        if (info.ms > 2000 || solved.length % 200 === 0)
          log(
            `  Programm ${solved.length}: ${info.counts} Zahlen, ${info.secret} geheim, ${info.solves} LPs, ${Math.round(info.ms)} ms`,
          );
        if (performance.now() > deadline) throw new Error("budget");
      },
    );
    finished = true;
    solves = protection.solves;
  } catch (error) {
    if ((error as Error).message !== "budget") throw error;
  }
  const protectMs = performance.now() - t;
  log(
    `Geheimhaltung: ${finished ? "fertig" : "abgebrochen"} nach ${Math.round(protectMs)} ms, ${solved.length} Programme, ${solves} LPs`,
  );

  return {
    years,
    districts: districts.length,
    observations: observations.length,
    readMs,
    engineMs,
    indicatorRows: rows.length,
    modelMs,
    systemCounts: model.system.counts.length,
    blocks: sizes.size,
    blocksToSolve,
    largestBlock: Math.max(...sizes.values()),
    protect: { finished, ms: protectMs, solved, solves },
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() as string)) {
  const years = (process.env.BENCH_BERLIN_YEARS ?? "2025").split(",").map(Number);
  const bezirke = Number(process.env.BENCH_BERLIN_BEZIRKE ?? 12);
  const budget = Number(process.env.BENCH_BERLIN_BUDGET_S ?? 600) * 1000;
  const result = await profileRecompute(years, bezirke, budget, (l) =>
    console.error(`${new Date().toISOString().slice(11, 19)} ${l}`),
  );
  const { solved, ...rest } = result.protect;
  console.log(
    JSON.stringify({
      ...result,
      protect: { ...rest, programs: solved.length, slowest: [...solved].sort((a, b) => b.ms - a.ms).slice(0, 5) },
    }),
  );
}
