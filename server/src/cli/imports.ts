import { loadConfig } from "../config.ts";
import { databaseOf, openDatabase } from "../db/connection.ts";
import { listExtracts } from "../repositories/extracts.ts";
import { onlyDatabaseOption } from "./args.ts";
import { germanDate, germanDateTime, table } from "./format.ts";

const usage = "Aufruf: npm run monitor -- imports [--db PATH]";

/** `imports`: the import history as a table, newest first. */
export async function run(args: string[]): Promise<number> {
  if (!onlyDatabaseOption(args, usage)) return 2;
  const database = await openDatabase(databaseOf(loadConfig(args)));
  try {
    const extracts = await listExtracts(database.db);
    if (extracts.length === 0) {
      console.log("Noch keine Importe.");
      return 0;
    }
    const rows = extracts.map((e) => [
      e.id,
      e.profile,
      e.office,
      String(e.year),
      germanDate(e.stichtag),
      e.file_name,
      e.line_count,
      e.observation_count,
      germanDateTime(e.imported_at),
      e.imported_by,
      e.replaced_by === null ? "aktuell" : `ersetzt durch Nr. ${e.replaced_by}`,
      e.sha256.slice(0, 12),
    ]);
    const header = [
      "Nr.",
      "Profil",
      "Amt",
      "Jahr",
      "Stichtag",
      "Datei",
      "Zeilen",
      "Werte",
      "Importiert",
      "von",
      "Stand",
      "SHA-256",
    ];
    console.log(table(header, rows));
    return 0;
  } finally {
    await database.close();
  }
}
