import type { FastifyPluginAsync } from "fastify";
import accounts from "./accounts/index.ts";
import auth from "./auth/index.ts";
import benchmarks from "./benchmarks/index.ts";
import city from "./city/index.ts";
import districts from "./districts/index.ts";
import exportsRoutes from "./exports/index.ts";
import geo from "./geo/index.ts";
import goals from "./goals/index.ts";
import imports from "./imports/index.ts";
import indicators from "./indicators/index.ts";
import overview from "./overview/index.ts";
import profiles from "./profiles/index.ts";
import releases from "./releases/index.ts";
import sozialmonitoring from "./sozialmonitoring/index.ts";
import status from "./status/index.ts";
import web from "./web/index.ts";

/** One plugin per resource; the folder name is the URL prefix. */
export const routes: [string, FastifyPluginAsync][] = [
  ["/api/accounts", accounts],
  ["/api/auth", auth],
  ["/api/benchmarks", benchmarks],
  ["/api/city", city],
  ["/api/districts", districts],
  // Downloads across resources (/api/export.xlsx, /api/indicators/{id}/values.xlsx, …), hence the bare prefix.
  ["/api", exportsRoutes],
  ["/api/geo", geo],
  ["/api/goals", goals],
  ["/api/imports", imports],
  ["/api/indicators", indicators],
  ["/api/overview", overview],
  ["/api/profiles", profiles],
  ["/api/releases", releases],
  ["/api/sozialmonitoring", sozialmonitoring],
  ["/api/status", status],
  ["", web],
];
