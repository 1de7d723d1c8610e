// The two database engines and everything in which they differ, in one place: how a connection is opened, how a
// transaction takes the write lock, how rows are bulk-loaded and how rows are read as plain arrays. Repositories
// are written once against `Conn` (Kysely plus these few operations) and run on either engine.
import SQLite from "better-sqlite3";
import {
  type ColumnDefinitionBuilder,
  type CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type RawBuilder,
  SqliteDialect,
  sql,
} from "kysely";
import type pg from "pg";
import type { from as CopyFrom } from "pg-copy-streams";
import type { Database } from "./schema.ts";

export type EngineKind = "sqlite" | "postgres";

/** What a repository function may use: the query builder, and the bulk paths that Kysely does not offer. */
export interface Conn {
  readonly engine: EngineKind;
  readonly db: Kysely<Database>;
  /** Rows as arrays, without an object per row (hot read paths: the recomputation loads every observation). */
  arrays(query: RawBuilder<unknown>): Promise<unknown[][]>;
  /**
   * Runs a statement and says how many rows it changed. On SQLite it runs at once, before this returns (callers that
   * start a bulk insert next need not wait for it); on PostgreSQL the connection runs statements in the order given.
   */
  run(query: RawBuilder<unknown>): Promise<number>;
  /**
   * Streams row batches into one table: prepared multi-row inserts on SQLite, `COPY … FROM STDIN` on PostgreSQL.
   * With `binary` (the SQL type of every column, constants included) PostgreSQL gets COPY's binary format.
   */
  bulkWriter<T extends object>(
    table: string,
    columns: readonly (keyof T & string)[],
    constants?: Record<string, string | number | null>,
    binary?: BinaryColumnTypes,
  ): BulkWriter<T>;
}

/**
 * The SQL types of numeric columns, for COPY's binary format: fixed-size values instead of digits, cheaper to build
 * here and to read on the server (a million-line import built its COPY text in 0.4 s, its binary rows in 0.1 s).
 */
export type BinaryColumnTypes = Record<string, "integer" | "double precision">;

export interface BulkWriter<T> {
  /** Queues one batch (synchronous, so that a parser's batch callback can call it). */
  write(batch: readonly T[]): void;
  /** The same for rows given as one array per column (in `columns`' order), of which the first `length` count. */
  writeColumns(columns: readonly ArrayLike<unknown>[], length: number): void;
  /**
   * Null while the rows written are on their way; else a promise that settles once they are: PostgreSQL's COPY holds
   * more than `copyBacklogBytes` the server has not taken yet (SQLite stores each batch at once). A producer that
   * waits for it then (the import's reader) keeps memory flat when the database is the slower side.
   */
  backlog(): Promise<void> | null;
  /** Waits until every row is stored (PostgreSQL: the server has acknowledged the COPY). */
  end(): Promise<void>;
}

/** Inserts every row of `rows` with the engine's bulk path; call inside a transaction. */
export async function insertRows<T extends object>(
  conn: Conn,
  table: string,
  columns: readonly (keyof T & string)[],
  rows: Iterable<T>,
): Promise<number> {
  const writer = conn.bulkWriter<T>(table, columns);
  let batch: T[] = [];
  let count = 0;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 1000) {
      writer.write(batch);
      count += batch.length;
      batch = [];
    }
  }
  writer.write(batch);
  count += batch.length;
  await writer.end();
  return count;
}

/** Another writer holds the database's write lock longer than a writer with `wait: false` waits. */
export class WriteLockBusyError extends Error {
  constructor() {
    super("Die Datenbank wird gerade von einem anderen Schreibvorgang benutzt.");
  }
}

export interface TransactionOptions {
  /**
   * Serialise with every other writer of the database (imports, recomputations storing results, releases):
   * `BEGIN IMMEDIATE` on SQLite, a transaction-scoped advisory lock on PostgreSQL.
   */
  lock?: boolean;
  /**
   * A connection of its own for a long transaction that awaits between statements (an import streams the file),
   * so that requests served meanwhile are not queued behind it or drawn into it. The write lock is tried for
   * one second, then `WriteLockBusyError`.
   */
  ownConnection?: boolean;
}

export interface Engine extends Conn {
  /** The SQLite file (`:memory:` included) or the PostgreSQL URL (with its `schema` parameter). */
  readonly location: string;
  /** A SQLite `:memory:` database: no other connection, thread or process can see it. */
  readonly inMemory: boolean;
  /** PostgreSQL: the schema the tables live in (the connection's current schema); SQLite: null. */
  readonly schema: string | null;
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Conn) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** The raw better-sqlite3 connection; SQLite only (tests that write fixtures with plain SQL). */
  readonly sqlite: SQLite.Database;
  close(): Promise<void>;
}

