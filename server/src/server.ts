import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/connection.ts";

const config = loadConfig();
const database = await openDatabase(config.dbPath);
const app = await buildApp({ config, database, logger: true });
await app.listen({ port: config.port, host: config.host });
