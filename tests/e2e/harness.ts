import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const screenshotDir = join(repoRoot, "tests/screenshots");
/**
 * The optional bootstrap API token (MONITOR_ADMIN_TOKEN, analyst rights, no account) for tests that script the
 * API; the browser signs in with an account (`signIn`), as people do.
 */
export const adminToken = "e2e-token";

export interface E2eAccount {
  name: string;
  password: string;
  role: "analyst" | "admin";
}
/** Created in every server's database by the real CLI (`create-admin`) before the server starts. */
export const e2eAnalyst: E2eAccount = { name: "e2e-analyst", password: "analyst-passwort-e2e", role: "analyst" };
export const e2eAdmin: E2eAccount = { name: "e2e-admin", password: "admin-passwort-e2e", role: "admin" };

/** `npm run monitor -- create-admin` on `dbPath`, the password on stdin as a script would send it. */
export function createAccountWithCli(dbPath: string, account: E2eAccount): void {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "server/src/cli/main.ts",
      "create-admin",
      "--name",
      account.name,
      "--role",
      account.role,
      "--db",
      dbPath,
    ],
    { cwd: repoRoot, input: `${account.password}\n`, stdio: ["pipe", "pipe", "pipe"] },
  );
}

/** Signs in on the Daten page with the login form and waits for the signed-in page. */
export async function signIn(page: Page, account: E2eAccount = e2eAnalyst): Promise<void> {
  await page.goto("/daten");
  await page.getByLabel("Benutzername").fill(account.name);
  await page.getByLabel("Passwort").fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.locator(".account-bar").waitFor();
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Newest modification time of the files under `path` (a file or a folder). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds web/dist when it is missing or older than the dashboard's sources, so the tests never run against a
 * stale bundle while the dashboard is still changing.
 */
export function ensureWebBuild(): void {
  const index = join(repoRoot, "web/dist/index.html");
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(repoRoot, "web/src")),
    newestMtime(join(repoRoot, "web/index.html")),
    newestMtime(join(repoRoot, "web/vite.config.ts")),
  );
  if (built > sources) return;
  try {
    // vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
    execFileSync("npm", ["run", "build", "-w", "web"], {
      cwd: repoRoot,
      stdio: "pipe",
      env: { ...process.env, NODE_ENV: "production" },
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build -w web ist fehlgeschlagen:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

/**
 * Copies web/dist into `target` and checks that every asset index.html names is there. The server then serves
 * the copy (MONITOR_WEB_DIST), so a `vite build` someone starts during the tests cannot pull files away.
 */
export function snapshotWebDist(target: string): void {
  const dist = join(repoRoot, "web/dist");
  for (let attempt = 1; ; attempt++) {
    rmSync(target, { recursive: true, force: true });
    try {
      cpSync(dist, target, { recursive: true });
      const html = readFileSync(join(target, "index.html"), "utf8");
      const assets = [...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"]+)"/g)].map((m) => m[1]);
      if (assets.length > 0 && assets.every((asset) => existsSync(join(target, asset)))) return;
    } catch {
      // a build was writing web/dist at that moment
    }
    if (attempt === 5) throw new Error("web/dist ist unvollständig (läuft gerade ein Build?)");
    execFileSync("sleep", ["2"]);
    ensureWebBuild();
  }
}

const running = new Set<ChildProcess>();
/** A crashed test run must not leave servers behind: kill our own process groups on exit. */
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the server was started in its own process group (detached)
  } catch {
    // already gone
  }
}

/**
 * Spawns the real server exactly as `npm start` does, on the database file `dbPath`, and waits until it answers;
 * `readyWithinMs` bounds the wait (an empty database first imports and recomputes the demo city). An instance of
 * several cities is ready when every city under `basePaths` is.
 */
