import SQLite from "better-sqlite3";
const db = new SQLite(process.argv[2], { readonly: true });
const cases: [string, string][] = [
  ["value only", "select value from observations"],
  ["ints", "select year, district, value from observations"],
  ["all", "select profile, year, district, dims, measure, value from observations"],
];
for (let i = 0; i < 3; i++) for (const [name, q] of cases) {
  const t = performance.now();
  const rows = db.prepare(q).raw(true).all();
  console.log(name, (performance.now() - t).toFixed(0), rows.length);
}
