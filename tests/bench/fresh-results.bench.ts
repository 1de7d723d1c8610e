// One new extract uploaded to the running server (the real server process, on a copy of the demo city):
// how long until its results are stored, and how reads fare meanwhile, while the recomputation runs in the
// server's worker thread.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { demoDatabase } from "./recompute.bench.ts";
import type { BenchRow } from "./run.ts";

const QUERY = "/api/indicators/anteil_mv/values?area=stadt";
export const TOKEN = "bench-token-0123456789abcdef";
const root = fileURLToPath(new URL("../../", import.meta.url));

/** The real server process on `dbPath` (loopback, a free port), with `TOKEN` as the bootstrap API token. */
export function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(`${root}node_modules/.bin/tsx`, ["server/src/server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", MONITOR_DB: dbPath, MONITOR_DEMO: "0", MONITOR_ADMIN_TOKEN: TOKEN },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`Server beendet (${code})`)));
    child.stdout?.on("data", (d) => {
      output += d;
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) resolve({ child, url: listening[1] });
    });
  });
}

export default async function (): Promise<BenchRow[]> {
  const demo = await demoDatabase();
  const server = await startServer(demo.path);
  try {
    // The demo's newest population register, moved on a year: a new extract for a year nobody computed yet.
    const latest = readFileSync(`${root}fixtures/demo/einwohner/einwohner_2025.csv`, "utf8");
    const next = latest.replaceAll("31.12.2025", "31.12.2026");
    const form = new FormData();
    form.set("profile", "einwohner");
    form.set("file", new Blob([next], { type: "text/csv" }), "einwohner_2026.csv");

    let finished: (result: autocannon.Result) => void = () => {};
    const readsDone = new Promise<autocannon.Result>((resolve) => {
      finished = resolve;
    });
    const reads = autocannon({ url: `${server.url}${QUERY}`, connections: 4, duration: 3600 }, (_error, result) =>
      finished(result),
    );
    const started = performance.now();
    const upload = await fetch(`${server.url}/api/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    const uploadMs = performance.now() - started;
    reads.stop();
    const result = await readsDone;
    if (upload.status !== 201) throw new Error(`Upload: ${upload.status} ${await upload.text()}`);
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as { upToDate: boolean };
    if (!status.upToDate) throw new Error("Nach dem Upload sind die Ergebnisse nicht aktuell.");
    const errors = result.errors + result.non2xx;
    return [
      {
        area: "Neuer Extrakt",
        measure: "einwohner 2026 hochladen bis Ergebnisse gespeichert (Import, Neuberechnung im Worker)",
        value: `${(uploadMs / 1000).toFixed(1)} s`,
        target: "–",
        ok: null,
      },
      {
        area: "Neuer Extrakt",
        measure: `Lesen währenddessen: GET ${QUERY}, 4 Verbindungen, ${result.requests.total} Anfragen`,
        value: `p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${errors} Fehler`,
        target: "p99 ≤ 10 ms, 0 Fehler",
        ok: result.latency.p99 <= 10 && errors === 0,
      },
    ];
  } finally {
    server.child.kill("SIGTERM");
    await demo.dispose();
  }
}
