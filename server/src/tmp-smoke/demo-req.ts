import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/connection.ts";
const path = process.argv[2];
const database = await openDatabase(path);
const app = await buildApp({ config: loadConfig(["--db", path], { MONITOR_DEMO: "0" }), database });
for (const url of ["/api/overview", "/api/overview?area=61", "/api/indicators/anteil_mv/values?area=stadt", "/api/indicators/anteil_mv/values", "/api/sozialmonitoring/segregation", "/api/sozialmonitoring/segregation?year=2024&area=stadt", "/api/sozialmonitoring/segregation/series?comparison=auslaender_deutsche", "/api/sozialmonitoring/index", "/api/indicators/anteil_mv/gaps", "/api/indicators"]) {
  let t = performance.now();
  const r = await app.inject(url);
  const first = performance.now() - t;
  t = performance.now();
  await app.inject(url);
  console.log(r.statusCode, url, (r.rawPayload.length / 1024).toFixed(1) + " KB", first.toFixed(1) + " ms", "cached " + (performance.now() - t).toFixed(2) + " ms");
}
const idx = (await app.inject("/api/sozialmonitoring/index")).json();
console.log(idx.year, idx.previousYear, idx.units.length, idx.excluded, idx.problems, idx.units.slice(0, 2));
const seg = (await app.inject("/api/sozialmonitoring/segregation?year=2024&area=stadt")).json();
for (const r of seg.results) console.log(r.comparison, r.measures.dissimilarity ?? r.multigroup?.entropy_multi, r.coverage, r.problems.length, r.problems[0]);
const ov = (await app.inject("/api/overview")).json();
console.log(ov.year, ov.cards.length, JSON.stringify(ov.cards[0]).slice(0, 600));
await app.close();
