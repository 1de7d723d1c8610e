// Import throughput: a 1,000,000-line `einwohner` extract through the built CLI (what `npm run monitor` runs:
// parse, validate, insert, history) against the sqlite3 shell's `.import` of the same file into a bare table,
// and where the time goes (start-up, reading and checks, writing, commit). The recomputation of indicators
// that follows an import is measured on its own (recompute.bench.ts covers its speed).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findProfile, readExtract, readExtractInWorker } from "@im/data-import";
import SQLite from "better-sqlite3";
import { buildServer, DIST_DIR } from "../../server/build.ts";
import { openDatabase } from "../../server/src/db/connection.ts";
import { asConn } from "../../server/src/db/engine.ts";
import { replaceDistricts } from "../../server/src/repositories/districts.ts";
import { observationWriter } from "../../server/src/repositories/observations.ts";
import { linesPerDistrict, syntheticDistricts, writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";
import type { BenchRow } from "./run.ts";

const targetLines = 1_000_000;
const root = fileURLToPath(new URL("../../", import.meta.url));
// The built CLI in one process (no npm start-up), so that /usr/bin/time's peak RSS is the import's own.
const cli = (...args: string[]) => measure(process.execPath, [join(DIST_DIR, "cli.js"), ...args]);

interface Run {
  seconds: number;
  maxRssKb: number | null;
  code: number | null;
  stderr: string;
}

/** Runs a command under `/usr/bin/time -v` (peak RSS of the process tree) and measures wall-clock time. */
function measure(command: string, args: string[], stdin?: string): Promise<Run> {
  const viaTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = viaTime
    ? spawn("/usr/bin/time", ["-v", command, ...args], { cwd: root })
    : spawn(command, args, { cwd: root });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.stdout.resume();
  child.stdin.end(stdin ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ seconds: (performance.now() - started) / 1000, maxRssKb: rss ? Number(rss[1]) : null, code, stderr });
    });
  });
}

const rounds = 3;

/** The faster run, keeping the highest peak memory seen. */
function best(a: Run | null, b: Run): Run {
  const faster = !a || b.seconds < a.seconds ? b : a;
  const rss = Math.max(a?.maxRssKb ?? 0, b.maxRssKb ?? 0);
  return { ...faster, maxRssKb: rss || null };
}

async function expectStored(dbPath: string, lines: number, total: number) {
  const check = await openDatabase(dbPath);
  const stored = check.sqlite.prepare("select count(*) as n, sum(value) as total from observations").get() as {
    n: number;
    total: number;
  };
  await check.close();
  if (stored.n !== lines || stored.total !== total) {
    throw new Error(`Import unvollständig: ${stored.n} Zeilen / Summe ${stored.total}, erwartet ${lines} / ${total}`);
  }
}

interface Breakdown {
  read: number;
  write: number;
  commit: number;
}

/**
 * Where the import's time goes, measured in this process on a fresh database with the server's own code:
 * reading and checks alone, then the same with the prepared inserts of the import (writing is the
 * difference), then the commit. Best of `rounds`.
 */
async function breakdown(
  dir: string,
  csv: string,
  districts: ReturnType<typeof syntheticDistricts>,
): Promise<Breakdown> {
  const profile = findProfile("einwohner");
  if (!profile) throw new Error("Profil einwohner fehlt");
  const seconds = (from: number) => (performance.now() - from) / 1000;
  let best: Breakdown | null = null;
  for (let round = 1; round <= rounds; round++) {
    let started = performance.now();
    await readExtract({ path: csv }, profile, districts, () => {});
    const read = seconds(started);

    const path = join(dir, `breakdown-${round}.sqlite`);
    const setup = await openDatabase(path);
    await replaceDistricts(setup.db, districts);
    await setup.close();
    const sqlite = new SQLite(path);
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("cache_size = -65536");
    sqlite.exec("BEGIN IMMEDIATE");
    const extractId = Number(
      sqlite
        .prepare(
          "insert into extracts (profile, office, year, stichtag, file_name, sha256, encoding, line_count, observation_count, imported_at, imported_by) values ('einwohner', 'bench', 2024, '2024-12-31', 'bench.csv', '', 'utf-8', 0, 0, '', 'bench')",
        )
        .run().lastInsertRowid,
    );
    started = performance.now();
    const write = await observationWriter(asConn(sqlite), { extractId, profile: "einwohner" });
    await readExtractInWorker(csv, profile, districts, (batch, year) => write.write(batch, year));
    await write.end();
    const readAndWrite = seconds(started);
    started = performance.now();
    sqlite.exec("COMMIT");
    const commit = seconds(started);
    sqlite.close();
    const measured = { read, write: Math.max(0, readAndWrite - read), commit };
    const total = (b: Breakdown) => b.read + b.write + b.commit;
    if (!best || total(measured) < total(best)) best = measured;
  }
  if (!best) throw new Error("keine Messung");
  return best;
}

