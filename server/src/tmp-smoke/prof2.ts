import { applyDisclosureControl, computeIndicators, defaultDisclosureRule, disclosureOptions } from "@im/indicators";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { openDatabase } from "../db/connection.ts";
import { listDistricts } from "../repositories/districts.ts";
import { loadCurrentObservations } from "../repositories/indicator-values.ts";
import { reloadCatalogue } from "../services/catalogue-loading.ts";
import { computeSozialmonitoring } from "../services/sozialmonitoring.ts";
import { sumSelections } from "../services/observation-sums.ts";
const database = await openDatabase(process.argv[2]);
const { catalogue } = reloadCatalogue(null);
const districts = await listDistricts(database.db);
const obs = loadCurrentObservations(database.sqlite);
const rows = computeIndicators({ catalogue, profiles, observations: obs, districts });
const pub = applyDisclosureControl(rows, defaultDisclosureRule, disclosureOptions(catalogue, profiles, districts)).map((r) => ({ ...r, grp: r.group }));
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  sumSelections(obs, [{ profile: "einwohner", measure: "einwohner" }]);
  const a = performance.now() - t;
  t = performance.now();
  const s = computeSozialmonitoring(obs, pub, districts);
  const b = performance.now() - t;
  t = performance.now();
  computeSozialmonitoring(obs, [], districts);
  console.log("sums", a.toFixed(0), "full", b.toFixed(0), "no index", (performance.now() - t).toFixed(0));
}
