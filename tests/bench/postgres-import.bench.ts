// Import throughput on PostgreSQL: the same 1,000,000-line `einwohner` extract as import.bench.ts through the
// built CLI with `--db postgres://…` (parse, validate, COPY into observation_values, history, one transaction)
// against psql's `\copy` of the same file into a bare table of the same database, and where the CLI's time goes:
// the importer reports when each of its phases ended (MONITOR_IMPORT_PHASES, services/importer.ts), so the
// breakdown is of the measured run itself and adds up to it. The server's share is measured beside it: psql's
// `\copy` of the rows the import stored, into a bare table and into one with observation_values' index. Needs
// MONITOR_TEST_PG_URL (or MONITOR_BENCH_PG_URL) and psql; each round works in a schema of its own, dropped
// afterwards.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { buildServer, DIST_DIR } from "../../server/build.ts";
import { openDatabase } from "../../server/src/db/connection.ts";
import { replaceDistricts } from "../../server/src/repositories/districts.ts";
import { linesPerDistrict, syntheticDistricts, writeEinwohnerFile } from "../../server/src/testing/einwohner-file.ts";
import { de, type Phases, phasesOf, readingAlone, secondsRow } from "./import-phases.ts";
import type { BenchRow } from "./run.ts";

const targetLines = 1_000_000;
const rounds = 3;
const root = fileURLToPath(new URL("../../", import.meta.url));
const baseUrl = process.env.MONITOR_BENCH_PG_URL?.trim() || process.env.MONITOR_TEST_PG_URL?.trim() || null;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  child.stdout.resume();
  return new Promise<{ seconds: number; code: number | null; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ seconds: (performance.now() - started) / 1000, code, stderr }));
  });
}