const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export default async function (): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "integrationsmonitor-bench-"));
  try {
    await buildServer();
    const districts = syntheticDistricts(Math.ceil(targetLines / linesPerDistrict));
    const csv = join(dir, "einwohner-2024.csv");
    const { lines, total } = await writeEinwohnerFile(csv, { districts: districts.map((d) => d.number), year: 2024 });
    console.error(`  ${de(lines)} Zeilen, ${de(statSync(csv).size / 2 ** 20, 1)} MiB`);

    // Best of three, alternating both sides, so that load from other processes hits them alike.
    let imported: Run | null = null;
    let bare: Run | null = null;
    let dbPath = "";
    for (let round = 1; round <= rounds; round++) {
      dbPath = join(dir, `monitor-${round}.sqlite`);
      const setup = await openDatabase(dbPath);
      await replaceDistricts(setup.db, districts);
      await setup.close();
      const run = await cli("import", "--profile", "einwohner", "--no-recompute", "--db", dbPath, csv);
      if (run.code !== 0) throw new Error(`Import fehlgeschlagen (Exit ${run.code}):\n${run.stderr}`);
      await expectStored(dbPath, lines, total);
      imported = best(imported, run);

      const script = [
        ".mode csv",
        ".separator ;",
        "create table bare (stichtag text, stadtteil integer, geschlecht text, alter_ text, staat text, migration text, anzahl integer);",
        `.import --skip 1 ${csv} bare`,
        "",
      ].join("\n");
      const sqlite = await measure("/usr/bin/sqlite3", [join(dir, `bare-${round}.sqlite`)], script);
      if (sqlite.code !== 0) throw new Error(`sqlite3 .import fehlgeschlagen:\n${sqlite.stderr}`);
      bare = best(bare, sqlite);
      console.error(`  Runde ${round}: Import ${de(run.seconds, 2)} s, sqlite3 ${de(sqlite.seconds, 2)} s`);
    }
    if (!imported || !bare) throw new Error("keine Messung");

    const parts = await breakdown(dir, csv, districts);
    const startUp = await cli("--help");
    const recomputed = await cli("recompute", "--db", dbPath);
    if (recomputed.code !== 0) throw new Error(`Neuberechnung fehlgeschlagen:\n${recomputed.stderr}`);

    const ratio = imported.seconds / bare.seconds;
    const rssMiB = imported.maxRssKb === null ? null : imported.maxRssKb / 1024;
    const area = `Import ${de(lines)} Zeilen`;
    return [
      {
        area,
        measure: "Import über die CLI (Parsen, Prüfen, Schreiben, Historie), beste von 3",
        value: `${de(imported.seconds, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "sqlite3 .import in eine nackte Tabelle, beste von 3",
        value: `${de(bare.seconds, 2)} s`,
        target: "",
        ok: null,
      },
      { area, measure: "Verhältnis Import / sqlite3", value: `${de(ratio, 2)} ×`, target: "≤ 1,5 ×", ok: ratio <= 1.5 },
      {
        area,
        measure: "davon Start der CLI (monitor --help)",
        value: `${de(startUp.seconds, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "davon Lesen, Dekodieren, CSV-Parsen, Prüfen (im Prozess, ohne Schreiben)",
        value: `${de(parts.read, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "davon Schreiben (vorbereitete INSERTs, 100 Zeilen je Anweisung)",
        value: `${de(parts.write, 2)} s`,
        target: "",
        ok: null,
      },
      { area, measure: "davon COMMIT (Seiten ins WAL)", value: `${de(parts.commit, 2)} s`, target: "", ok: null },
      { area, measure: "Zeilen pro Sekunde (Import)", value: de(lines / imported.seconds), target: "", ok: null },
      {
        area,
        measure: "danach: Neuberechnung (npm run monitor -- recompute)",
        value: `${de(recomputed.seconds, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "Spitzen-Arbeitsspeicher (maxRSS) des Imports",
        value: rssMiB === null ? "nicht messbar" : `${de(rssMiB)} MiB`,
        target: "≤ 512 MiB",
        ok: rssMiB === null ? null : rssMiB <= 512,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
