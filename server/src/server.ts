import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openAppContext } from "./context.ts";
import { watchResults } from "./services/results.ts";
import { prepareDatabase } from "./services/startup.ts";

const config = loadConfig();
const context = await openAppContext(config);
await prepareDatabase(context, (message) => console.log(message));
// A first start answers at once; the dashboard shows the first results when they are computed.
const app = await buildApp({ context, logger: true, firstResults: "background" });
await app.listen({ port: config.port, host: config.host });
const stopWatching = watchResults(context, (message) => console.log(message));
if (config.adminTokenGenerated) {
  console.log(
    `\nAdmin-Token für Importe (gilt bis zum nächsten Start; fest einstellen mit MONITOR_ADMIN_TOKEN):\n  ${config.adminToken}\n`,
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
