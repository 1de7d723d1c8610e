import { loadConfig } from "../config.ts";
import { openAppContext } from "../context.ts";
import { bringResultsUpToDate } from "../services/results.ts";
import { onlyDatabaseOption } from "./args.ts";

const usage = "Aufruf: npm run monitor -- recompute [--db PATH]";

/** `recompute`: after `import --no-recompute` or a changed catalogue (MONITOR_CATALOGUE). */
export async function run(args: string[]): Promise<number> {
  if (!onlyDatabaseOption(args, usage)) return 2;
  const context = await openAppContext(loadConfig(args));
  try {
    // Forced: the command also serves after a change the database cannot see (a new version of the engine).
    const summary = await bringResultsUpToDate(context, { force: true });
    if (!summary) return 0;
    console.log(
      `Neu berechnet: ${summary.indicatorRows.toLocaleString("de-DE")} Indikatorwerte, ${summary.segregationResults.toLocaleString("de-DE")} Segregationsergebnisse in ${(summary.timings.total / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} s.`,
    );
    return 0;
  } catch (error) {
    // A broken catalogue is the user's input, reported in German; anything else is a fault.
    if ((error as Error).name !== "CatalogueError") throw error;
    console.error((error as Error).message);
    return 1;
  } finally {
    await context.database.close();
  }
}
