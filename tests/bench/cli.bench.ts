// CLI start-up: the built `monitor` (what `npm run monitor` runs, without npm's own start-up) as a separate
// process, once answering --help and once computing segregation on a large generated table end to end.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, DIST_DIR } from "../../server/build.ts";
import type { BenchRow } from "./run.ts";
import { formatMs, median, writeLargeFile } from "./segregation.bench.ts";

const cli = join(DIST_DIR, "cli.js");

/** Wall-clock milliseconds of `node cli.js …` per run, after one unmeasured warm-up run. */
function timeCli(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ["--enable-source-maps", cli, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"], // the JSON still gets written, to /dev/null
    });
    const elapsed = performance.now() - started;
    if (child.status !== 0)
      throw new Error(`monitor ${args.join(" ")} endete mit Code ${child.status}: ${child.stderr}`);
    if (run > 0) times.push(elapsed);
  }
  return times;
}

function helpStart(): BenchRow {
  const value = median(timeCli(["--help"], 10));
  return {
    area: "CLI",
    measure: "monitor --help Start (gebaute CLI, eigener Prozess), Median aus 10",
    value: formatMs(value),
    target: "≤ 0,3 s",
    ok: value <= 300,
  };
}

function segregationEndToEnd(): BenchRow {
  const file = join(tmpdir(), `segregation-cli-bench-${process.pid}.csv`);
  writeLargeFile(file);
  try {
    const value = median(timeCli(["segregation", "--input", file, "--focal", "Gruppe 0"], 3));
    return {
      area: "CLI",
      measure: "monitor segregation 10.000 Gebiete × 20 Gruppen Ende zu Ende (Start + Rechnen + Ausgabe), Median aus 3",
      value: formatMs(value),
      target: "< 1,5 s",
      ok: value < 1500,
    };
  } finally {
    rmSync(file, { force: true });
  }
}

export default async function (): Promise<BenchRow[]> {
  await buildServer();
  return [helpStart(), segregationEndToEnd()];
}
