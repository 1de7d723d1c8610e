import { join } from "node:path";
import { type ExtractProfile, findProfile, muensterDistricts } from "@im/data-import";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/connection.ts";
import { dump, tempDir, testContext, testDatabase } from "../testing/app.ts";
import { writeEinwohnerFile } from "../testing/einwohner-file.ts";
import { importExtract } from "./importer.ts";

const einwohner = findProfile("einwohner") as ExtractProfile;
let temp: ReturnType<typeof tempDir>;
let dbPath: string;
let database: DatabaseHandle;

beforeEach(async () => {
  temp = tempDir();
  dbPath = join(temp.dir, "monitor.sqlite");
  database = await testDatabase(dbPath);
});
afterEach(async () => {
  await database.close();
  temp.remove();
});

/** Five Stadtteile: 13,320 lines, so the reader stores two batches. */
async function extract() {
  const path = join(temp.dir, "einwohner.csv");
  await writeEinwohnerFile(path, { districts: muensterDistricts.slice(0, 5).map((d) => d.number), year: 2015 });
  return path;
}

const run = (path: string, signal: AbortSignal, onProgress?: () => void) =>
  importExtract(testContext(database), {
    path,
    fileName: "einwohner.csv",
    profile: einwohner,
    replace: false,
    importedBy: "Test",
    recompute: false,
    onProgress,
    signal,
  });

describe("importExtract with an abort signal", () => {
  it("stops after the batch during which the signal aborted and commits nothing", async () => {
    const path = await extract();
    const before = dump(dbPath);
    const controller = new AbortController();
    const reason = new Error("Client weg");
    let batches = 0;
    const outcome = run(path, controller.signal, () => {
      batches++;
      controller.abort(reason);
    });
    await expect(outcome).rejects.toBe(reason);
    expect(batches).toBe(1);
    expect(dump(dbPath)).toBe(before);
  });

  it("does not commit when the signal aborts during the last batch, after the whole file was read", async () => {
    const path = await extract();
    const before = dump(dbPath);
    const controller = new AbortController();
    let batches = 0;
    const outcome = run(path, controller.signal, () => {
      if (++batches === 2) controller.abort(new Error("Client weg"));
    });
    await expect(outcome).rejects.toThrow("Client weg");
    expect(dump(dbPath)).toBe(before);
  });

  it("does not start an import whose signal has already aborted", async () => {
    const path = await extract();
    const before = dump(dbPath);
    const controller = new AbortController();
    controller.abort(new Error("Client weg"));
    await expect(run(path, controller.signal)).rejects.toThrow("Client weg");
    expect(dump(dbPath)).toBe(before);
  });

  it("imports as before when the signal never aborts", async () => {
    const outcome = await run(await extract(), new AbortController().signal);
    expect(outcome.status).toBe("imported");
  });
});
