import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/connection.ts";
import { prepareDatabase } from "./services/startup.ts";

const config = loadConfig();
const database = await openDatabase(config.dbPath);
await prepareDatabase(database, config, (message) => console.log(message));
const app = await buildApp({ config, database, logger: true });
await app.listen({ port: config.port, host: config.host });
if (config.adminTokenGenerated) {
  console.log(
    `\nAdmin-Token für Importe (gilt bis zum nächsten Start; fest einstellen mit MONITOR_ADMIN_TOKEN):\n  ${config.adminToken}\n`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
