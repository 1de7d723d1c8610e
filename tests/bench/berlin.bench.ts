// The Berlin-sized synthetic city (fixtures/generator/berlin.ts: 542 Planungsräume, 12 Bezirke, 3.8 million
// inhabitants, every profile, 13 years), generated once into BENCH_BERLIN_DIR (default $TMPDIR/im-berlin-city)
// and reused while its stamp matches the generator. Measured, each heavy phase in its own process:
//   1. import of all extracts of 13 years (s, peak RSS);
//   2. the recompute of BENCH_BERLIN_YEARS (default 2025) through the server's `recompute()`, with the
//      catalogue's indicators exempt from disclosure control: engine, Sozialmonitoring (its Geheimhaltung of the
//      segregation inputs included) and write at full size, projected linearly to 13 years (measured: 2025
//      alone about 1 min; 2024, whose einwohner extract has single years of age, adds about 11 min);
//   3. the Geheimhaltung of the indicator tables on its own, for one year on the first BENCH_BERLIN_BEZIRKE
//      Bezirke (default 1; "1,2" also projects to the city, "1,12" measures the whole city: about 2 minutes, of
//      which one program over the whole block takes most); BENCH_BERLIN_BUDGET_S (default 300) stops it;
//   4. the real server on the database of step 2: values (the dashboard's queries, and every breakdown of every
//      area) and the overview under load (autocannon, compressed as a browser asks), peak RSS;
//   5. the first chart of the Übersicht and of an indicator in Debian's chromium (cold cache).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ensureWebBuild, launchBrowser, snapshotWebDist } from "../e2e/harness.ts";
import {
  BERLIN_DIR,
  berlinCityFiles,
  catalogueWithoutDisclosure,
  type ImportReport,
  type RecomputeReport,
  repoRoot,
  runTask,
} from "./berlin-city.ts";
import { profileRecompute, type RecomputeProfile } from "./berlin-geheimhaltung.ts";
import type { BenchRow } from "./run.ts";

const AREA = "Berlin-Stadt";
const YEARS = (process.env.BENCH_BERLIN_YEARS ?? "2025").split(",").map(Number);
const BEZIRKE = (process.env.BENCH_BERLIN_BEZIRKE ?? "1").split(",").map(Number);
const BUDGET_MS = Number(process.env.BENCH_BERLIN_BUDGET_S ?? 300) * 1000;
const ALL_YEARS = 13;
const CONNECTIONS = 10;
const DURATION_S = 10;
const CHART_RUNS = 3;

const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const s = (ms: number) => `${de(ms / 1000, 1)} s`;
const mib = (x: number) => `${de(x)} MiB`;
const log = (line: string) => console.error(`  [berlin] ${line}`);

