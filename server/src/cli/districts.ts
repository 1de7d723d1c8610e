import { loadConfig, userPath } from "../config.ts";
import { openAppContext } from "../context.ts";
import { districtsInUse, listDistricts, replaceDistricts } from "../repositories/districts.ts";
import { countExtracts } from "../repositories/extracts.ts";
import { readDistrictFile } from "../services/districts.ts";
import { bringResultsUpToDate } from "../services/results.ts";
import { seedDistricts } from "../services/startup.ts";
import { parseCommandArgs, UsageError } from "./args.ts";
import { table } from "./format.ts";
import { problemTable } from "./import.ts";

const usage = `Aufruf: npm run monitor -- districts [--file STADTTEILE.csv] [--db PATH]

  ohne --file   zeigt die gespeicherte Stadtteilliste
  --file        ersetzt sie durch eine CSV-Datei mit den Spalten Nummer;Name;Stadtbezirk`;

/** `districts`: show the district reference, or replace it with the city's own list. */
export async function run(args: string[]): Promise<number> {
  let file: string | undefined;
  try {
    const { values, positionals } = parseCommandArgs(args, { file: { type: "string" }, db: { type: "string" } });
    if (positionals.length > 0) throw new UsageError(`Unerwartetes Argument: ${positionals[0]}`);
    file = values.file;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  const context = await openAppContext(loadConfig(args));
  const { database } = context;
  try {
    if (file === undefined) {
      await seedDistricts(database, context.config, () => {});
      const districts = await listDistricts(database.db);
      console.log(
        table(
          ["Nummer", "Name", "Stadtbezirk"],
          districts.map((d) => [d.number, d.name, d.bezirk]),
        ),
      );
      return 0;
    }
    const { districts, problems } = readDistrictFile(userPath(file));
    if (problems.length > 0) {
      console.error(`Die Stadtteilliste ${file} wurde abgelehnt; nichts wurde geändert.\n\n${problemTable(problems)}`);
      return 1;
    }
    const listed = new Set(districts.map((d) => d.number));
    const lost = (await districtsInUse(database.db)).filter((n) => !listed.has(n));
    if (lost.length > 0) {
      console.error(
        `Die neue Liste enthält ${lost.length === 1 ? "den Stadtteil" : "die Stadtteile"} ${lost.join(", ")} nicht, für die schon Daten importiert sind. Nichts wurde geändert.`,
      );
      return 1;
    }
    await replaceDistricts(database.db, districts);
    const bezirke = new Set(districts.map((d) => d.bezirk)).size;
    console.log(`${districts.length} Stadtteile in ${bezirke} Stadtbezirken gespeichert.`);
    if ((await countExtracts(database.db)) > 0) await bringResultsUpToDate(context);
    return 0;
  } finally {
    await database.close();
  }
}
