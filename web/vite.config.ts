import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes each built asset of 1 KB or more also brotli- and gzip-compressed beside it, at the best (slow) setting,
 * once per build: the server sends those (`preCompressed`) instead of compressing the bundles on every request.
 */
function compressedAssets(): Plugin {
  return {
    name: "compressed-assets",
    apply: "build",
    writeBundle(options) {
      const dir = join(options.dir as string, "assets");
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = join(dir, name);
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

const api = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), compressedAssets()],
  // Relative asset paths: the server mounts the same build at / or, serving several cities, at /<city>/ (it
  // writes the path into index.html, see server/src/routes/web).
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Stable vendor chunks cache well across releases; the chart libraries are only pulled in by the
        // lazily loaded views that draw charts, so they stay out of the initial download.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            // The texts' library, needed by the first page: kept out of "charts", which would otherwise claim
            // use-sync-external-store (react-i18next's useTranslation uses it as Recharts does) and pull the
            // whole chart chunk into the initial download.
            {
              name: "i18n",
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
              priority: 25,
            },
            { name: "router-query", test: /node_modules[\\/](react-router|@tanstack)[\\/]/, priority: 20 },
            {
              name: "charts",
              test: /node_modules[\\/](recharts|d3-[a-z]+|victory-vendor|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|eventemitter3|decimal\.js-light|clsx|tiny-invariant)[\\/]/,
              priority: 10,
            },
            {
              // The app's shared code (formatting, texts, frame, tables) in one chunk instead of a dozen tiny
              // requests per view; the Recharts wrapper stays out so views without charts never load Recharts.
              name: "app",
              test: (id) =>
                !id.includes("TrendChart") &&
                (/[\\/]web[\\/]src[\\/](api|i18n|components|views[\\/]shared)[\\/]/.test(id) ||
                  /[\\/]web[\\/]src[\\/][a-zA-Z]+\.ts$/.test(id)),
              priority: 5,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": api,
      "/docs": api,
    },
  },
});
