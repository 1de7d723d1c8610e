import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildDemoDatabase } from "./harness.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** The demo city's SQLite file; every `startServer()` serves a copy of it. */
    demoDatabase: string;
  }
}

/**
 * Builds the demo city's database once per e2e run instead of once per test file. While developing,
 * MONITOR_E2E_DEMO_DB names a demo database built earlier (it is copied, never written), saving minutes per run.
 */
export default async function setup(project: TestProject) {
  const prebuilt = process.env.MONITOR_E2E_DEMO_DB;
  if (prebuilt) {
    project.provide("demoDatabase", prebuilt);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "im-e2e-demo-"));
  const path = join(dir, "demo.sqlite");
  await buildDemoDatabase(path);
  project.provide("demoDatabase", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
