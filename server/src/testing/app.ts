// Test support: real SQLite files in a temporary directory (never a mocked database) and the real app plugin.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { muensterDistricts } from "@im/data-import";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { type AppContext, createAppContext } from "../context.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { type District, replaceDistricts } from "../repositories/districts.ts";

export const testToken = "test-token-0123456789";

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "integrationsmonitor-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database file with a district list (Münster's unless given). */
export async function testDatabase(
  path: string,
  districts: readonly District[] = muensterDistricts,
): Promise<DatabaseHandle> {
  const database = await openDatabase(path);
  await replaceDistricts(database.db, districts);
  return database;
}

/**
 * The context of a test database, with the settings of an empty environment unless overridden; the public reads
 * the draft (tests of releases turn `publicDraft` off).
 */
export function testContext(database: DatabaseHandle, overrides: Partial<Config> = {}): AppContext {
  const location = database.engine === "postgres" ? { databaseUrl: database.location } : { dbPath: database.location };
  const config: Config = { ...loadConfig([], {}), ...location, publicDraft: true, ...overrides };
  return createAppContext(config, database);
}

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  database: DatabaseHandle;
  dir: string;
  dbPath: string;
  /** Headers that authorise write endpoints. */
  auth: { authorization: string };
  close(): Promise<void>;
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const temp = tempDir();
  const dbPath = join(temp.dir, "monitor.sqlite");
  const database = await testDatabase(dbPath);
  const context = testContext(database, {
    adminToken: testToken,
    webDistPath: join(temp.dir, "no-web-build"),
    ...overrides,
  });
  let app: FastifyInstance;
  try {
    app = await buildApp({ context });
  } catch (error) {
    await database.close();
    temp.remove();
    throw error;
  }
  return {
    app,
    context,
    database,
    dir: temp.dir,
    dbPath,
    auth: { authorization: `Bearer ${testToken}` },
    async close() {
      await app.close();
      await database.close();
      temp.remove();
    },
  };
}

/** A multipart/form-data body for `app.inject()`. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; content: string | Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----integrationsmonitor-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** The whole database as text (`sqlite3 .dump`), to prove that a failed import changed nothing. */
export function dump(path: string): string {
  return execFileSync("/usr/bin/sqlite3", [path, ".dump"], { encoding: "utf8", maxBuffer: 1 << 30 });
}
