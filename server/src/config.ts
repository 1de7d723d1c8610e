import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export interface Config {
  dbPath: string;
  port: number;
  host: string;
  /**
   * `MONITOR_ADMIN_TOKEN`: an optional bootstrap API token for scripts, with the analyst's rights (no account
   * management). Unset, only accounts sign in (`npm run monitor -- create-admin`); nothing is generated.
   */
  adminToken: string | null;
  geojsonPath: string | null;
  /** `MONITOR_CATALOGUE`, else the catalogue shipped with the project. */
  cataloguePath: string;
  /** The city's own district list (CSV), seeded instead of Münster's on an empty database. */
  districtsPath: string | null;
  /** Load the demo city into an empty database at start-up (`MONITOR_DEMO=0` turns it off). */
  loadDemo: boolean;
  /** The built dashboard (`npm run build -w web`). */
  webDistPath: string;
  uploadLimitBytes: number;
  /** The public reads the current draft instead of the latest release (`MONITOR_PUBLIC_DRAFT=1`). */
  publicDraft: boolean;
}

export const DEFAULT_CATALOGUE_PATH = fileURLToPath(
  new URL("../../indicators/catalogue/catalogue.json", import.meta.url),
);

/**
 * A path as the user meant it: relative to the directory the command was typed in. `npm start` runs the
 * server inside `server/` and `npm run` scripts at the repository root; npm keeps the original in INIT_CWD.
 */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** Settings from the environment and `--db`; nothing else is read at start-up. */
export function loadConfig(argv: string[] = process.argv.slice(2), env = process.env): Config {
  const { values } = parseArgs({ args: argv, options: { db: { type: "string" } }, strict: false });
  const token = env.MONITOR_ADMIN_TOKEN?.trim();
  const limitMb = Number(env.MONITOR_UPLOAD_LIMIT_MB ?? 200);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT „${env.PORT}“ ist keine gültige Portnummer.`);
  const optionalPath = (value: string | undefined) => (value ? userPath(value, env) : null);
  const dbPath = (values.db as string | undefined) ?? env.MONITOR_DB ?? "data/integrationsmonitor.sqlite";
  return {
    dbPath: dbPath === ":memory:" ? dbPath : userPath(dbPath, env),
    port,
    host: env.HOST ?? "127.0.0.1",
    adminToken: token || null,
    geojsonPath: optionalPath(env.MONITOR_GEOJSON),
    cataloguePath: optionalPath(env.MONITOR_CATALOGUE) ?? DEFAULT_CATALOGUE_PATH,
    districtsPath: optionalPath(env.MONITOR_DISTRICTS),
    loadDemo: !["0", "false", "nein"].includes((env.MONITOR_DEMO ?? "").toLowerCase()),
    webDistPath: optionalPath(env.MONITOR_WEB_DIST) ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
    uploadLimitBytes: (Number.isFinite(limitMb) && limitMb > 0 ? limitMb : 200) * 1024 * 1024,
    publicDraft: ["1", "true", "ja"].includes((env.MONITOR_PUBLIC_DRAFT ?? "").toLowerCase()),
  };
}
