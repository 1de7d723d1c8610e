import { existsSync, rmSync } from "node:fs";
import { findProfile, readExtract } from "@im/data-import";
import { openDatabase } from "../db/connection.ts";
import { replaceDistricts } from "../repositories/districts.ts";
import { importExtract } from "../services/importer.ts";
import { linesPerDistrict, syntheticDistricts, writeEinwohnerFile } from "./einwohner-file.ts";

const districts = syntheticDistricts(Math.ceil(1_000_000 / linesPerDistrict));
const csv = "/tmp/im/big.csv";
if (!existsSync(csv)) await writeEinwohnerFile(csv, { districts: districts.map((d) => d.number), year: 2024 });
const mode = process.argv[2];
if (mode === "parse") {
  const t = performance.now();
  let n = 0;
  const r = await readExtract({ path: csv }, findProfile("einwohner")!, districts, (b) => {
    n += b.length;
  });
  console.log("parse only", (performance.now() - t).toFixed(0), "ms", n, r.problems.length);
} else {
  for (const f of ["/tmp/im/big.sqlite", "/tmp/im/big.sqlite-wal", "/tmp/im/big.sqlite-shm"])
    rmSync(f, { force: true });
  const db = await openDatabase("/tmp/im/big.sqlite");
  await replaceDistricts(db.db, districts);
  let t = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await importExtract(db, {
    path: csv,
    fileName: "big.csv",
    profile: findProfile("einwohner")!,
    replace: false,
    importedBy: "x",
    recompute: false,
  });
  const cpu = process.cpuUsage(cpu0);
  console.log("import", r.status, (performance.now() - t).toFixed(0), "ms wall", ((cpu.user + cpu.system) / 1000).toFixed(0), "ms cpu", process.resourceUsage().maxRSS >> 10, "MiB");
  if (process.env.NORECOMPUTE) process.exit(0);
  t = performance.now();
  const { recompute } = await import("../services/recompute.ts");
  await recompute(db);
  console.log("recompute", (performance.now() - t).toFixed(0), "ms", process.resourceUsage().maxRSS / 1024, "MiB");
  await db.close();
}
