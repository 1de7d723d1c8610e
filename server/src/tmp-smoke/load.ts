import SQLite from "better-sqlite3";
const db = new SQLite(process.argv[2], { readonly: true });
const q1 = `select o.profile, o.year, o.district, o.dims, o.measure, o.value from observations o join extracts e on e.id = o.extract_id where e.replaced_by is null`;
const q2 = `select profile, year, district, dims, measure, value from observations where extract_id in (select id from extracts where replaced_by is null)`;
for (let i = 0; i < 3; i++) {
  for (const [name, q] of [["join", q1], ["in", q2]]) {
    let t = performance.now();
    const s = db.prepare(q).raw(true);
    const out = [];
    for (const r of s.iterate() as Iterable<any[]>) out.push({ profile: r[0], year: r[1], district: r[2], dims: r[3], measure: r[4], value: r[5] });
    console.log(name, "iterate", (performance.now() - t).toFixed(0));
    t = performance.now();
    const rows = s.all() as any[][];
    const out2 = rows.map((r) => ({ profile: r[0], year: r[1], district: r[2], dims: r[3], measure: r[4], value: r[5] }));
    console.log(name, "all", (performance.now() - t).toFixed(0), out2.length);
  }
  let t = performance.now();
  const n = db.prepare("select count(*) from observations").pluck().get();
  console.log("count", (performance.now() - t).toFixed(0), n);
}
