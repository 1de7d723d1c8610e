import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { muensterDistricts } from "./districts.ts";
import type { Observation, ObservationColumns } from "./line-checker.ts";
import { findProfile } from "./profiles/index.ts";
import { readExtract } from "./read-extract.ts";
import { BATCHES_IN_FLIGHT, readExtractInWorker, WORKER_FROM_BYTES } from "./read-in-worker.ts";

const einwohner = findProfile("einwohner");
if (!einwohner) throw new Error("Profil einwohner fehlt");
const dir = mkdtempSync(join(tmpdir(), "read-in-worker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A valid einwohner file of every Münster Stadtteil with single-year ages: large enough for the worker. */
function bigFile(name: string, change?: (lines: string[]) => void): string {
  const lines = ["Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl"];
  const origins = [
    "deutsch;ohne",
    "deutsch;persoenlich",
    "deutsch;vererbt",
    "EU;auslaendisch",
    "Drittstaat;auslaendisch",
  ];
  for (const { number } of muensterDistricts) {
    for (const sex of ["m", "w", "d", "o"]) {
      for (const origin of [...origins, "ungeklaert;auslaendisch"]) {
        for (let age = 0; age <= 110; age++) {
          const count = (number + age + lines.length) % 17;
          lines.push(
            `31.12.2024;${number};${sex};${age === 110 ? "110+" : age};${origin};${count === 3 ? "." : count}`,
          );
        }
      }
    }
  }
  change?.(lines);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  expect(statSync(path).size).toBeGreaterThanOrEqual(WORKER_FROM_BYTES);
  return path;
}

/** The columns back as observations (without the line, which columns do not carry). */
function rows(batch: ObservationColumns): Omit<Observation, "line">[] {
  return Array.from({ length: batch.length }, (_, i) => ({
    district: batch.district[i] < 0 ? null : batch.district[i],
    dims: batch.dims[batch.dimsIndex[i]],
    measure: batch.measures[batch.measureIndex[i]],
    value: Number.isNaN(batch.value[i]) ? null : batch.value[i],
  }));
}

async function both(path: string) {
  const inThread: Omit<Observation, "line">[] = [];
  const expected = await readExtract(
    { path },
    einwohner as NonNullable<typeof einwohner>,
    muensterDistricts,
    (batch) => {
      for (const { line: _, ...o } of batch) inThread.push(o);
    },
  );
  const inWorker: Omit<Observation, "line">[] = [];
  const years = new Set<number>();
  const actual = await readExtractInWorker(
    path,
    einwohner as NonNullable<typeof einwohner>,
    muensterDistricts,
    (batch, year) => {
      years.add(year);
      inWorker.push(...rows(batch));
    },
  );
  return { expected, actual, inThread, inWorker, years };
}

describe("readExtractInWorker", () => {
  it("reads a large file in a worker to the same observations and summary as readExtract", async () => {
    const { expected, actual, inThread, inWorker, years } = await both(bigFile("valid.csv"));
    expect(actual.problems).toEqual([]);
    expect(actual.summary).toEqual(expected.summary);
    expect(inWorker.length).toBe(muensterDistricts.length * 2664);
    expect(inWorker).toEqual(inThread);
    expect([...years]).toEqual([2024]);
  });

  it("reports the same problems, with line and column, as readExtract", async () => {
    const path = bigFile("broken.csv", (lines) => {
      lines[5000] = lines[5000].replace(/;\d+$/, ";12,5");
      lines[90000] = lines[90000].replace(/^([^;]*;[^;]*;)[^;]*/, "$1q");
    });
    const { expected, actual } = await both(path);
    expect(actual.problems.map((p) => [p.line, p.column])).toEqual([
      [5001, "Anzahl"],
      [90001, "Geschlecht"],
    ]);
    expect(actual).toEqual(expected);
  });

  it("holds the reading while the caller's backlog is full, then reads on to the end", async () => {
    let batches = 0;
    let release = () => {};
    const full = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reading = readExtractInWorker(
      bigFile("held.csv"),
      einwohner as NonNullable<typeof einwohner>,
      muensterDistricts,
      (batch) => {
        batches += 1;
        expect(batch.length).toBeGreaterThan(0);
      },
      { backlog: () => full },
    );
    await vi.waitFor(() => expect(batches).toBe(BATCHES_IN_FLIGHT), { timeout: 10_000 });
    // Time enough for the worker to read on, were it not held.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(batches).toBe(BATCHES_IN_FLIGHT);
    release();
    const { summary, problems } = await reading;
    expect(problems).toEqual([]);
    expect(summary?.observationCount).toBe(muensterDistricts.length * 2664);
    expect(batches).toBe(Math.ceil((muensterDistricts.length * 2664) / 10_000));
  });

  it("stops the worker and rejects with the reason when the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("Client weg");
    let batches = 0;
    const reading = readExtractInWorker(
      bigFile("aborted.csv"),
      einwohner as NonNullable<typeof einwohner>,
      muensterDistricts,
      () => {
        batches++;
        controller.abort(reason);
      },
      { signal: controller.signal },
    );
    await expect(reading).rejects.toBe(reason);
    expect(batches).toBe(1);
  });
});
