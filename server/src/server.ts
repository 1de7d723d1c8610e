import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openAppContext } from "./context.ts";
import { countActiveAdmins } from "./repositories/accounts.ts";
import { watchResults } from "./services/results.ts";
import { prepareDatabase } from "./services/startup.ts";

const config = loadConfig();
const context = await openAppContext(config);
await prepareDatabase(context, (message) => console.log(message));
// A first start answers at once; the dashboard shows the first results when they are computed.
const app = await buildApp({ context, logger: true, firstResults: "background" });
await app.listen({ port: config.port, host: config.host });
const stopWatching = watchResults(context, (message) => console.log(message));
if ((await countActiveAdmins(context.database.db)) === 0) {
  // No default password, ever: the first admin is created by whoever can run commands on this machine.
  console.log(
    `\nNoch kein Admin-Konto. Zum Anmelden im Dashboard eines anlegen (das Passwort wird abgefragt):\n  npm run monitor -- create-admin --name <Name>${config.dbPath === ":memory:" ? "" : ` --db ${config.dbPath}`}\n`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    stopWatching();
    await app.close();
    await context.database.close();
    process.exit(0);
  });
}
