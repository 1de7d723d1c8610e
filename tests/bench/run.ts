// `npm run bench`: runs every *.bench.ts beside this file and prints one table of measured figures and targets.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchRow {
  area: string;
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => !only || f.includes(only))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  console.error(`▶ ${file}`);
  const mod = (await import(join(here, file))) as { default: () => Promise<BenchRow[]> };
  rows.push(...(await mod.default()));
}

const header: BenchRow = { area: "Bereich", measure: "Messung", value: "Wert", target: "Ziel", ok: null };
const all = [header, ...rows];
const width = (k: keyof BenchRow) => Math.max(...all.map((r) => String(r[k]).length));
const line = (r: BenchRow, status: string) =>
  `| ${r.area.padEnd(width("area"))} | ${r.measure.padEnd(width("measure"))} | ${r.value.padStart(width("value"))} | ${r.target.padEnd(width("target"))} | ${status} |`;
console.log(line(header, "ok?"));
console.log(line({ area: "", measure: "", value: "", target: "", ok: null }, "").replace(/ /g, "-"));
for (const r of rows) console.log(line(r, r.ok === null ? "–" : r.ok ? "ja" : "NEIN"));
