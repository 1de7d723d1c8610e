// The values endpoint with two app servers against one PostgreSQL database (as behind a load balancer), against
// one server alone on the same database. The data: two years of the `einwohner` extract for Münster's 45
// Stadtteile, imported and computed through the real services into a schema of its own (dropped afterwards).
// Each server runs in a child process (this file, started with IM_PG_SERVERS_BENCH_URL) so that the load
// generator does not share their event loop. Needs MONITOR_TEST_PG_URL (or MONITOR_BENCH_PG_URL).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { findProfile, muensterDistricts } from "@im/data-import";
import autocannon from "autocannon";
import pg from "pg";
import { buildApp } from "../../server/src/app.ts";
import { loadConfig } from "../../server/src/config.ts";
import { openAppContext } from "../../server/src/context.ts";
import { replaceDistricts } from "../../server/src/repositories/districts.ts";
import { importExtract } from "../../server/src/services/importer.ts";
import { bringResultsUpToDate } from "../../server/src/services/results.ts";
import { writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";
import type { BenchRow } from "./run.ts";

const QUERY = "/api/indicators/auslaenderanteil/values?area=stadt";
const DURATION_S = 10;
const CONNECTIONS = 10;
const baseUrl = process.env.MONITOR_BENCH_PG_URL?.trim() || process.env.MONITOR_TEST_PG_URL?.trim() || null;

/** Child process: the real app on the PostgreSQL URL, on loopback; prints its address. */
async function serve(url: string): Promise<void> {
  const context = await openAppContext(loadConfig(["--db", url], { MONITOR_DEMO: "0", MONITOR_PUBLIC_DRAFT: "1" }));
  const app = await buildApp({ context });
  const sample = await app.inject(QUERY);
  if (sample.statusCode !== 200) throw new Error(`${QUERY}: ${sample.statusCode} ${sample.body}`);
  process.stdout.write(`${JSON.stringify({ address: await app.listen({ host: "127.0.0.1", port: 0 }) })}\n`);
}

if (process.env.IM_PG_SERVERS_BENCH_URL) await serve(process.env.IM_PG_SERVERS_BENCH_URL);

function startServer(url: string): Promise<{ child: ChildProcess; address: string }> {
  const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
  const child = spawn(tsx, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, IM_PG_SERVERS_BENCH_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`App-Server beendet (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      resolve({ child, ...(JSON.parse(line) as { address: string }) });
    });
  });
}

async function load(urls: string[]): Promise<{ rps: number; p99: number }> {
  await Promise.all(urls.map((url) => autocannon({ url, duration: 2, connections: CONNECTIONS }))); // warm-up
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, duration: DURATION_S, connections: CONNECTIONS })),
  );
  for (const r of results) if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} ≠ 2xx, ${r.errors} Fehler`);
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/** Two years of Münster's Stadtteile, imported and computed (one server's recomputation). */
async function prepare(url: string, dir: string): Promise<void> {
  const context = await openAppContext(loadConfig(["--db", url], { MONITOR_DEMO: "0" }));
  try {
    await replaceDistricts(context.database.db, muensterDistricts);
    const profile = findProfile("einwohner");
    if (!profile) throw new Error("Profil einwohner fehlt");
    for (const year of [2023, 2024]) {
      const path = join(dir, `einwohner-${year}.csv`);
      await writeEinwohnerFile(path, { districts: muensterDistricts.map((d) => d.number), year, seed: year });
      const outcome = await importExtract(context, {
        path,
        fileName: `einwohner-${year}.csv`,
        profile,
        replace: false,
        importedBy: "bench",
        recompute: false,
      });
      if (outcome.status !== "imported") throw new Error(`Import ${year}: ${outcome.status}`);
    }
    await bringResultsUpToDate(context);
  } finally {
    await context.database.close();
  }
}

export default async function (): Promise<BenchRow[]> {
  const area = "PostgreSQL: API mit zwei App-Servern";
  if (!baseUrl) {
    console.error("  MONITOR_TEST_PG_URL nicht gesetzt: PostgreSQL-Messungen übersprungen");
    return [{ area, measure: "übersprungen (MONITOR_TEST_PG_URL nicht gesetzt)", value: "–", target: "", ok: null }];
  }
  const schema = `bench_api_${process.pid}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  const dir = mkdtempSync(join(tmpdir(), "integrationsmonitor-pg-api-"));
  const children: ChildProcess[] = [];
  try {
    await prepare(url.toString(), dir);
    const servers = [await startServer(url.toString()), await startServer(url.toString())];
    children.push(...servers.map((s) => s.child));
    const one = await load([`${servers[0].address}${QUERY}`]);
    const two = await load(servers.map((s) => `${s.address}${QUERY}`));
    return [
      {
        area,
        measure: `GET ${QUERY}, ein App-Server, ${CONNECTIONS} Verbindungen, ${DURATION_S} s`,
        value: `${Math.round(one.rps)} req/s, p99 ${one.p99} ms`,
        target: "Vergleichswert",
        ok: null,
      },
      {
        area,
        measure: `dasselbe auf zwei App-Servern gegen eine Datenbank (je ${CONNECTIONS} Verbindungen)`,
        value: `${Math.round(two.rps)} req/s, p99 ${two.p99} ms`,
        target: "p99 < 10 ms",
        ok: two.p99 < 10,
      },
    ];
  } finally {
    for (const child of children) child.kill();
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`).catch(() => {});
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
