// The stored results always belong to the stored data, probed from outside as an operator would: CLI imports
// killed while recomputing, a CLI import beside a running server, two recomputations at once. Every process
// is real (tsx on the sources), every database a real file; the reference is one recomputation in this process
// on a copy of the same data.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.ts";
import { openAppContext } from "../../server/src/context.ts";
import { recompute } from "../../server/src/services/recompute.ts";
import { districtCsv, syntheticDistricts, writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");
const districts = syntheticDistricts(6);
let dir: string;
const running = new Set<ChildProcess>();

const file = (year: number) => join(dir, `einwohner_${year}.csv`);
const env = (db: string) => ({
  ...process.env,
  MONITOR_DB: db,
  MONITOR_DEMO: "0",
  MONITOR_DISTRICTS: join(dir, "stadtteile.csv"),
  MONITOR_ADMIN_TOKEN: "fresh-results-token-0123456789",
  // These tests follow the draft results; the public reads it as a city with MONITOR_PUBLIC_DRAFT would.
  MONITOR_PUBLIC_DRAFT: "1",
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "im-fresh-"));
  writeFileSync(join(dir, "stadtteile.csv"), districtCsv(districts));
  for (const year of [2022, 2023, 2024, 2025]) {
    await writeEinwohnerFile(file(year), { districts: districts.map((d) => d.number), year, seed: year });
  }
});
afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function start(
  args: string[],
  db: string,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(tsx, args, { cwd: root, env: env(db), stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve({ code, out });
    }),
  );
  return { child, done };
}

const monitor = (db: string, ...args: string[]) => start(["server/src/cli/main.ts", ...args, "--db", db], db);
const importYear = (db: string, year: number, ...flags: string[]) =>
  monitor(db, "import", "--profile", "einwohner", ...flags, file(year));

function meta(db: string): Record<string, string> {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    const rows = sqlite.prepare("select key, value from meta").all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  } finally {
    sqlite.close();
  }
}

function storedValues(db: string): unknown[] {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    return sqlite.prepare("select * from indicator_values order by indicator, year, area, breakdown, grp").all();
  } finally {
    sqlite.close();
  }
}

function yearsWithValues(db: string): number[] {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    const rows = sqlite.prepare("select distinct year from indicator_values order by year").all() as { year: number }[];
    return rows.map((r) => r.year);
  } finally {
    sqlite.close();
  }
}

/** The results of one recomputation in this process, on a copy of the database's data. */
async function referenceValues(db: string): Promise<unknown[]> {
  const copy = join(dir, `reference-${Math.random().toString(36).slice(2)}.sqlite`);
  for (const suffix of ["", "-wal"]) if (existsSync(db + suffix)) copyFileSync(db + suffix, copy + suffix);
  const context = await openAppContext({ ...loadConfig([], {}), dbPath: copy });
  try {
    await recompute(context);
  } finally {
    await context.database.close();
  }
  return storedValues(copy);
}

async function until(condition: () => boolean | Promise<boolean>, withinMs: number, pollMs = 20): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > withinMs) throw new Error(`Bedingung nicht erfüllt nach ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return Date.now() - started;
}

async function importAndKillWhileRecomputing(db: string, year: number) {
  const run = importYear(db, year);
  await until(() => existsSync(db) && meta(db).recompute_lease !== undefined, 60_000);
  run.child.kill("SIGKILL");
  await run.done;
  const m = meta(db);
  // The extract is committed, the results are not: the data generation is ahead of them.
  expect(Number(m.data_generation)).toBeGreaterThan(Number(m.results_generation));
  expect(yearsWithValues(db)).not.toContain(year);
}

async function startServer(db: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = start(["server/src/server.ts"], db);
  let output = "";
  server.child.stdout?.on("data", (d) => {
    output += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.child.stdout?.on("data", () => {
      const listening = /Server listening at (http:\/\/[^"\s]+)/.exec(output);
      if (listening) resolve(listening[1]);
    });
    void server.done.then(({ out }) => reject(new Error(`Server beendet:\n${out}`)));
  });
  return {
    url,
    async stop() {
      server.child.kill("SIGTERM");
      await server.done;
    },
  };
}

describe("a recomputation cut short by a kill", () => {
  it("is completed by importing the same file again, which answers 'bereits importiert'", async () => {
    const db = join(dir, "again.sqlite");
    expect((await importYear(db, 2022).done).code).toBe(0);
    await importAndKillWhileRecomputing(db, 2023);

    const again = await importYear(db, 2023).done;
    expect(again.out).toContain("bereits importiert");
    expect(again.code).toBe(0);
    const m = meta(db);
    expect(m.results_generation).toBe(m.data_generation);
    expect(yearsWithValues(db)).toEqual([2022, 2023]);
    expect(storedValues(db)).toEqual(await referenceValues(db));
  });

  it("is completed by the next server start, which serves the last good results meanwhile", async () => {
    const db = join(dir, "restart.sqlite");
    expect((await importYear(db, 2022).done).code).toBe(0);
    await importAndKillWhileRecomputing(db, 2023);

    const server = await startServer(db);
    try {
      await until(async () => {
        const status = (await (await fetch(`${server.url}/api/status`)).json()) as { upToDate: boolean };
        return status.upToDate;
      }, 120_000);
      const values = (await (
        await fetch(`${server.url}/api/indicators/anteil_mv/values?area=stadt&year=2023`)
      ).json()) as { rows: { value: number | null }[] };
      expect(values.rows.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
    expect(storedValues(db)).toEqual(await referenceValues(db));
  });
});

describe("a CLI import beside a running server", () => {
  it("is served within a second of the CLI finishing; one without recomputation is recomputed by the server", async () => {
    const db = join(dir, "beside.sqlite");
    expect((await importYear(db, 2022).done).code).toBe(0);
    const server = await startServer(db);
    const has = async (year: number) => {
      const response = await fetch(`${server.url}/api/indicators/anteil_mv/values?area=stadt&year=${year}`);
      if (!response.ok) return false;
      const body = (await response.json()) as { rows: { year: number }[] };
      return body.rows.some((v) => v.year === year);
    };
    try {
      expect(await has(2022)).toBe(true);
      expect(await has(2023)).toBe(false); // asked once, so that a stale cache would answer next time

      expect((await importYear(db, 2023).done).code).toBe(0);
      expect(await until(() => has(2023), 1000)).toBeLessThanOrEqual(1000);

      expect((await importYear(db, 2024, "--no-recompute").done).code).toBe(0);
      await until(() => has(2024), 120_000, 200);
    } finally {
      await server.stop();
    }
    const m = meta(db);
    expect(m.results_generation).toBe(m.data_generation);
    expect(storedValues(db)).toEqual(await referenceValues(db));
  });
});

describe("two recomputations at once", () => {
  it("end with the results of a single recomputation", async () => {
    const db = join(dir, "twice.sqlite");
    expect((await importYear(db, 2022, "--no-recompute").done).code).toBe(0);
    expect((await importYear(db, 2025, "--no-recompute").done).code).toBe(0);
    const [first, second] = await Promise.all([monitor(db, "recompute").done, monitor(db, "recompute").done]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const m = meta(db);
    expect(m.results_generation).toBe(m.data_generation);
    expect(m.recompute_lease).toBeUndefined();
    expect(yearsWithValues(db)).toEqual([2022, 2025]);
    expect(storedValues(db)).toEqual(await referenceValues(db));
  });
});