/** The larger of two numbers in SQL: `max(a, b)` on SQLite, `greatest(a, b)` on PostgreSQL. */
export function larger(conn: Conn, a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
  return conn.engine === "postgres" ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`;
}

/**
 * After rows were inserted with explicit ids (test fixtures): PostgreSQL's serial sequence does not move with them,
 * so it is set past the largest id; SQLite's autoincrement follows by itself.
 */
export async function explicitIdsStored(conn: Conn, table: string): Promise<void> {
  if (conn.engine === "postgres") {
    await conn.run(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
}

/** A unique constraint refused the row: SQLite's and PostgreSQL's error codes. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Whether a migration runs on PostgreSQL (types and a few statements differ, see migrations/). */
// biome-ignore lint/suspicious/noExplicitAny: migrations use Kysely<any>
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Column types for migrations. SQLite's `real` is 8 bytes, PostgreSQL's 4: there it is `double precision`.
 * An id that counts up by itself is `integer primary key autoincrement` on SQLite, `serial primary key` on PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations use Kysely<any>
export function columnTypes(db: Kysely<any>) {
  const pg = isPostgres(db);
  return {
    real: pg ? "double precision" : "real",
    autoId: (pg
      ? ["serial", (c: ColumnDefinitionBuilder) => c.primaryKey()]
      : ["integer", (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()]) as [
      "serial" | "integer",
      (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
    ],
  } as const;
}

/**
 * PostgreSQL has no implicit `rowid`; tables read back in insertion order (`order by rowid`: indicator values and
 * Sozialmonitoring results are stored in the order the engine computed them) get a column of that name there.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations use Kysely<any>
export async function addRowidOnPostgres(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) await sql.raw(`alter table ${table} add column rowid bigserial`).execute(db);
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

/**
 * Rows per INSERT statement: fewer calls into SQLite (100 measured ~30 % faster than one row per call, 500 another
 * ~7 % less CPU than 100 for the import's narrow rows).
 */
const rowsPerStatement = 500;

function sqliteBulkWriter<T extends object>(
  sqlite: SQLite.Database,
  table: string,
  columns: readonly (keyof T & string)[],
  constants: Record<string, string | number | null> = {},
): BulkWriter<T> {
  const fixed = Object.keys(constants);
  const names = [...fixed, ...columns].join(", ");
  const tuple = `(${[...fixed.map((c) => `@${c}`), ...columns.map(() => "?")].join(", ")})`;
  const sqlFor = (rows: number) => `insert into ${table} (${names}) values ${Array(rows).fill(tuple).join(", ")}`;
  const many = sqlite.prepare(sqlFor(rowsPerStatement));
  const one = sqlite.prepare(sqlFor(1));
  const width = columns.length;
  const params: unknown[] = new Array(rowsPerStatement * width);
  const single: unknown[] = new Array(width);
  const rest = (row: (c: number) => unknown) => {
    for (let c = 0; c < width; c++) single[c] = row(c);
    one.run(constants, single);
  };
  return {
    write(batch) {
      let i = 0;
      for (; i + rowsPerStatement <= batch.length; i += rowsPerStatement) {
        let p = 0;
        for (let k = i; k < i + rowsPerStatement; k++) {
          const row = batch[k] as Record<string, unknown>;
          for (let c = 0; c < width; c++) params[p++] = row[columns[c]];
        }
        many.run(constants, params);
      }
      for (; i < batch.length; i++) rest((c) => (batch[i] as Record<string, unknown>)[columns[c]]);
    },
    writeColumns(values, length) {
      let i = 0;
      for (; i + rowsPerStatement <= length; i += rowsPerStatement) {
        let p = 0;
        for (let k = i; k < i + rowsPerStatement; k++) {
          for (let c = 0; c < width; c++) params[p++] = values[c][k];
        }
        many.run(constants, params);
      }
      for (; i < length; i++) rest((c) => values[c][i]);
    },
    backlog: () => null,
    end: async () => {},
  };
}

function sqliteConn(sqlite: SQLite.Database, db: Kysely<Database>): Conn {
  return {
    engine: "sqlite",
    db,
    async arrays(query) {
      const { sql: text, parameters } = query.compile(db);
      return sqlite
        .prepare(text)
        .raw(true)
        .all(...(parameters as unknown[])) as unknown[][];
    },
    async run(query) {
      const { sql: text, parameters } = query.compile(db);
      return sqlite.prepare(text).run(...(parameters as unknown[])).changes;
    },
    // SQLite binds numbers as they are: the binary column types are for PostgreSQL's COPY.
    bulkWriter: (table, columns, constants) => sqliteBulkWriter(sqlite, table, columns, constants),
  };
}

/**
 * A repository's `Conn` for a raw better-sqlite3 connection, for tests that hold one (`database.sqlite`); its
 * statements run synchronously, so such a test may call a repository function without awaiting it.
 */
export function asConn(target: Conn | SQLite.Database): Conn {
  if (!(target instanceof SQLite)) return target;
  return sqliteConn(target, new Kysely<Database>({ dialect: new SqliteDialect({ database: target }) }));
}

function openSqliteConnection(path: string, options: SQLite.Options = {}): SQLite.Database {
  const sqlite = new SQLite(path, options);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  return sqlite;
}

export function openSqlite(path: string): Engine {
  const sqlite = openSqliteConnection(path);
  sqlite.pragma("journal_mode = WAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const conn = sqliteConn(sqlite, db);
  return {
    ...conn,
    location: path,
    inMemory: sqlite.memory,
    schema: null,
    sqlite,
    async transaction(fn, options = {}) {
      if (options.ownConnection) return sqliteOwnTransaction(sqlite, fn);
      // One connection per file in this process: Kysely's connection lock keeps every other query of the app
      // out until the transaction ends, so none is drawn into it.
      return db.connection().execute(async (own) => {
        await sql.raw(options.lock ? "begin immediate" : "begin").execute(own);
        try {
          const result = await fn(sqliteConn(sqlite, own));
          await sql.raw("commit").execute(own);
          return result;
        } catch (error) {
          if (sqlite.inTransaction) await sql.raw("rollback").execute(own);
          throw error;
        }
      });
    },
    close: () => db.destroy(),
  };
}

/**
 * A second connection to the same file. Requests keep reading the last committed state (WAL) and a failure or a
 * kill simply never commits.
 */
async function sqliteOwnTransaction<T>(main: SQLite.Database, fn: (tx: Conn) => Promise<T>): Promise<T> {
  if (main.memory) throw new Error("Importe brauchen eine Datenbankdatei, nicht :memory:.");
  // A short busy timeout: better-sqlite3 waits synchronously, which would stall the server's event loop.
  const sqlite = openSqliteConnection(main.name, { timeout: 1000 });
  // 64 MB instead of 2 MB: fewer half-filled pages spilled to the WAL mid-transaction (insert measured ~2× faster).
  // A 256 MB cache or mmap_size 256 MB measured no faster for a million-line import. The automatic checkpoint
  // stays on: without it the COMMIT is shorter, but the next writer or the last connection's close copies the pages.
  sqlite.pragma("cache_size = -65536");
  // An import reported as stored must survive a power loss, not only a crash of the app: FULL syncs the WAL at the
  // COMMIT (NORMAL, the app's setting, may lose the last commits on power loss). The cost, one fsync of the WAL,
  // was within the noise of the million-line import's COMMIT (0.3 s, which includes the checkpoint).
  sqlite.pragma("synchronous = FULL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    try {
      sqlite.exec("BEGIN IMMEDIATE");
    } catch (error) {
      throw (error as { code?: string }).code === "SQLITE_BUSY" ? new WriteLockBusyError() : error;
    }
    const result = await fn(sqliteConn(sqlite, db));
    sqlite.exec("COMMIT");
    return result;
  } finally {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    await db.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

const INT8 = 20;
const NUMERIC = 1700;

/**
 * count(*) and sum() of integers are bigint/numeric, which pg returns as strings by default; the counts and
 * sums here stay far below 2^53, so they are read as numbers, as SQLite gives them.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
    return (postgres().pg.types.getTypeParser as any)(oid, format);
  },
};

/** A PostgreSQL identifier for the `schema` parameter: letters, digits, underscores. */
const schemaPattern = /^[a-z_][a-z0-9_]*$/;

/**
 * The pool's settings from a URL. `?schema=NAME` puts the monitor's tables into that schema (created when missing),
 * so that several cities, or several test runs, share one database without sharing tables.
 */
export function postgresSettings(url: string): { config: pg.PoolConfig; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  if (schema !== null && !schemaPattern.test(schema)) {
    throw new Error(`MONITOR_DATABASE_URL: Schema „${schema}“ ist kein einfacher Name (a–z, 0–9, _).`);
  }
  return {
    schema,
    config: {
      connectionString: parsed.toString(),
      types,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    },
  };
}

/** A Kysely instance over one checked-out client, for one transaction (Kysely's own pool would hand out others). */
function clientKysely(client: pg.PoolClient): Kysely<Database> {
  const single = {
    connect: async () => ({ query: client.query.bind(client), release() {} }),
    end: async () => {},
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
}

/** COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") {
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

interface OpenCopy<T> extends BulkWriter<T> {
  /** Cancels an unfinished COPY (CopyFail), so that the connection can roll back. */
  abort(): Promise<void>;
}

/** COPY data waiting for the server beyond which a writer's `backlog` asks its producer to wait (~180,000 rows). */
const copyBacklogBytes = 8 * 2 ** 20;

/** The start of COPY's binary format: signature, flags, no header extension. */
const binaryCopyHeader = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
/** A field count of -1: no more rows. */
const binaryCopyTrailer = Buffer.from([0xff, 0xff]);

/**
 * Encodes rows given as columns in COPY's binary format: per row the field count, then per field its length (-1 for
 * null) and its big-endian value. The constants are the row's first fields.
 */
function binaryRowEncoder(
  names: readonly string[],
  constants: readonly (string | number | null)[],
  types: BinaryColumnTypes,
): (values: readonly ArrayLike<unknown>[], length: number) => Buffer {
  const integer = names.map((name) => {
    const type = types[name];
    if (!type) throw new Error(`COPY (binär): Spalte ${name} ohne Typ.`);
    return type === "integer";
  });
  const widest = 2 + integer.reduce((bytes, isInteger) => bytes + (isInteger ? 8 : 12), 0);
  return (values, length) => {
    const out = Buffer.allocUnsafe(length * widest);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    let at = 0;
    for (let i = 0; i < length; i++) {
      view.setInt16(at, names.length);
      at += 2;
      for (let c = 0; c < names.length; c++) {
        const value = c < constants.length ? constants[c] : values[c - constants.length][i];
        if (value === null || value === undefined) {
          view.setInt32(at, -1);
          at += 4;
        } else if (integer[c]) {
          if (((value as number) | 0) !== value)
            throw new Error(`COPY (binär): ${names[c]} = ${value} ist keine ganze Zahl.`);
          view.setInt32(at, 4);
          view.setInt32(at + 4, value as number);
          at += 8;
        } else {
          if (typeof value !== "number") throw new Error(`COPY (binär): ${names[c]} = ${value} ist keine Zahl.`);
          view.setInt32(at, 8);
          view.setFloat64(at + 4, value as number);
          at += 12;
        }
      }
    }
    return out.subarray(0, at);
  };
}

/** Encodes rows given as columns in COPY's text format, each row starting with the constants. */
function textRowEncoder(
  constants: readonly (string | number | null)[],
  width: number,
): (values: readonly ArrayLike<unknown>[], length: number) => string {
  const prefix = constants.map((value) => `${copyField(value)}\t`).join("");
  return (values, length) => {
    let text = "";
    for (let i = 0; i < length; i++) {
      text += prefix;
      for (let c = 0; c < width; c++) text += (c ? "\t" : "") + copyField(values[c][i]);
      text += "\n";
    }
    return text;
  };
}

function postgresBulkWriter<T extends object>(
  client: pg.PoolClient,
  table: string,
  columns: readonly (keyof T & string)[],
  constants: Record<string, string | number | null> = {},
  binary?: BinaryColumnTypes,
): OpenCopy<T> {
  const fixed = Object.keys(constants);
  const names = [...fixed, ...columns];
  const fixedValues = fixed.map((c) => constants[c]);
  const encode = binary ? binaryRowEncoder(names, fixedValues, binary) : textRowEncoder(fixedValues, columns.length);
  const format = binary ? " with (format binary)" : "";
  const stream = client.query(postgres().copyFrom(`copy ${table} (${names.join(", ")}) from stdin${format}`));
  if (binary) stream.write(binaryCopyHeader);
  let failure: Error | null = null;
  let ended = false;
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", (error: Error) => {
      failure = error;
      reject(error);
    });
    stream.on("close", resolve);
  });
  done.catch(() => {});
  // One CopyData message per batch: the stream buffers what the socket has not taken yet, so the caller (a parser's
  // batch callback) need not wait; `backlog` tells it when to hold its producer.
  const writeColumns = (values: readonly ArrayLike<unknown>[], length: number) => {
    if (failure) throw failure;
    if (length > 0) stream.write(encode(values, length));
  };
  return {
    write(batch) {
      writeColumns(
        columns.map((c) => batch.map((row) => row[c])),
        batch.length,
      );
    },
    writeColumns,
    backlog() {
      if (stream.writableLength <= copyBacklogBytes) return null;
      return new Promise<void>((resolve) => {
        stream.once("drain", resolve);
        done.then(resolve, resolve);
      });
    },
    async end() {
      ended = true;
      if (binary) stream.write(binaryCopyTrailer);
      stream.end();
      await done;
    },
    async abort() {
      if (ended) return;
      ended = true;
      stream.destroy();
      await done.catch(() => {});
    },
  };
}

type TxConn = Conn & { abortCopies(): Promise<void> };

function postgresPoolConn(db: Kysely<Database>, pool: pg.Pool): Conn {
  return {
    engine: "postgres",
    db,
    async arrays(query) {
      const { sql: text, parameters } = query.compile(db) as CompiledQuery;
      const result = await pool.query({ text, values: parameters as unknown[], rowMode: "array" });
      return result.rows as unknown[][];
    },
    async run(query) {
      const { sql: text, parameters } = query.compile(db) as CompiledQuery;
      return (await pool.query(text, parameters as unknown[])).rowCount ?? 0;
    },
    bulkWriter() {
      throw new Error("Massenimport nur innerhalb einer Transaktion (Engine.transaction).");
    },
  };
}

function postgresTxConn(db: Kysely<Database>, client: pg.PoolClient): TxConn {
  const copies = new Set<OpenCopy<never>>();
  return {
    engine: "postgres",
    db,
    async arrays(query) {
      const { sql: text, parameters } = query.compile(db) as CompiledQuery;
      const result = await client.query({ text, values: parameters as unknown[], rowMode: "array" });
      return result.rows as unknown[][];
    },
    async run(query) {
      const { sql: text, parameters } = query.compile(db) as CompiledQuery;
      return (await client.query(text, parameters as unknown[])).rowCount ?? 0;
    },
    bulkWriter<T extends object>(
      table: string,
      columns: readonly (keyof T & string)[],
      constants?: Record<string, string | number | null>,
      binary?: BinaryColumnTypes,
    ) {
      const copy = postgresBulkWriter<T>(client, table, columns, constants, binary);
      copies.add(copy as OpenCopy<never>);
      return copy;
    },
    async abortCopies() {
      for (const copy of copies) await copy.abort();
    },
  };
}

/** The URL without its password, for messages. */
function parsedForMessage(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

/** The lock that serialises writers: per schema, so that cities (and tests) in one database do not wait for each other. */
const lockSql = "select pg_advisory_xact_lock(1229795664, hashtext(current_schema()))";
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * pg and pg-copy-streams are loaded when a PostgreSQL database is opened: on SQLite, loading them took 0.1 s of
 * every CLI command's start (tests/bench/import.bench.ts).
 */
let loaded: { pg: typeof pg; copyFrom: typeof CopyFrom } | null = null;

function postgres(): NonNullable<typeof loaded> {
  if (!loaded) throw new Error("PostgreSQL ist noch nicht geladen (openPostgres).");
  return loaded;
}

export async function openPostgres(url: string): Promise<Engine> {
  loaded ??= { pg: (await import("pg")).default, copyFrom: (await import("pg-copy-streams")).from };
  const { pg } = loaded;
  const { config, schema } = postgresSettings(url);
  const pool = new pg.Pool({ max: 10, ...config });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const conn = postgresPoolConn(db, pool);
  let current: string | undefined;
  try {
    // On the pool's first connection: a search_path schema that does not exist yet is skipped, and found once it is
    // created (a separate connection for this cost every CLI command a connection set-up).
    if (schema) await pool.query(`create schema if not exists ${schema}`);
    current = (await pool.query<{ schema: string }>("select current_schema() as schema")).rows[0]?.schema;
  } catch (error) {
    await pool.end();
    throw error;
  }
  if (!current) {
    await pool.end();
    throw new Error(`PostgreSQL: kein Schema für die Tabellen (search_path) in ${parsedForMessage(url)}.`);
  }
  return {
    ...conn,
    location: url,
    inMemory: false,
    schema: current,
    get sqlite(): SQLite.Database {
      throw new Error("Die rohe SQLite-Verbindung gibt es nur mit SQLite.");
    },
    async transaction(fn, options = {}) {
      const client = await pool.connect();
      const tx = postgresTxConn(clientKysely(client), client);
      try {
        await client.query("begin");
        if (options.lock) {
          if (options.ownConnection) await client.query("set local lock_timeout = '1s'");
          try {
            await client.query(lockSql);
          } catch (error) {
            throw (error as { code?: string }).code === LOCK_NOT_AVAILABLE ? new WriteLockBusyError() : error;
          }
          if (options.ownConnection) await client.query("set local lock_timeout = 0");
        }
        const result = await fn(tx);
        await client.query("commit");
        return result;
      } catch (error) {
        await tx.abortCopies();
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
