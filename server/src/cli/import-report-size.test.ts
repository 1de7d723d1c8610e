import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { tempDir } from "../testing/app.ts";
import { run as importCommand } from "./import.ts";

let temp: ReturnType<typeof tempDir>;
let err: string;
beforeEach(() => {
  temp = tempDir();
  err = "";
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation((...a) => {
    err += `${a.join(" ")}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.remove();
});

it("reports 5 MB of junk on a few hundred KB of stderr: values cut to 60 characters, 1000 problems and a count", async () => {
  const junk = join(temp.dir, "junk.csv");
  const line = `31.12.2016;11;w;0+;deutsch;ohne;${"Q".repeat(900)}`;
  writeFileSync(
    junk,
    `Stichtag;Stadtteil;Geschlecht;Alter;Staatsangehoerigkeit;Migrationsvorgeschichte;Anzahl\n${Array.from({ length: 6000 }, () => line).join("\n")}\n`,
  );
  expect(await importCommand(["--profile", "einwohner", "--db", join(temp.dir, "m.sqlite"), junk])).toBe(1);
  expect(err).toContain(`${"Q".repeat(60)}…`);
  expect(err).not.toContain("Q".repeat(61));
  expect(err).toMatch(/… und \d+ weitere Probleme/);
  expect(err.length).toBeLessThan(600_000);
});
