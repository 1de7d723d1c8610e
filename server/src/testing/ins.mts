import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { openDatabase } from "../db/connection.ts";

const N = 1_000_000;
const dims = Array.from(
  { length: 2664 },
  (_, i) => `geschlecht=w|alter=${i % 111}-${i % 111}|staatsangehoerigkeit=deutsch|migrationsvorgeschichte=persoenlich`,
);
async function run(label: string, opts: { fk: boolean; cache: number; multi: number; index: boolean; wal: boolean }) {
  for (const f of ["/tmp/im/ins.sqlite", "/tmp/im/ins.sqlite-wal", "/tmp/im/ins.sqlite-shm"])
    rmSync(f, { force: true });
  const h = await openDatabase("/tmp/im/ins.sqlite");
  h.sqlite.exec(
    "insert into extracts (profile, office, year, stichtag, file_name, sha256, encoding, line_count, observation_count, imported_at, imported_by) values ('e','o',2024,'','f','s','u',0,0,'','x')",
  );
  if (!opts.index) h.sqlite.exec("drop index observations_extract");
  if (!opts.wal) h.sqlite.pragma("journal_mode = DELETE");
  await h.close();
  const db = new SQLite("/tmp/im/ins.sqlite");
  db.pragma("synchronous = NORMAL");
  db.pragma(`foreign_keys = ${opts.fk ? "ON" : "OFF"}`);
  db.pragma(`cache_size = ${opts.cache}`);
  const t = performance.now();
  db.exec("BEGIN IMMEDIATE");
  const m = opts.multi;
  const one = db.prepare(
    "insert into observations (extract_id, profile, year, district, dims, measure, value) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const many = db.prepare(
    `insert into observations (extract_id, profile, year, district, dims, measure, value) values ${Array(m).fill("(?, ?, ?, ?, ?, ?, ?)").join(",")}`,
  );
  const params: unknown[] = [];
  for (let i = 0; i < N; i++) {
    if (m === 1) one.run(1, "einwohner", 2024, 100 + (i % 376), dims[i % 2664], "einwohner", i % 41);
    else {
      params.push(1, "einwohner", 2024, 100 + (i % 376), dims[i % 2664], "einwohner", i % 41);
      if (params.length === 7 * m) {
        many.run(params);
        params.length = 0;
      }
    }
  }
  for (let k = 0; k < params.length; k += 7) one.run(params.slice(k, k + 7));
  const tIns = performance.now();
  db.exec("COMMIT");
  const tCommit = performance.now();
  db.close();
  console.log(
    label,
    "insert",
    (tIns - t).toFixed(0),
    "commit+close",
    (performance.now() - tIns).toFixed(0),
    "(commit",
    (tCommit - tIns).toFixed(0),
    ")",
  );
}
await run("baseline fk,2MB,1,idx,wal", { fk: true, cache: -2000, multi: 1, index: true, wal: true });
await run("nofk", { fk: false, cache: -2000, multi: 1, index: true, wal: true });
await run("nofk cache256", { fk: false, cache: -262144, multi: 1, index: true, wal: true });
await run("nofk multi50", { fk: false, cache: -2000, multi: 50, index: true, wal: true });
await run("nofk noidx", { fk: false, cache: -2000, multi: 1, index: false, wal: true });
await run("nofk cache256 multi50", { fk: false, cache: -262144, multi: 50, index: true, wal: true });
await run("nofk delete-journal", { fk: false, cache: -2000, multi: 1, index: true, wal: false });