/** Peak resident set of a process (Linux: VmHWM), MiB. */
function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** The real server (as `npm start` runs it, without tsx's wrapper process, so its pid is the server's). */
async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 4900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MONITOR_ADMIN_TOKEN: "bench", MONITOR_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: unknown) => {
    output = (output + String(d)).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server beendet (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/status`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        const status = (await res.json()) as { upToDate?: boolean };
        if (status.upToDate !== false) return { url, child };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server nicht bereit nach 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** What a browser sends: the answers come compressed, as the dashboard receives them. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

async function load(url: string): Promise<autocannon.Result> {
  const options = { url, connections: CONNECTIONS, headers: BROWSER_HEADERS };
  await autocannon({ ...options, duration: 2 }); // warm-up
  const result = await autocannon({ ...options, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0) {
    const sample = await fetch(url);
    throw new Error(
      `${url}: ${result.non2xx} Antworten ≠ 2xx, ${result.errors} Fehler; jetzt ${sample.status}: ${(await sample.text()).slice(0, 300)}`,
    );
  }
  return result;
}

/** The answer's size as JSON and as a browser receives it (undici's fetch would decompress, so node:http). */
async function sizes(url: string): Promise<{ plain: number; compressed: number }> {
  const plain = (await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer()).byteLength;
  const compressed = await new Promise<number>((resolve, reject) => {
    get(url, { headers: BROWSER_HEADERS }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () => resolve(bytes));
    }).on("error", reject);
  });
  return { plain, compressed };
}

/** ms from navigation start to the first drawn mark matching `selector` (a path with a `d`). */
async function firstMark(url: string, selector: string): Promise<number[]> {
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let run = 0; run < CHART_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
      try {
        const page = await context.newPage();
        await page.addInitScript(`(() => {
          const selector = ${JSON.stringify(selector)};
          const drawn = () => [...document.querySelectorAll(selector)].some((el) => (el.getAttribute("d") || "").length > 2);
          const observer = new MutationObserver(() => {
            if (window.__firstMark === undefined && drawn()) { window.__firstMark = performance.now(); observer.disconnect(); }
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["d"] });
        })();`);
        await page.goto(url, { waitUntil: "commit" });
        await page.waitForFunction(() => (window as { __firstMark?: number }).__firstMark !== undefined, null, {
          timeout: 60_000,
        });
        times.push(await page.evaluate(() => (window as { __firstMark?: number }).__firstMark as number));
      } finally {
        await context.close();
      }
    }
    return times;
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function (): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const row = (measure: string, value: string, target = "–", ok: boolean | null = null) =>
    rows.push({ area: AREA, measure, value, target, ok });

  // --- the city --------------------------------------------------------------------------------------------
  const city = berlinCityFiles();
  const { stamp } = city;
  row(
    `Stadt: ${stamp.districts} Planungsräume, ${stamp.bezirke} Bezirke, ${de(stamp.inhabitants[2023] ?? 0)} Einwohner 2023; ${stamp.files} Dateien, ${de(stamp.lines)} Zeilen (${BERLIN_DIR})`,
    city.generated ? `erzeugt in ${s(stamp.generatedMs)}` : "wiederverwendet",
  );
  const work = mkdtempSync(join(tmpdir(), "im-bench-berlin-"));
  const peaks: Record<string, number> = {};
  let server: ChildProcess | undefined;
  try {
    // --- 1. import of everything ---------------------------------------------------------------------------
    log(`Import aller ${city.files.length} Dateien …`);
    const all = await runTask<ImportReport>(
      { kind: "import", dbPath: join(work, "alle.sqlite"), districtsPath: city.districts, files: city.files },
      30 * 60_000,
      log,
    );
    rmSync(join(work, "alle.sqlite"), { force: true });
    peaks.Import = all.maxRssMiB;
    const slowest = Object.entries(all.byProfile)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([p, ms]) => `${p} ${s(ms)}`)
      .join(", ");
    row(
      `Import aller Auszüge, 13 Jahre: ${de(all.lines)} Zeilen → ${de(all.observations)} Beobachtungen (langsamste: ${slowest})`,
      `${s(all.ms)} (${de(all.lines / (all.ms / 1000))} Zeilen/s)`,
    );
    row("Import: Spitzen-RSS des Prozesses", mib(all.maxRssMiB), "≤ 1.024 MiB", all.maxRssMiB <= 1024);

    // --- 2. recompute of the chosen years, indicators exempt ------------------------------------------------
    const dbPath = join(work, "berlin.sqlite");
    const catalogue = catalogueWithoutDisclosure();
    const subset = city.files.filter((f) => YEARS.includes(f.year));
    log(`Import und Neuberechnung der Jahre ${YEARS.join(", ")} …`);
    await runTask<ImportReport>(
      { kind: "import", dbPath, districtsPath: city.districts, files: subset },
      30 * 60_000,
      log,
    );
    const rec = await runTask<RecomputeReport>(
      { kind: "recompute", dbPath, districtsPath: city.districts, catalogue },
      60 * 60_000,
      log,
    );
    peaks.Neuberechnung = rec.maxRssMiB;
    const t = rec.summary.timings;
    const n = YEARS.length;
    const per = (ms: number) => (ms / n) * ALL_YEARS;
    const label = `${n} ${n === 1 ? "Jahr" : "Jahre"} (${YEARS.join(", ")})`;
    row(
      `Neuberechnung ${label}, Indikatoren ohne Geheimhaltung: ${de(rec.summary.observations)} Beobachtungen → ${de(rec.summary.indicatorRows)} Werte, ${rec.summary.segregationResults} Segregationsprofile`,
      s(t.total),
    );
    row(
      "  davon Laden / Engine / Geheimhaltung der Segregationseingaben / Sozialmonitoring / Schreiben",
      [t.load, t.engine, t.protection, t.sozialmonitoring, t.write].map((x) => s(x ?? Number.NaN)).join(" / "),
    );
    row(
      `  HOCHGERECHNET auf 13 Jahre (linear je Jahr, ohne Geheimhaltung der Indikatoren)`,
      s(per(t.total)),
      "≤ 10 s",
      per(t.total) <= 10_000,
    );
    row(`Neuberechnung: Spitzen-RSS bei ${label}`, mib(rec.maxRssMiB), "≤ 1.024 MiB", rec.maxRssMiB <= 1024);

    // --- 3. the Geheimhaltung of the indicator tables on its own ----------------------------------------------
    const profiles: RecomputeProfile[] = [];
    for (const bezirke of BEZIRKE) {
      log(`Geheimhaltung 2025, ${bezirke} Bezirk(e), höchstens ${s(BUDGET_MS)} …`);
      const p = await profileRecompute([2025], bezirke, BUDGET_MS, log);
      profiles.push(p);
      const slowest = [...p.protect.solved].sort((a, b) => b.ms - a.ms)[0];
      row(
        `Geheimhaltung aller Tabellen 2025, ${bezirke} Bezirk(e) = ${p.districts} Planungsräume: ${de(p.systemCounts)} Zahlen, größter Block ${de(p.largestBlock)}, ${p.blocksToSolve} Blöcke mit Geheimem; ${de(p.protect.solves)} LPs (langsamstes Programm: ${de(slowest?.counts ?? 0)} Zahlen, ${s(slowest?.ms ?? 0)})`,
        p.protect.finished ? s(p.protect.ms) : `> ${s(p.protect.ms)} (abgebrochen)`,
      );
    }
    const done = profiles.filter((p) => p.protect.finished);
    if (done.length >= 2) {
      // A power law through the two largest finished runs; the whole city has one block per year that links all
      // its Bezirke, so this is a projection, not a measurement.
      const [a, b] = done.slice(-2);
      const k = Math.log(b.protect.ms / a.protect.ms) / Math.log(b.districts / a.districts);
      const year = b.protect.ms * (stamp.districts / b.districts) ** k;
      row(
        `  HOCHGERECHNET: Geheimhaltung eines Jahres der ganzen Stadt (Zeit ~ Gebiete^${de(k, 1)}), × 13 Jahre`,
        `${s(year)} je Jahr, ${de((year * ALL_YEARS) / 3_600_000, 1)} h gesamt`,
        "≤ 10 s gesamt",
        false,
      );
    }

    // --- 4. reads under load --------------------------------------------------------------------------------
    ensureWebBuild();
    snapshotWebDist(join(work, "web-dist"));
    log("Server und Lesezugriffe …");
    const started = await startServer({
      MONITOR_DB: dbPath,
      MONITOR_DISTRICTS: city.districts,
      MONITOR_CATALOGUE: catalogue,
      MONITOR_WEB_DIST: join(work, "web-dist"),
    });
    server = started.child;
    // The public reads releases only: publish the computed results first, as the Statistikstelle would.
    const release = await fetch(`${started.url}/api/releases`, {
      method: "POST",
      headers: { authorization: "Bearer bench", "content-type": "application/json" },
      body: JSON.stringify({ title: "Berlin-Stadt (Benchmark)" }),
    });
    if (release.status !== 201) throw new Error(`Veröffentlichung: ${release.status} ${await release.text()}`);
    const year = Math.max(...YEARS);
    const queries = [
      ["Werte der Stadt (Zeitreihe)", "/api/indicators/anteil_mv/values?area=stadt&breakdown=gesamt"],
      [`Karte: alle ${stamp.districts} Planungsräume`, "/api/indicators/anteil_mv/values?breakdown=gesamt"],
      [
        `alle ${stamp.districts} Planungsräume ${year}, jede Aufschlüsselung`,
        `/api/indicators/anteil_mv/values?year=${year}`,
      ],
      ["Übersicht", "/api/overview?area=stadt"],
    ] as const;
    for (const [name, path] of queries) {
      const r = await load(`${started.url}${path}`);
      const sent = await sizes(`${started.url}${path}`);
      row(
        `GET ${path} (${name}, ${de(sent.plain / 1024, 1)} KB, komprimiert ${de(sent.compressed / 1024, 1)} KB), ${CONNECTIONS} Verbindungen, ${DURATION_S} s`,
        `${de(r.requests.average)} req/s, p99 ${r.latency.p99} ms`,
        "p99 ≤ 10 ms",
        r.latency.p99 <= 10,
      );
    }

    // --- 5. the first chart -----------------------------------------------------------------------------------
    log("Erstes Diagramm in chromium …");
    for (const [name, path, selector] of [
      ["Übersicht", "/", "svg.sparkline path"],
      // One computed year draws a marker, several a line.
      [
        "Indikator anteil_mv",
        "/indikatoren/anteil_mv",
        ".recharts-surface path.recharts-line-curve, .recharts-surface path.series-marker",
      ],
    ] as const) {
      let times: number[];
      try {
        times = await firstMark(`${started.url}${path}`, selector);
      } catch (error) {
        row(
          `Erste Diagrammmarke: ${name}`,
          `nicht gemessen: ${(error as Error).message.split("\n")[0]}`,
          "≤ 1 s",
          false,
        );
        continue;
      }
      const ms = median(times);
      row(
        `Erste Diagrammmarke: ${name} (Median von ${CHART_RUNS}, kalter Cache)`,
        `${de(ms / 1000, 2)} s (${times.map((x) => de(x)).join("/")} ms)`,
        "≤ 1 s",
        ms <= 1000,
      );
    }
    if (server.pid !== undefined) peaks.Server = peakRssOf(server.pid);
    await stopServer(server);
    server = undefined;

    const [phase, peak] = Object.entries(peaks).sort((a, b) => b[1] - a[1])[0];
    row(
      `Spitzen-RSS je Prozess: ${Object.entries(peaks)
        .map(([k, v]) => `${k} ${mib(v)}`)
        .join(", ")}`,
      `${mib(peak)} (${phase})`,
      "≤ 1.024 MiB",
      peak <= 1024,
    );
    row("Hinweis: 2 Kerne, die sich mehrere Prozesse teilen; Zeiten schwanken. HOCHGERECHNET = nicht gemessen.", "–");
    return rows;
  } finally {
    if (server) await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}