async function launchServer(
  dbPath: string,
  env: Record<string, string>,
  readyWithinMs: number,
  basePaths: string[] = [""],
): Promise<RunningServer> {
  const port = 4100 + Math.floor(Math.random() * 800);
  const tsx = join(repoRoot, "node_modules/.bin/tsx");
  const child: ChildProcess = spawn(tsx, ["server/src/server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MONITOR_DB: dbPath, MONITOR_ADMIN_TOKEN: adminToken, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(child);
  let output = "";
  const keep = (d: unknown) => {
    output = (output + String(d)).slice(-6000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      throw new Error(`Server beendet (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    // The server answers before a first computation ends: ready means results that belong to the data, and
    // the demo city's release the server publishes after them (what the public reads).
    const ready = async (base: string) => {
      try {
        const res = await fetch(`${url}${base}/api/status`, { signal: AbortSignal.timeout(5000) });
        if (!res.ok || !((await res.json()) as { upToDate: boolean }).upToDate) return false;
        const releases = await fetch(`${url}${base}/api/releases`, { signal: AbortSignal.timeout(5000) });
        return releases.ok && ((await releases.json()) as { latest: number | null }).latest !== null;
      } catch {
        return false; // not listening yet
      }
    };
    if ((await Promise.all(basePaths.map(ready))).every(Boolean)) break;
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      running.delete(child);
      throw new Error(`Server nicht bereit nach ${Math.round(readyWithinMs / 1000)} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async stop() {
      killGroup(child, "SIGTERM"); // the server closes its database on SIGTERM, which checkpoints the WAL
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}

/**
 * Importing and recomputing the demo city: the Geheimhaltung is decided over all tables at once by linear
 * programming (under 3 min measured on two busy cores; 38 min in CI before its programs shared their solutions
 * and partners came from the smallest area).
 */
const DEMO_BUILD_MS = 60 * 60_000;
/** A server on a filled database with current results starts without recomputing. */
const START_MS = 120_000;

/**
 * Fills `dbPath` with the demo city by starting the server once on the empty file (as `npm start` does on
 * a first start) and stopping it cleanly. The e2e project does this once per run (global-setup.ts).
 */
export async function buildDemoDatabase(dbPath: string): Promise<void> {
  const server = await launchServer(dbPath, {}, DEMO_BUILD_MS);
  await server.stop();
}

let ownDemoDatabase: Promise<string> | undefined;

/**
 * The demo database of this run: the one global-setup.ts built when running under the e2e project, else
 * (e.g. `npm run bench`) one built on first use and removed when the process exits.
 */
async function demoDatabase(): Promise<string> {
  if (process.env.VITEST) {
    const { inject } = await import("vitest");
    const provided = inject("demoDatabase");
    if (provided) return provided;
  }
  ownDemoDatabase ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-e2e-demo-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "demo.sqlite");
    await buildDemoDatabase(path);
    return path;
  })();
  return ownDemoDatabase;
}

/** Copies a SQLite file with its write-ahead log and shared-memory index, when they exist. */
function copyDatabase(from: string, to: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

/**
 * Starts the real server exactly as `npm start` does, on its own copy of the demo city's database (built once
 * per run, see `buildDemoDatabase`). `env` must not change what the database holds (MONITOR_DEMO, MONITOR_DISTRICTS).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  ensureWebBuild();
  const demo = await demoDatabase();
  const dir = mkdtempSync(join(tmpdir(), "im-e2e-"));
  try {
    snapshotWebDist(join(dir, "web-dist"));
    copyDatabase(demo, join(dir, "e2e.sqlite"));
    for (const account of [e2eAnalyst, e2eAdmin]) createAccountWithCli(join(dir, "e2e.sqlite"), account);
    const server = await launchServer(
      join(dir, "e2e.sqlite"),
      { MONITOR_WEB_DIST: join(dir, "web-dist"), ...env },
      START_MS,
    );
    return {
      url: server.url,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Almelo's first results (import, Geheimhaltung for 71 buurten and four years) take about a minute. */
const CITIES_START_MS = 10 * 60_000;

/**
 * The real server serving two cities side by side (`MONITOR_CITIES=muenster,almelo`): Münster on a copy of the
 * demo database, Almelo loaded from its demo extracts at start, each with the e2e accounts.
 */
export async function startCities(): Promise<RunningServer> {
  ensureWebBuild();
  const demo = await demoDatabase();
  const dir = mkdtempSync(join(tmpdir(), "im-e2e-cities-"));
  try {
    snapshotWebDist(join(dir, "web-dist"));
    const data = join(dir, "data");
    mkdirSync(data);
    copyDatabase(demo, join(data, "muenster.sqlite"));
    for (const city of ["muenster", "almelo"]) {
      for (const account of [e2eAnalyst, e2eAdmin]) createAccountWithCli(join(data, `${city}.sqlite`), account);
    }
    const server = await launchServer(
      "",
      { MONITOR_CITIES: "muenster,almelo", MONITOR_DATA_DIR: data, MONITOR_WEB_DIST: join(dir, "web-dist") },
      CITIES_START_MS,
      ["/muenster", "/almelo"],
    );
    return {
      url: server.url,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's chromium, never a downloaded browser; flags keep it off the closed network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--lang=de-DE", // the browser's own texts (file input, validation) in German, as for the users
    ],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions, console errors and failed requests of the page; empty it with `errors.length = 0`. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (cold cache, no cookies, empty storage) at 1280×800 with German locale and Berlin time. */
export async function openPage(browser: Browser, baseURL: string): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Failed requests are reported below with their URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    // Without MONITOR_GEOJSON the boundaries answer 404 by contract; the dashboard then offers tiles only.
    if (response.status() === 404 && path.endsWith("/api/geo/stadtteile")) return;
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.request().method()} ${path}`);
  });
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (!reason.includes("ERR_ABORTED")) errors.push(`Anfrage fehlgeschlagen: ${request.url()} (${reason})`);
  });
  return { page, context, errors, close: () => context.close() };
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** axe-core violations of impact `serious` or `critical`, as readable lines for an assertion message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`)
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    … und ${v.nodes.length - 5} weitere` : "";
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    });
}

/**
 * Waits until a chart mark drawn by the dashboard exists (Recharts line/bar or a sparkline path) and has a
 * non-empty `d`; returns how many such marks there are.
 */
export async function waitForMarks(page: Page, selector: string, minimum = 1): Promise<number> {
  await page.waitForFunction(
    ({ selector, minimum }) =>
      [...document.querySelectorAll(selector)].filter((el) => (el.getAttribute("d") ?? "").trim().length > 2).length >=
      minimum,
    { selector, minimum },
  );
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].filter((el) => (el.getAttribute("d") ?? "").trim().length > 2).length,
    selector,
  );
}
