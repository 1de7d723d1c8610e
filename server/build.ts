// `npm run build -w server` (run by `npm ci`/`npm install` and `npm start`): bundles the `monitor` CLI and the
// server to JavaScript in server/dist/, so that they start without compiling TypeScript at every call.
import { readFile, rm } from "node:fs/promises";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

export const DIST_DIR = fileURLToPath(new URL("./dist/", import.meta.url));

/**
 * Packages from node_modules stay imports: better-sqlite3 is native, highs loads its WebAssembly beside itself
 * and pino starts workers from its own files. The workspace packages export TypeScript sources, so they are
 * bundled, and so is kysely: its hundreds of small modules took 0.15 s to load at every start of the CLI.
 */
const bundled = (path: string) => path.startsWith("@im/") || path === "kysely" || path.startsWith("kysely/");
const nodeModulesExternal: Plugin = {
  name: "node-modules-external",
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, ({ path }) => (bundled(path) ? undefined : { external: true }));
  },
};

/**
 * Modules that read files beside themselves (migrations, catalogue, district list, demo city) keep finding
 * them: their `import.meta.url` is their source file's location, computed from the bundle's own.
 */
function sourceLocation(outdir: string): Plugin {
  return {
    name: "source-location",
    setup(bundle) {
      bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, "utf8");
        if (!text.includes("import.meta.url")) return undefined;
        const fromBundle = relative(outdir, path).split(sep).join("/");
        const location = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: text.replaceAll("import.meta.url", location), loader: "ts" };
      });
    },
  };
}

/**
 * Writes `cli.js` and `server.js` (with source maps) to `outdir`. Code splitting keeps each CLI command in
 * its own chunk, loaded only when that command runs, so `monitor --help` loads no database or Fastify.
 */
export async function buildServer(outdir: string = DIST_DIR): Promise<void> {
  const src = fileURLToPath(new URL("./src/", import.meta.url));
  await rm(outdir, { recursive: true, force: true }); // chunks of an earlier build have other names
  await build({
    entryPoints: {
      cli: `${src}cli/main.ts`,
      server: `${src}server.ts`,
      "recompute-worker": `${src}services/recompute-worker.ts`,
      // data-import reads an import's file in a worker (read-in-worker.ts finds it beside cli.js).
      "read-worker": fileURLToPath(new URL("../data-import/src/read-worker.ts", import.meta.url)),
    },
    // services/results.ts finds the worker's file beside the entry points by this.
    define: { "process.env.MONITOR_BUNDLED": '"1"' },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [nodeModulesExternal, sourceLocation(outdir)],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
