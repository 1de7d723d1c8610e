import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { createAppContext } from "../context.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { listDistricts } from "../repositories/districts.ts";
import { countExtracts } from "../repositories/extracts.ts";
import { tempDir } from "../testing/app.ts";
import { districtCsv, syntheticDistricts } from "../testing/einwohner-file.ts";
import { prepareDatabase, seedDistricts } from "./startup.ts";

let temp: ReturnType<typeof tempDir>;
let database: DatabaseHandle;
const log: string[] = [];
beforeEach(async () => {
  temp = tempDir();
  database = await openDatabase(join(temp.dir, "monitor.sqlite"));
  log.length = 0;
});
afterEach(async () => {
  await database.close();
  temp.remove();
});
const config = (env: Record<string, string>) => loadConfig([], env);

describe("seedDistricts", () => {
  it("puts Münster's 45 Stadtteile into an empty database and leaves a filled one alone", async () => {
    await seedDistricts(database, config({}), (m) => log.push(m));
    expect(await listDistricts(database.db)).toHaveLength(45);
    expect(log).toEqual(["Stadtteilliste angelegt: 45 Stadtteile (Münster)."]);

    const own = join(temp.dir, "stadt.csv");
    writeFileSync(own, districtCsv(syntheticDistricts(2)));
    await seedDistricts(database, config({ MONITOR_DISTRICTS: own }), (m) => log.push(m));
    expect(await listDistricts(database.db)).toHaveLength(45);
    expect(log[1]).toContain("npm run monitor -- districts --file");
  });

  it("takes the city's own list from MONITOR_DISTRICTS and refuses a broken one", async () => {
    const own = join(temp.dir, "stadt.csv");
    writeFileSync(own, districtCsv(syntheticDistricts(2)));
    await seedDistricts(database, config({ MONITOR_DISTRICTS: own }), () => {});
    expect(await listDistricts(database.db)).toEqual(syntheticDistricts(2));

    await database.db.deleteFrom("districts").execute();
    writeFileSync(own, "Nummer;Name\n1;A\n");
    await expect(seedDistricts(database, config({ MONITOR_DISTRICTS: own }), () => {})).rejects.toThrow(
      /MONITOR_DISTRICTS: .* ist keine gültige Stadtteilliste:\n {2}Zeile 1: Pflichtspalte „Stadtbezirk“ fehlt/,
    );
    expect(await listDistricts(database.db)).toEqual([]);
  });
});

describe("prepareDatabase", () => {
  it("leaves the database without extracts when the demo is switched off or the city has its own districts", async () => {
    await prepareDatabase(createAppContext(config({ MONITOR_DEMO: "0" }), database), () => {});
    expect(await countExtracts(database.db)).toBe(0);

    const own = join(temp.dir, "stadt.csv");
    writeFileSync(own, districtCsv(syntheticDistricts(2)));
    await database.db.deleteFrom("districts").execute();
    await prepareDatabase(createAppContext(config({ MONITOR_DISTRICTS: own }), database), () => {});
    expect(await countExtracts(database.db)).toBe(0);
    expect(await listDistricts(database.db)).toHaveLength(2);
  });
});
