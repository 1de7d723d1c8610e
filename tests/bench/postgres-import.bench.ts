// Import throughput on PostgreSQL: the same 1,000,000-line `einwohner` extract as import.bench.ts through the
// built CLI with `--db postgres://…` (parse, validate, COPY into observations, history, one transaction) against
// psql's `\copy` of the same file into a bare table of the same database. Needs MONITOR_TEST_PG_URL (or
// MONITOR_BENCH_PG_URL) and psql; each round works in a schema of its own, dropped afterwards.
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

const de = (n: number, digits = 0) =>
  n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

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

    let imported = Number.POSITIVE_INFINITY;
    let bare = Number.POSITIVE_INFINITY;
    let bareRows = Number.POSITIVE_INFINITY;
    const rowsFile = join(dir, "observations.tsv");
    for (let round = 1; round <= rounds; round++) {
      const schema = `bench_${process.pid}_${round}`;
      schemas.push(schema);
      const setup = await openDatabase(schemaUrl(schema));
      await replaceDistricts(setup.db, districts);
      await setup.close();
      const run = await timed(process.execPath, [
        join(DIST_DIR, "cli.js"),
        "import",
        "--profile",
        "einwohner",
        "--no-recompute",
        "--db",
        schemaUrl(schema),
        csv,
      ]);
      if (run.code !== 0) throw new Error(`Import fehlgeschlagen (Exit ${run.code}):\n${run.stderr}`);
      const stored = await onServer(
        async (c) =>
          (await c.query(`select count(*)::int as n, sum(value)::float8 as total from ${schema}.observations`))
            .rows[0] as { n: number; total: number },
      );
      if (stored.n !== lines || stored.total !== total) {
        throw new Error(`Import unvollständig: ${stored.n} / ${stored.total}, erwartet ${lines} / ${total}`);
      }
      imported = Math.min(imported, run.seconds);

      await onServer((c) =>
        c.query(
          `create table ${schema}.bare (stichtag text, stadtteil integer, geschlecht text, alter_ text, staat text, migration text, anzahl integer)`,
        ),
      );
      const copy = await timed("psql", [
        "-v",
        "ON_ERROR_STOP=1",
        "-d",
        baseUrl,
        "-c",
        `\\copy ${schema}.bare from '${csv}' with (format csv, delimiter ';', header true)`,
      ]);
      if (copy.code !== 0) throw new Error(`psql \\copy fehlgeschlagen:\n${copy.stderr}`);
      bare = Math.min(bare, copy.seconds);

      // The rows as the import stores them (observation_values, COPY's text format), into a bare table.
      const psql = (command: string) => timed("psql", ["-v", "ON_ERROR_STOP=1", "-d", baseUrl, "-c", command]);
      const exported = await psql(`\\copy ${schema}.observation_values to '${rowsFile}'`);
      if (exported.code !== 0) throw new Error(`psql \\copy to fehlgeschlagen:\n${exported.stderr}`);
      await onServer((c) =>
        c.query(
          `create table ${schema}.bare_rows (extract_id integer, year integer, district integer, key_id integer, value double precision)`,
        ),
      );
      const rowsCopy = await psql(`\\copy ${schema}.bare_rows from '${rowsFile}'`);
      if (rowsCopy.code !== 0) throw new Error(`psql \\copy fehlgeschlagen:\n${rowsCopy.stderr}`);
      bareRows = Math.min(bareRows, rowsCopy.seconds);
      console.error(
        `  Runde ${round}: Import ${de(run.seconds, 2)} s, psql \\copy der Datei ${de(copy.seconds, 2)} s, der gespeicherten Zeilen ${de(rowsCopy.seconds, 2)} s`,
      );
    }
    const ratio = imported / bare;
    return [
      {
        area,
        measure: "Import über die CLI auf PostgreSQL (Parsen, Prüfen, COPY, Historie), beste von 3",
        value: `${de(imported, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "psql \\copy derselben Datei in eine nackte Tabelle, beste von 3",
        value: `${de(bare, 2)} s`,
        target: "",
        ok: null,
      },
      { area, measure: "Verhältnis Import / COPY", value: `${de(ratio, 2)} ×`, target: "≤ 1,5 ×", ok: ratio <= 1.5 },
      {
        area,
        measure: "psql \\copy der gespeicherten Beobachtungszeilen (observation_values, ohne Index), beste von 3",
        value: `${de(bareRows, 2)} s`,
        target: "",
        ok: null,
      },
      {
        area,
        measure: "Verhältnis Import / COPY der gespeicherten Zeilen",
        value: `${de(imported / bareRows, 2)} ×`,
        target: "≤ 1,5 ×",
        ok: imported / bareRows <= 1.5,
      },
      { area, measure: "Zeilen pro Sekunde (Import)", value: de(lines / imported), target: "", ok: null },
    ];
  } finally {
    await onServer(async (c) => {
      for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`);
    }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