function schemaUrl(schema: string): string {
  const url = new URL(baseUrl as string);
  url.searchParams.set("schema", schema);
  return url.toString();
}

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl as string });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function (): Promise<BenchRow[]> {
  const area = `PostgreSQL: Import ${de(targetLines)} Zeilen`;
  if (!baseUrl) {
    console.error("  MONITOR_TEST_PG_URL nicht gesetzt: PostgreSQL-Messungen übersprungen");
    return [{ area, measure: "übersprungen (MONITOR_TEST_PG_URL nicht gesetzt)", value: "–", target: "", ok: null }];
  }
  const dir = mkdtempSync(join(tmpdir(), "integrationsmonitor-pg-bench-"));
  const schemas: string[] = [];
  try {
    await buildServer();
    const districts = syntheticDistricts(Math.ceil(targetLines / linesPerDistrict));
    const csv = join(dir, "einwohner-2024.csv");
    const { lines, total } = await writeEinwohnerFile(csv, { districts: districts.map((d) => d.number), year: 2024 });
    console.error(`  ${de(lines)} Zeilen, ${de(statSync(csv).size / 2 ** 20, 1)} MiB`);

    let imported: { seconds: number; phases: Phases } | null = null;
    let bare = Number.POSITIVE_INFINITY;
    let bareRows = Number.POSITIVE_INFINITY;
    let indexedRows = Number.POSITIVE_INFINITY;
    const rowsFile = join(dir, "observations.tsv");
    const psql = (command: string) => timed("psql", ["-v", "ON_ERROR_STOP=1", "-d", baseUrl, "-c", command]);
    for (let round = 1; round <= rounds; round++) {
      const schema = `bench_${process.pid}_${round}`;
      schemas.push(schema);
      const setup = await openDatabase(schemaUrl(schema));
      await replaceDistricts(setup.db, districts);
      await setup.close();
      const run = await timed(
        process.execPath,
        [
          join(DIST_DIR, "cli.js"),
          "import",
          "--profile",
          "einwohner",
          "--no-recompute",
          "--db",
          schemaUrl(schema),
          csv,
        ],
        { ...process.env, MONITOR_IMPORT_PHASES: "1" },
      );
      if (run.code !== 0) throw new Error(`Import fehlgeschlagen (Exit ${run.code}):\n${run.stderr}`);
      const stored = await onServer(
        async (c) =>
          (await c.query(`select count(*)::int as n, sum(value)::float8 as total from ${schema}.observations`))
            .rows[0] as { n: number; total: number },
      );
      if (stored.n !== lines || stored.total !== total) {
        throw new Error(`Import unvollständig: ${stored.n} / ${stored.total}, erwartet ${lines} / ${total}`);
      }
      if (!imported || run.seconds < imported.seconds) {
        imported = { seconds: run.seconds, phases: phasesOf(run.stderr) };
      }

      await onServer((c) =>
        c.query(
          `create table ${schema}.bare (stichtag text, stadtteil integer, geschlecht text, alter_ text, staat text, migration text, anzahl integer)`,
        ),
      );
      const copy = await psql(`\\copy ${schema}.bare from '${csv}' with (format csv, delimiter ';', header true)`);
      if (copy.code !== 0) throw new Error(`psql \\copy fehlgeschlagen:\n${copy.stderr}`);
      bare = Math.min(bare, copy.seconds);

      // The rows as the import stored them (observation_values, in COPY's text format): into a bare table, and into
      // one with observation_values' index, whose upkeep is the difference.
      const exported = await psql(`\\copy ${schema}.observation_values to '${rowsFile}'`);
      if (exported.code !== 0) throw new Error(`psql \\copy to fehlgeschlagen:\n${exported.stderr}`);
      await onServer(async (c) => {
        await c.query(
          `create table ${schema}.bare_rows (extract_id integer, year integer, district integer, key_id integer, value double precision)`,
        );
        await c.query(`create table ${schema}.indexed_rows (like ${schema}.observation_values including indexes)`);
      });
      const rowsCopy = await psql(`\\copy ${schema}.bare_rows from '${rowsFile}'`);
      if (rowsCopy.code !== 0) throw new Error(`psql \\copy fehlgeschlagen:\n${rowsCopy.stderr}`);
      bareRows = Math.min(bareRows, rowsCopy.seconds);
      const indexedCopy = await psql(`\\copy ${schema}.indexed_rows from '${rowsFile}'`);
      if (indexedCopy.code !== 0) throw new Error(`psql \\copy fehlgeschlagen:\n${indexedCopy.stderr}`);
      indexedRows = Math.min(indexedRows, indexedCopy.seconds);
      console.error(
        `  Runde ${round}: Import ${de(run.seconds, 2)} s, psql \\copy der Datei ${de(copy.seconds, 2)} s, der gespeicherten Zeilen ${de(rowsCopy.seconds, 2)} s (mit Index ${de(indexedCopy.seconds, 2)} s)`,
      );
    }
    if (!imported) throw new Error("keine Messung");
    const { seconds, phases } = imported;
    const written = phases.written;
    if (written === undefined) throw new Error("Der Import auf PostgreSQL hat das Ende des COPY nicht gemeldet");
    const alone = await readingAlone(csv, districts, rounds);
    const startUp = await timed(process.execPath, [join(DIST_DIR, "cli.js"), "--help"]);

    const ratio = seconds / bare;
    const part = secondsRow(area);
    const overlapped = (phases.read - phases.checked) / 1000;
    return [
      part("Import über die CLI auf PostgreSQL (Parsen, Prüfen, COPY, Historie), beste von 3", seconds),
      part("psql \\copy derselben Datei in eine nackte Tabelle, beste von 3", bare),
      { area, measure: "Verhältnis Import / COPY", value: `${de(ratio, 2)} ×`, target: "≤ 1,5 ×", ok: ratio <= 1.5 },
      // Where the best CLI run's time went, phase by phase; the rows marked "davon" add up to its total.
      part(
        "davon Start bis Importbeginn (Node, Module, Verbindung, Migrationen prüfen, Katalog, Stadtteile)",
        phases.started / 1000,
      ),
      part("  darin: Start der CLI allein (monitor --help, eigener Lauf)", startUp.seconds),
      part("davon Stadtteilliste lesen", (phases.checked - phases.started) / 1000),
      part("davon Lesen, Parsen, Prüfen im Worker neben SHA-256 und COPY-Strom im Hauptthread", overlapped),
      part("  darin: COPY-Daten bauen (binär) und in den Strom schreiben, im Hauptthread", phases.inserting / 1000),
      part(
        "  darin: übrige Zeit des Hauptthreads (BEGIN, Sperre, SHA-256, Worker-Start, Warten auf Zeilen)",
        overlapped - phases.inserting / 1000,
      ),
      part(
        "davon Ende des COPY (Server arbeitet den Rest ab), neue Schlüssel, BRIN-Index zusammenfassen",
        (written - phases.read) / 1000,
      ),
      part("davon Historie, Datengeneration", (phases.stored - written) / 1000),
      part("davon COMMIT (WAL auf die Platte)", (phases.committed - phases.stored) / 1000),
      part("davon Ende (Audit-Log, Verbindungen schließen, Prozessende)", seconds - phases.committed / 1000),
      part("zum Vergleich: Lesen, Parsen, Prüfen allein (im Prozess, ein Thread, warm)", alone),
      part("zum Vergleich: psql \\copy der gespeicherten Zeilen in eine nackte Tabelle, beste von 3", bareRows),
      part(
        "zum Vergleich: dieselben Zeilen in eine Tabelle mit dem Index von observation_values (BRIN), beste von 3",
        indexedRows,
      ),
      {
        area,
        measure: "Verhältnis Import / COPY der gespeicherten Zeilen (nackte Tabelle)",
        value: `${de(seconds / bareRows, 2)} ×`,
        target: "",
        ok: null,
      },
      { area, measure: "Zeilen pro Sekunde (Import)", value: de(lines / seconds), target: "", ok: null },
    ];
  } finally {
    await onServer(async (c) => {
      for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`);
    }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
