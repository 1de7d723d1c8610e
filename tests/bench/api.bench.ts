// API lookup speed: autocannon against `GET /api/indicators/anteil_mv/values?area=stadt` on the demo city and,
// in the same run, against a bare Fastify route that returns a JSON body of the same size. The servers run in
// a child process (this file, started with IM_API_BENCH_DB set) so that the load generator does not share
// their event loop.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Fastify from "fastify";
import { buildApp } from "../../server/src/app.ts";
import { loadConfig } from "../../server/src/config.ts";
import { openAppContext } from "../../server/src/context.ts";
import { publishRelease } from "../../server/src/services/releases.ts";
import { demoDatabase } from "./recompute.bench.ts";
import type { BenchRow } from "./run.ts";

const QUERY = "/api/indicators/anteil_mv/values?area=stadt";
const DURATION_S = 10;
const CONNECTIONS = 10;

/** Child process: the real app on the given database and the bare route, both on loopback; prints the ports. */
async function serve(dbPath: string): Promise<void> {
  const context = await openAppContext(loadConfig(["--db", dbPath], { MONITOR_DEMO: "0" }));
  const app = await buildApp({ context });
  // The public reads releases only: publish the computed demo city first.
  await publishRelease(context, { title: "API-Benchmark", publishedBy: "Benchmark" });
  const sample = await app.inject(QUERY);
  if (sample.statusCode !== 200) throw new Error(`${QUERY}: ${sample.statusCode} ${sample.body}`);
  const body: unknown = sample.json();
  const bare = Fastify();
  bare.get("/bare", async () => body);
  const [appAddress, bareAddress] = [
    await app.listen({ host: "127.0.0.1", port: 0 }),
    await bare.listen({ host: "127.0.0.1", port: 0 }),
  ];
  process.stdout.write(`${JSON.stringify({ app: appAddress, bare: bareAddress, bytes: sample.rawPayload.length })}\n`);
}

if (process.env.IM_API_BENCH_DB) await serve(process.env.IM_API_BENCH_DB);

function startServers(dbPath: string): Promise<{ child: ChildProcess; app: string; bare: string; bytes: number }> {
  const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
  const child = spawn(tsx, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, IM_API_BENCH_DB: dbPath },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`API-Server beendet (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      resolve({ child, ...(JSON.parse(line) as { app: string; bare: string; bytes: number }) });
    });
  });
}

async function load(url: string): Promise<autocannon.Result> {
  await autocannon({ url, duration: 2, connections: CONNECTIONS }); // warm-up
  return autocannon({ url, duration: DURATION_S, connections: CONNECTIONS });
}

export default async function (): Promise<BenchRow[]> {
  const demo = await demoDatabase();
  const servers = await startServers(demo.path);
  try {
    const bare = await load(`${servers.bare}/bare`);
    const api = await load(`${servers.app}${QUERY}`);
    for (const [name, r] of [
      ["bare", bare],
      ["api", api],
    ] as const) {
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} Antworten ≠ 2xx, ${r.errors} Fehler`);
    }
    const ratio = api.requests.average / bare.requests.average;
    const kb = `${(servers.bytes / 1024).toFixed(1)} KB`;
    return [
      {
        area: "API",
        measure: `Fastify pur, JSON gleicher Größe (${kb}), ${CONNECTIONS} Verbindungen, ${DURATION_S} s`,
        value: `${Math.round(bare.requests.average)} req/s, p99 ${bare.latency.p99} ms`,
        target: "Vergleichswert",
        ok: null,
      },
      {
        area: "API",
        measure: `GET ${QUERY}: Anfragen/s`,
        value: `${Math.round(api.requests.average)} req/s (${(ratio * 100).toFixed(0)} %)`,
        target: "≥ 50 % von pur",
        ok: ratio >= 0.5,
      },
      {
        area: "API",
        measure: `GET ${QUERY}: p99-Latenz`,
        value: `${api.latency.p99} ms`,
        target: "< 10 ms",
        ok: api.latency.p99 < 10,
      },
    ];
  } finally {
    servers.child.kill();
    await demo.dispose();
  }
}
