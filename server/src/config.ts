import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type City, resolveCity } from "./cities.ts";

export interface Config {
  /** `MONITOR_CITY`: a shipped city's slug or a city file; Münster by default. */
  city: City;
  dbPath: string;
  /**
   * `MONITOR_DATABASE_URL` (or `--db postgres://…`): PostgreSQL instead of the SQLite file `dbPath`, e.g.
   * `postgres://monitor@db.example/monitor`; `?schema=NAME` keeps the tables in that schema.
   */
  databaseUrl: string | null;
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
  /** Load the city's demo extracts into an empty database at start-up (`MONITOR_DEMO=0` turns it off). */
  loadDemo: boolean;
  /** The built dashboard (`npm run build -w web`). */
  webDistPath: string;
  uploadLimitBytes: number;
  /** The public reads the current draft instead of the latest release (`MONITOR_PUBLIC_DRAFT=1`). */
  publicDraft: boolean;
}

/** Münster's catalogue, the default city's. */
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
  const postgresUrl = /^postgres(ql)?:\/\//i;
  const databaseUrl = postgresUrl.test(dbPath)
    ? dbPath
    : values.db === undefined && env.MONITOR_DATABASE_URL?.trim()
      ? env.MONITOR_DATABASE_URL.trim()
      : null;
  const city = resolveCity(env.MONITOR_CITY?.trim() || "muenster", env.INIT_CWD ?? process.cwd());
  const districtsPath = optionalPath(env.MONITOR_DISTRICTS);
  return {
    // A district list of one's own replaces the city's, and its demo extracts would not fit it.
    city: districtsPath ? { ...city, demo: null } : city,
    dbPath: dbPath === ":memory:" || databaseUrl === dbPath ? dbPath : userPath(dbPath, env),
    databaseUrl,
    port,
    host: env.HOST ?? "127.0.0.1",
    adminToken: token || null,
    geojsonPath: optionalPath(env.MONITOR_GEOJSON) ?? city.geojsonPath,
    cataloguePath: optionalPath(env.MONITOR_CATALOGUE) ?? city.cataloguePath,
    districtsPath: districtsPath ?? city.districtsPath,
    loadDemo: !["0", "false", "nein"].includes((env.MONITOR_DEMO ?? "").toLowerCase()),
    webDistPath: optionalPath(env.MONITOR_WEB_DIST) ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
    uploadLimitBytes: (Number.isFinite(limitMb) && limitMb > 0 ? limitMb : 200) * 1024 * 1024,
    publicDraft: ["1", "true", "ja"].includes((env.MONITOR_PUBLIC_DRAFT ?? "").toLowerCase()),
  };
}

/** What one server process serves: one city at today's URLs, or several side by side (`/muenster/…`). */
export interface InstanceConfig {
  port: number;
  host: string;
  /** One per city; with several, each has its own database file and its `city.basePath`. */
  cities: Config[];
}

/**
 * `MONITOR_CITIES=muenster,almelo` serves several cities, each under `/<slug>/` with its own database
 * `<MONITOR_DATA_DIR or data>/<slug>.sqlite`; without it, one city as `loadConfig` reads it.
 */
export function loadInstanceConfig(argv: string[] = process.argv.slice(2), env = process.env): InstanceConfig {
  const names = (env.MONITOR_CITIES ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) {
    const single = loadConfig(argv, env);
    return { port: single.port, host: single.host, cities: [single] };
  }
  if (argv.some((a) => a === "--db" || a.startsWith("--db="))) {
    throw new Error("Mit MONITOR_CITIES hat jede Stadt ihre eigene Datenbank; --db gilt nur für eine Stadt.");
  }
  const dataDir = env.MONITOR_DATA_DIR ?? "data";
  const cities = names.map((name) => {
    const { MONITOR_DB: _db, MONITOR_CATALOGUE: _c, MONITOR_DISTRICTS: _d, MONITOR_GEOJSON: _g, ...shared } = env;
    const config = loadConfig([], { ...shared, MONITOR_CITY: name });
    const dbPath = userPath(resolve(env.INIT_CWD ?? process.cwd(), dataDir, `${config.city.slug}.sqlite`), env);
    // On PostgreSQL each city gets a schema of its own in the one database.
    const databaseUrl = config.databaseUrl && withSchema(config.databaseUrl, config.city.slug);
    return { ...config, dbPath, databaseUrl, city: { ...config.city, basePath: `/${config.city.slug}` } };
  });
  const slugs = cities.map((c) => c.city.slug);
  const twice = slugs.filter((s, i) => slugs.indexOf(s) !== i);
  if (twice.length > 0) throw new Error(`MONITOR_CITIES nennt eine Stadt mehrfach: ${[...new Set(twice)].join(", ")}.`);
  return { port: cities[0].port, host: cities[0].host, cities };
}

/** The PostgreSQL URL with `schema=<slug>` (a slug's dashes become underscores). */
function withSchema(url: string, slug: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("schema", slug.toLowerCase().replace(/[^a-z0-9_]/g, "_"));
  return parsed.toString();
}
