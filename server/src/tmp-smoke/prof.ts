import { applyDisclosureControl, computeIndicators, defaultDisclosureRule, disclosureOptions } from "@im/indicators";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { openDatabase } from "../db/connection.ts";
import { listDistricts } from "../repositories/districts.ts";
import { loadCurrentObservations } from "../repositories/indicator-values.ts";
import { reloadCatalogue } from "../services/catalogue-loading.ts";
import { computeSozialmonitoring } from "../services/sozialmonitoring.ts";
const database = await openDatabase(process.argv[2]);
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0)); t = n; };
  const { catalogue } = reloadCatalogue(null); lap("catalogue");
  const districts = await listDistricts(database.db); lap("districts");
  const obs = loadCurrentObservations(database.sqlite); lap("observations " + obs.length);
  const rows = computeIndicators({ catalogue, profiles, observations: obs, districts }); lap("engine " + rows.length);
  const opts = disclosureOptions(catalogue, profiles, districts); lap("disclosure options");
  const pub = applyDisclosureControl(rows, defaultDisclosureRule, opts); lap("disclosure");
  const soz = computeSozialmonitoring(obs, pub.map((r) => ({ ...r, grp: r.group })), districts); lap("sozialmonitoring");
  console.log("--");
}
