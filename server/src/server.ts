import { buildInstance } from "./app.ts";
import { loadInstanceConfig } from "./config.ts";
import { type AppContext, openAppContext } from "./context.ts";
import { countActiveAdmins } from "./repositories/accounts.ts";
import { watchResults } from "./services/results.ts";
import { prepareDatabase } from "./services/startup.ts";

const instance = loadInstanceConfig();
const several = instance.cities.length > 1 || instance.cities[0].city.basePath !== "";
const contexts: { context: AppContext; log: (message: string) => void }[] = [];
for (const config of instance.cities) {
  const context = await openAppContext(config);
  const log = (message: string) => console.log(several ? `[${config.city.name}] ${message}` : message);
  await prepareDatabase(context, log);
  contexts.push({ context, log });
}
// A first start answers at once; the dashboard shows the first results when they are computed.
const app = await buildInstance({ contexts: contexts.map((c) => c.context), logger: true, firstResults: "background" });
await app.listen({ port: instance.port, host: instance.host });
const stopWatching = contexts.map(({ context, log }) => watchResults(context, log));
for (const { context, log } of contexts) {
  if ((await countActiveAdmins(context.database.db)) === 0) {
    // No default password, ever: the first admin is created by whoever can run commands on this machine.
    log(
      `\nNoch kein Admin-Konto. Zum Anmelden im Dashboard eines anlegen (das Passwort wird abgefragt):\n  npm run monitor -- create-admin --name <Name>${databaseOption(context.config)}\n`,
    );
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    for (const stop of stopWatching) stop();
    await app.close();
    for (const { context } of contexts) await context.database.close();
    process.exit(0);
  });
}

/** The `--db` of the hint: the SQLite file, or the PostgreSQL URL without its password. */
function databaseOption(config: AppContext["config"]): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    url.password = "";
    return ` --db '${url}'`; // quoted: a URL may hold ? and &
  }
  return config.dbPath === ":memory:" ? "" : ` --db ${config.dbPath}`;
}
