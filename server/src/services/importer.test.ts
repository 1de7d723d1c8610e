import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type ExtractProfile, findProfile } from "@im/data-import";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { listExtracts } from "../repositories/extracts.ts";
import { readGenerations } from "../repositories/generations.ts";
import { tempDir, testContext } from "../testing/app.ts";
import { writeEinwohnerFile } from "../testing/einwohner-file.ts";
import { snapshot, testDatabaseOn, testEngines } from "../testing/engines.ts";
import { DatabaseBusyError, importExtract } from "./importer.ts";

const einwohner = findProfile("einwohner") as ExtractProfile;
let temp: ReturnType<typeof tempDir>;
let database: DatabaseHandle;

describe.each(testEngines)("on %s", (engine) => {
  beforeEach(async () => {
    temp = tempDir();
    database = await testDatabaseOn(engine, join(temp.dir, "monitor.sqlite"));
  });
  afterEach(async () => {
    await database.close();
    temp.remove();
  });

  async function extract(name: string, options: { year?: number; seed?: number; districts?: number[] } = {}) {
    const path = join(temp.dir, name);
    const written = await writeEinwohnerFile(path, {
      districts: options.districts ?? [11, 12],
      year: options.year ?? 2015,
      seed: options.seed ?? 0,
    });
    return { path, ...written };
  }

  const run = (path: string, replace = false, onProgress?: (n: number) => void, on = database) =>
    importExtract(testContext(on), {
      path,
      fileName: basename(path),
      profile: einwohner,
      replace,
      importedBy: "Test",
      recompute: false,
      onProgress,
    });

  const observationTotals = async () =>
    (
      await sql<{ extract: number; n: number; total: number }>`select extract_id as extract, count(*) as n,
      sum(value) as total from observations group by extract_id order by extract_id`.execute(database.db)
    ).rows;

  describe("importExtract", () => {
    it("stores every line as an observation and records the file in the history", async () => {
      const file = await extract("einwohner-2015.csv");
      const outcome = await run(file.path);

      expect(outcome.status).toBe("imported");
      const [entry] = await listExtracts(database.db);
      expect(entry).toMatchObject({
        profile: "einwohner",
        office: "Statistikdienststelle",
        year: 2015,
        stichtag: "2015-12-31",
        file_name: "einwohner-2015.csv",
        encoding: "utf-8",
        line_count: file.lines,
        observation_count: file.lines,
        imported_by: "Test",
        replaced_by: null,
      });
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await observationTotals()).toEqual([{ extract: entry.id, n: file.lines, total: file.total }]);
      const years = (await sql`select distinct year, profile from observations`.execute(database.db)).rows;
      expect(years).toEqual([{ year: 2015, profile: "einwohner" }]);
    });

    it("treats the same file twice as a no-op that names the earlier import", async () => {
      const file = await extract("einwohner-2015.csv");
      const first = await run(file.path);
      const before = await snapshot(database);

      const second = await run(file.path, true);

      expect(second).toEqual({ status: "unchanged", extract: first.status === "imported" ? first.extract : null });
      expect(await snapshot(database)).toBe(before);
    });

    it("refuses a second file for a year already present unless replace is asked, then keeps the old one in the history", async () => {
      const old = await extract("alt.csv", { seed: 0 });
      const corrected = await extract("korrigiert.csv", { seed: 5 });
      await run(old.path);
      const before = await snapshot(database);

      const refused = await run(corrected.path);
      expect(refused.status).toBe("conflict");
      expect(await snapshot(database)).toBe(before);

      const replaced = await run(corrected.path, true);
      expect(replaced.status).toBe("imported");
      const history = await listExtracts(database.db);
      expect(history.map((e) => [e.file_name, e.replaced_by])).toEqual([
        ["korrigiert.csv", null],
        ["alt.csv", history[0].id],
      ]);
      // The current state is the non-replaced extract only.
      expect(await observationTotals()).toEqual([
        { extract: history[0].id, n: corrected.lines, total: corrected.total },
      ]);
    });

    it("keeps different years of one profile side by side", async () => {
      await run((await extract("2015.csv", { year: 2015 })).path);
      await run((await extract("2016.csv", { year: 2016 })).path);
      const history = await listExtracts(database.db);
      expect(history.map((e) => [e.year, e.replaced_by])).toEqual([
        [2016, null],
        [2015, null],
      ]);
    });

    it("rejects a file with problems, reports all of them and leaves the database exactly as it was", async () => {
      await run((await extract("2015.csv")).path);
      const before = await snapshot(database);
      const bad = join(temp.dir, "kaputt.csv");
      writeFileSync(
        bad,
        [
          "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl",
          "31.12.2016;11;w;0-17;deutsch;ohne;10",
          "31.12.2016;11;w;18+;deutsch;ohne;zwölf",
          "31.12.2016;99;w;0+;EU;auslaendisch;3",
        ].join("\n"),
      );

      const outcome = await run(bad);

      expect(outcome.status).toBe("rejected");
      const problems = outcome.status === "rejected" ? outcome.problems : [];
      expect(problems.map((p) => [p.line, p.column, p.value])).toEqual(
        expect.arrayContaining([
          [3, "Anzahl", "zwölf"],
          [4, "Stadtteil", "99"],
        ]),
      );
      expect(await snapshot(database)).toBe(before);
    });

    it("lets the app's connection read the last committed state while an import is still writing", async () => {
      await run((await extract("2015.csv", { year: 2015 })).path);
      // Two idle connections on PostgreSQL: the import takes one, the reads below start at once on the other
      // instead of waiting for a new connection, by when the import may have committed.
      const [committed] = await Promise.all([observationTotals(), observationTotals()]);
      const large = await extract("2016.csv", { year: 2016, districts: [11, 12, 13, 14, 15, 21] });
      const seenMeanwhile: Promise<unknown>[] = [];

      const outcome = await run(large.path, false, () => seenMeanwhile.push(observationTotals()));

      expect(outcome.status).toBe("imported");
      expect(seenMeanwhile.length).toBeGreaterThan(0);
      for (const seen of await Promise.all(seenMeanwhile)) expect(seen).toEqual(committed);
      expect(await observationTotals()).toHaveLength(2);
    });
  });

  describe("importExtract while another process writes", () => {
    it("gives up after a second with a German message instead of waiting, and changes nothing", async () => {
      const file = await extract("2015.csv");
      const before = await snapshot(database);
      // Another process's connection holds the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock).
      const other = await openDatabase(database.location);
      try {
        await other.transaction(
          async () => {
            const started = performance.now();
            await expect(run(file.path)).rejects.toThrow(DatabaseBusyError);
            expect(performance.now() - started).toBeLessThan(5000);
          },
          { lock: true },
        );
      } finally {
        await other.close();
      }
      expect(await snapshot(database)).toBe(before);
      expect((await run(file.path)).status).toBe("imported");
    });

    it("runs two imports from two app servers one after the other, never interleaved", async () => {
      const second = await openDatabase(database.location);
      try {
        const districts = [11, 12, 13, 14, 15, 21];
        const a = await extract("2015.csv", { year: 2015, districts });
        const b = await extract("2016.csv", { year: 2016, districts });
        const events: string[] = [];
        const generation = (await readGenerations(second.db)).data;
        const outcomes = await Promise.allSettled([
          run(a.path, false, () => events.push("a")),
          run(b.path, false, () => events.push("b"), second),
        ]);
        const imported = outcomes.filter((o) => o.status === "fulfilled" && o.value.status === "imported");
        // PostgreSQL waits for the lock up to a second; SQLite's busy wait blocks this one process, so there the
        // second import may be refused as busy instead (two real servers are two processes).
        expect(imported.length).toBe(engine === "postgres" ? 2 : imported.length);
        expect(imported.length).toBeGreaterThan(0);
        for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(DatabaseBusyError);
        // Each import's batches all come before or all after the other's: the write lock held them apart.
        expect(events.join("")).toMatch(/^(a+b*|b+a*)$/);
        const history = await listExtracts(database.db);
        expect(history.every((e) => e.observation_count === a.lines || e.observation_count === b.lines)).toBe(true);
        expect((await readGenerations(second.db)).data).toBe(generation + imported.length);
      } finally {
        await second.close();
      }
    });
  });
});
