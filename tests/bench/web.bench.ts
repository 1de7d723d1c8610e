// Dashboard speed: (1) the initial JavaScript of index.html — the entry chunk plus every modulepreloaded chunk,
// each as the server sends it (the build's brotli file); (2) in headless Debian chromium against the real server with
// the demo city, the time from navigation start to the first drawn chart mark (cold cache, median of 5) for
// the Übersicht and the Indikator view.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureWebBuild, launchBrowser, repoRoot, startServer } from "../e2e/harness.ts";
import type { BenchRow } from "./run.ts";

const AREA = "Dashboard";
const RUNS = 5;
const JS_TARGET_KB = 300;
const DRAW_TARGET_MS = 1500;

const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The scripts index.html loads before anything is drawn: module entry and modulepreloads. */
export function initialScripts(html: string): string[] {
  const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set([...entry, ...preloads])];
}

function initialJavaScript(): { files: number; rawKB: number; sentKB: number } {
  ensureWebBuild();
  const dist = join(repoRoot, "web/dist");
  const scripts = initialScripts(readFileSync(join(dist, "index.html"), "utf8"));
  if (scripts.length === 0) throw new Error("web/dist/index.html lädt kein Modul-Skript");
  let raw = 0;
  let sent = 0;
  for (const src of scripts) {
    const file = join(dist, src.replace(/^\//, ""));
    const bytes = readFileSync(file);
    raw += bytes.length;
    // What the server sends a browser: the brotli file the build wrote beside it (small files go as they are).
    sent += existsSync(`${file}.br`) ? statSync(`${file}.br`).size : bytes.length;
  }
  return { files: scripts.length, rawKB: raw / 1024, sentKB: sent / 1024 };
}

/** Sets `window.__firstMark` to performance.now() (ms since navigation start) when `selector` first has a `d`. */
function markObserver(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const drawn = () => [...document.querySelectorAll(selector)].some((el) => (el.getAttribute("d") || "").length > 2);
    const observer = new MutationObserver(() => {
      if (window.__firstMark === undefined && drawn()) {
        window.__firstMark = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["d"] });
  })();`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export default async function (): Promise<BenchRow[]> {
  const js = initialJavaScript();
  const rows: BenchRow[] = [
    {
      area: AREA,
      measure: `Initiales JavaScript (${js.files} Dateien, brotli, wie gesendet)`,
      value: `${de(js.sentKB, 1)} KB (roh ${de(js.rawKB)} KB)`,
      target: `≤ ${JS_TARGET_KB} KB`,
      ok: js.sentKB <= JS_TARGET_KB,
    },
  ];

  const views = [
    { name: "Übersicht", path: "/", selector: "svg.sparkline path" },
    {
      name: "Indikator anteil_mv",
      path: "/indikatoren/anteil_mv",
      selector: ".recharts-surface path.recharts-line-curve",
    },
  ];
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const view of views) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A fresh context per run: empty HTTP cache, no service worker, no stored state.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
        try {
          const page = await context.newPage();
          await page.addInitScript(markObserver(view.selector));
          await page.goto(`${server.url}${view.path}`, { waitUntil: "commit" });
          await page.waitForSelector(view.selector, { state: "attached", timeout: 30_000 });
          await page.waitForFunction(() => (window as { __firstMark?: number }).__firstMark !== undefined, null, {
            timeout: 30_000,
          });
          times.push(await page.evaluate(() => (window as { __firstMark?: number }).__firstMark as number));
        } finally {
          await context.close();
        }
      }
      const ms = median(times);
      rows.push({
        area: AREA,
        measure: `Erste Diagrammmarke: ${view.name} (Median von ${RUNS}, kalter Cache)`,
        value: `${de(ms / 1000, 2)} s (${times.map((t) => de(t)).join("/")} ms)`,
        target: `≤ ${de(DRAW_TARGET_MS / 1000, 1)} s`,
        ok: ms <= DRAW_TARGET_MS,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}
