import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../db/connection.ts";
import { listDistricts } from "../repositories/districts.ts";
import { dump, tempDir, testDatabase } from "../testing/app.ts";
import { districtCsv, syntheticDistricts, writeEinwohnerFile } from "../testing/einwohner-file.ts";
import { run as districts } from "./districts.ts";
import { run as importCommand } from "./import.ts";
import { run as imports } from "./imports.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const main = join(root, "server/src/cli/main.ts");
// `node --import tsx` rather than the tsx binary, which runs the script in a second process a kill would miss.
const cli = (args: string[]) => [process.execPath, ["--import", "tsx", main, ...args]] as const;

let temp: ReturnType<typeof tempDir>;
let db: string;
let out: string;
let err: string;
beforeEach(() => {
  temp = tempDir();
  db = join(temp.dir, "monitor.sqlite");
  out = "";
  err = "";
  vi.spyOn(console, "log").mockImplementation((...a) => {
    out += `${a.join(" ")}\n`;
  });
  vi.spyOn(console, "error").mockImplementation((...a) => {
    err += `${a.join(" ")}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.remove();
});

async function extract(name: string, seed = 0) {
  const path = join(temp.dir, name);
  await writeEinwohnerFile(path, { districts: [11, 12], year: 2015, seed });
  return path;
}

describe("monitor import", () => {
  it("exits 0 with a German summary, and seeds Münster's Stadtteile into a new database", async () => {
    const file = await extract("einwohner-2015.csv");
    expect(await importCommand(["--profile", "einwohner", "--db", db, file])).toBe(0);
    expect(out).toContain(
      "„einwohner-2015.csv“ importiert (Nr. 1): Einwohner (Melderegister), Stichtag 31.12.2015, 5.328 Zeilen",
    );
    const database = await openDatabase(db);
    expect(await listDistricts(database.db)).toHaveLength(45);
    await database.close();
  });

  it("says so and exits 0 when the same file comes again", async () => {
    const file = await extract("a.csv");
    await importCommand(["--profile", "einwohner", "--db", db, file]);
    out = "";
    expect(await importCommand(["--profile", "einwohner", "--db", db, file])).toBe(0);
    expect(out).toContain("ist bereits importiert (Nr. 1");
  });

  it("exits 1 for a year already present and explains --replace, which then replaces it", async () => {
    await importCommand(["--profile", "einwohner", "--db", db, await extract("alt.csv")]);
    const neu = await extract("neu.csv", 3);
    expect(await importCommand(["--profile", "einwohner", "--db", db, neu])).toBe(1);
    expect(err).toContain("rufen Sie den Import mit --replace auf");
    expect(await importCommand(["--profile", "einwohner", "--replace", "--db", db, neu])).toBe(0);
    expect(out).toContain("Ersetzt Import Nr. 1 („alt.csv“)");
  });

  it("exits 1 with the full problem report (Zeile, Spalte, Wert, Meldung) and stores nothing", async () => {
    await importCommand(["--profile", "einwohner", "--db", db, await extract("gut.csv")]);
    const before = dump(db);
    const bad = join(temp.dir, "kaputt.csv");
    writeFileSync(
      bad,
      "Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl\n" +
        "31.12.2016;11;w;0+;deutsch;auslaendisch;5\n" +
        "31.12.2016;12;w;0+;deutsch;ohne;1,5\n",
    );
    expect(await importCommand(["--profile", "einwohner", "--db", db, bad])).toBe(1);
    expect(err).toContain("„kaputt.csv“ wurde abgelehnt; nichts wurde gespeichert.");
    expect(err).toMatch(/Zeile\s+Spalte\s+Wert\s+Meldung/);
    expect(err).toMatch(/\n2\s+.*auslaendisch/);
    expect(err).toMatch(/\n3\s+Anzahl\s+1,5\s/);
    expect(dump(db)).toBe(before);
  });

  it.each([
    [[], "Bitte das Profil angeben"],
    [["--profile", "gibtsnicht", "x.csv"], "Unbekanntes Profil „gibtsnicht“"],
    [["--profile", "einwohner"], "mindestens eine Datei"],
    [["--profile", "einwohner", "fehlt.csv"], "Datei nicht gefunden: fehlt.csv"],
    [["--profile", "einwohner", "--ersetzen", "x.csv"], "Unbekannte oder unvollständige Option: --ersetzen"],
  ])("exits 2 on wrong usage %j", async (args, message) => {
    expect(await importCommand([...args, "--db", db])).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("Aufruf: npm run monitor -- import");
  });
});

describe("monitor imports", () => {
  it("lists the history as a table with the replaced extract marked", async () => {
    await importCommand(["--profile", "einwohner", "--db", db, await extract("alt.csv")]);
    await importCommand(["--profile", "einwohner", "--replace", "--db", db, await extract("neu.csv", 1)]);
    out = "";
    expect(await imports(["--db", db])).toBe(0);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^Nr\.\s+Profil\s+Amt\s+Jahr\s+Stichtag\s+Datei\s+Zeilen\s+Werte/);
    expect(lines[2]).toMatch(
      /^\s*2\s+einwohner\s+Statistikdienststelle\s+2015\s+31\.12\.2015\s+neu\.csv\s+5\.328.*aktuell/,
    );
    expect(lines[3]).toMatch(/^\s*1\s.*alt\.csv.*ersetzt durch Nr\. 2/);
    expect(await imports(["--db", db, "extra"])).toBe(2);
  });
});

describe("monitor districts", () => {
  it("replaces the list with the city's own CSV, refuses a broken one and one that drops Stadtteile in use", async () => {
    const own = join(temp.dir, "stadtteile.csv");
    writeFileSync(own, districtCsv(syntheticDistricts(3)));
    expect(await districts(["--file", own, "--db", db])).toBe(0);
    expect(out).toContain("3 Stadtteile in 3 Stadtbezirken gespeichert.");

    const broken = join(temp.dir, "kaputt.csv");
    writeFileSync(broken, "Nummer;Name;Stadtbezirk\nelf;Aegidii;Mitte\n");
    expect(await districts(["--file", broken, "--db", db])).toBe(1);
    expect(err).toMatch(/\n2\s+Nummer\s+elf\s/);

    const file = join(temp.dir, "e.csv");
    await writeEinwohnerFile(file, { districts: [100, 101], year: 2020 });
    expect(await importCommand(["--profile", "einwohner", "--db", db, file])).toBe(0);
    writeFileSync(own, districtCsv(syntheticDistricts(1)));
    expect(await districts(["--file", own, "--db", db])).toBe(1);
    expect(err).toContain("den Stadtteil 101 nicht");
    const database = await openDatabase(db);
    expect((await listDistricts(database.db)).map((d) => d.number)).toEqual([100, 101, 102]);
    await database.close();
  });
});

describe("the CLI entry point", () => {
  it("exits 2 with the list of commands for an unknown command", () => {
    const res = spawnSync(...cli(["exportieren"]), { encoding: "utf8", cwd: root });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("Unbekannter Befehl: exportieren");
    expect(res.stderr).toContain("import --profile <name>");
  });

  it("leaves a database that passes integrity_check and holds exactly the earlier state when killed mid-import", async () => {
    const many = syntheticDistricts(113);
    const database = await testDatabase(db, many);
    await database.close();
    const small = join(temp.dir, "2015.csv");
    await writeEinwohnerFile(small, { districts: [100, 101], year: 2015 });
    expect(await importCommand(["--profile", "einwohner", "--db", db, small])).toBe(0);
    const before = dump(db);
    const large = join(temp.dir, "2016.csv");
    const { lines } = await writeEinwohnerFile(large, { districts: many.map((d) => d.number), year: 2016 });
    expect(lines).toBeGreaterThan(300_000);

    const child = spawn(...cli(["import", "--profile", "einwohner", "--db", db, large]), { cwd: root });
    let stderr = "";
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    // The first progress line comes after 100,000 rows are inserted in the open transaction.
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (d) => {
        stderr += d;
        if (stderr.includes("Werte gelesen")) resolve();
      }),
    );
    child.kill("SIGKILL");
    expect(await exited).toEqual({ code: null, signal: "SIGKILL" });

    const check = spawnSync("/usr/bin/sqlite3", [db, "PRAGMA integrity_check"], { encoding: "utf8" });
    expect(check.stdout.trim()).toBe("ok");
    expect(dump(db)).toBe(before);
  });
});

describe("monitor import in another city", () => {
  it("refuses a profile the city's catalogue does not read, naming the allowed ones (exit 2)", async () => {
    const file = await extract("einwohner-2015.csv");
    const previous = process.env.MONITOR_CITY;
    process.env.MONITOR_CITY = "almelo";
    try {
      expect(await importCommand(["--profile", "einwohner", "--db", db, file])).toBe(2);
    } finally {
      if (previous === undefined) delete process.env.MONITOR_CITY;
      else process.env.MONITOR_CITY = previous;
    }
    expect(err).toContain(
      "Das Profil „einwohner“ liest der Katalog dieser Stadt (Almelo) nicht. Erlaubt sind: nl_bevolking,",
    );
  });
});
