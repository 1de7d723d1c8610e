// Import throughput: a 1,000,000-line `einwohner` extract through the built CLI (what `npm run monitor` runs:
// parse, validate, insert, history) against the sqlite3 shell's `.import` of the same file into a bare table, in
// the same run, and where the CLI's time goes: the importer reports when each of its phases ended
// (MONITOR_IMPORT_PHASES, services/importer.ts), so the breakdown is of the measured run itself and adds up to it.
// The recomputation of indicators that follows an import is measured on its own (recompute.bench.ts covers its
// speed).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer, DIST_DIR } from "../../server/build.ts";
import { openDatabase } from "../../server/src/db/connection.ts";
import { replaceDistricts } from "../../server/src/repositories/districts.ts";
import { linesPerDistrict, syntheticDistricts, writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";
import { de, phasesOf, readingAlone, secondsRow } from "./import-phases.ts";
import type { BenchRow } from "./run.ts";

const targetLines = 1_000_000;
const root = fileURLToPath(new URL("../../", import.meta.url));
// The built CLI in one process (no npm start-up), so that /usr/bin/time's peak RSS is the import's own.
const cli = (...args: string[]) =>
  measure(process.execPath, [join(DIST_DIR, "cli.js"), ...args], undefined, { MONITOR_IMPORT_PHASES: "1" });

interface Run {
  seconds: number;
  maxRssKb: number | null;
  code: number | null;
  stderr: string;
}

/** Runs a command under `/usr/bin/time -v` (peak RSS of the process tree) and measures wall-clock time. */
function measure(command: string, args: string[], stdin?: string, env: Record<string, string> = {}): Promise<Run> {
  const viaTime = existsSync("/usr/bin/time");
  const options = { cwd: root, env: { ...process.env, ...env } };
  const started = performance.now();
  const child = viaTime ? spawn("/usr/bin/time", ["-v", command, ...args], options) : spawn(command, args, options);
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

    const phases = phasesOf(imported.stderr);
    const alone = await readingAlone(csv, districts, rounds);
    const startUp = await cli("--help");
    const recomputed = await cli("recompute", "--db", dbPath);
    if (recomputed.code !== 0) throw new Error(`Neuberechnung fehlgeschlagen:\n${recomputed.stderr}`);

    const ratio = imported.seconds / bare.seconds;
    const rssMiB = imported.maxRssKb === null ? null : imported.maxRssKb / 1024;
    const area = `Import ${de(lines)} Zeilen`;
    const part = secondsRow(area);
    const overlapped = (phases.read - phases.checked) / 1000;
    return [
      part("Import über die CLI (Parsen, Prüfen, Schreiben, Historie), beste von 3", imported.seconds),
      part("sqlite3 .import in eine nackte Tabelle, beste von 3", bare.seconds),
      { area, measure: "Verhältnis Import / sqlite3", value: `${de(ratio, 2)} ×`, target: "≤ 1,5 ×", ok: ratio <= 1.5 },
      // Where the best CLI run's time went, phase by phase; the rows add up to its total.
      part(
        "davon Start bis Importbeginn (Node, Module, Datenbank öffnen und migrieren, Stadtteile)",
        phases.started / 1000,
      ),
      part("  darin: Start der CLI allein (monitor --help, eigener Lauf)", startUp.seconds),
      part("davon Stadtteilliste lesen", (phases.checked - phases.started) / 1000),
      part("davon Lesen, Parsen, Prüfen im Worker neben SHA-256 und INSERTs im Hauptthread", overlapped),
      part(
        "  darin: INSERTs im Hauptthread (mehrzeilig vorbereitet, 500 Zeilen je Anweisung)",
        phases.inserting / 1000,
      ),
      part(
        "  darin: übrige Zeit des Hauptthreads (SHA-256, Worker-Start, Warten)",
        overlapped - phases.inserting / 1000,
      ),
      part("davon neue Schlüssel, Historie, Datengeneration", (phases.stored - phases.read) / 1000),
      part("davon COMMIT (Seiten ins WAL, automatischer Checkpoint)", (phases.committed - phases.stored) / 1000),
      part("davon Ende (Audit-Log, Datenbank schließen, Prozessende)", imported.seconds - phases.committed / 1000),
      part("zum Vergleich: Lesen, Parsen, Prüfen allein (im Prozess, ein Thread, warm)", alone),
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
