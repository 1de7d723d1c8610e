import { openSmallCity } from "../services/small-city.fixture.ts";
const city = await openSmallCity();
for (const url of ["/api/indicators", "/api/indicators/auslaenderanteil", "/api/indicators/auslaenderanteil/values?year=2020", "/api/indicators/sgb2_quote/gaps?area=stadt", "/api/overview", "/api/sozialmonitoring/comparisons", "/api/sozialmonitoring/segregation?year=2020&comparison=auslaender_deutsche&area=bezirk:Mitte", "/api/sozialmonitoring/segregation?year=2018&comparison=sgb2_u65&area=stadt", "/api/sozialmonitoring/index", "/api/indicators/auslaenderanteil/values?area=12&year=2020&format=csv", "/api/indicators/auslaenderanteil/values?area=12&year=2020&format=csv&flavour=en", "/api/indicators/nix", "/api/indicators/auslaenderanteil/values?area=99", "/api/indicators/auslaenderanteil/values?year=1999", "/api/indicators/auslaenderanteil/values?format=xml"]) {
  const r = await city.app.inject(url);
  console.log("==", url, r.statusCode, r.headers["content-type"], r.headers["content-disposition"] ?? "");
  console.log(r.body.slice(0, 1500));
}
await city.close();
