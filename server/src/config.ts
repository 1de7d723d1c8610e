import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

export interface Config {
  dbPath: string;
  port: number;
  host: string;
  adminToken: string;
  /** True when no MONITOR_ADMIN_TOKEN was set and a token was generated for this run. */
  adminTokenGenerated: boolean;
  geojsonPath: string | null;
  cataloguePath: string | null;
  uploadLimitBytes: number;
}

/** Settings from the environment and `--db`; nothing else is read at start-up. */
export function loadConfig(argv: string[] = process.argv.slice(2), env = process.env): Config {
  const { values } = parseArgs({ args: argv, options: { db: { type: "string" } }, strict: false });
  const token = env.MONITOR_ADMIN_TOKEN?.trim();
  return {
    dbPath: (values.db as string | undefined) ?? env.MONITOR_DB ?? "data/integrationsmonitor.sqlite",
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    adminToken: token || randomBytes(18).toString("base64url"),
    adminTokenGenerated: !token,
    geojsonPath: env.MONITOR_GEOJSON ?? null,
    cataloguePath: env.MONITOR_CATALOGUE ?? null,
    uploadLimitBytes: Number(env.MONITOR_UPLOAD_LIMIT_MB ?? 200) * 1024 * 1024,
  };
}
