import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const sharedDir = resolve(repoRoot, "../shared");
export const screenshotDir = join(repoRoot, "tests/screenshots");
export const adminToken = "e2e-token";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real server (demo city on a fresh SQLite file) exactly as `npm start` does. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, "web/dist/index.html"))) {
    execFileSync("npm", ["run", "build", "-w", "web"], { cwd: repoRoot, stdio: "ignore" });
  }
  const dir = mkdtempSync(join(tmpdir(), "im-e2e-"));
  const port = 4100 + Math.floor(Math.random() * 800);
  const child: ChildProcess = spawn("npx", ["tsx", "server/src/server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MONITOR_DB: join(dir, "e2e.sqlite"), MONITOR_ADMIN_TOKEN: adminToken, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server beendet (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/overview?area=stadt`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Server nicht bereit: ${stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
