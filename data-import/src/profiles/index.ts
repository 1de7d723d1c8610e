import { anerkennung } from "./anerkennung.ts";
import { arbeitsmarkt } from "./arbeitsmarkt.ts";
import { auslaenderbehoerde } from "./auslaenderbehoerde.ts";
import { einbuergerung } from "./einbuergerung.ts";
import { einwohner } from "./einwohner.ts";
import { gewerbe } from "./gewerbe.ts";
import { integrationskurse } from "./integrationskurse.ts";
import { jugendhilfe } from "./jugendhilfe.ts";
import { kita } from "./kita.ts";
import { kultur } from "./kultur.ts";
import { melderegisterZusatz } from "./melderegister-zusatz.ts";
import { nlBevolking } from "./nl-bevolking.ts";
import { nlBijstand } from "./nl-bijstand.ts";
import { nlInburgering } from "./nl-inburgering.ts";
import { nlOnderwijs } from "./nl-onderwijs.ts";
import { nlWerk } from "./nl-werk.ts";
import { personal } from "./personal.ts";
import { presse } from "./presse.ts";
import { schulabgang } from "./schulabgang.ts";
import { schule } from "./schule.ts";
import { schuluebergang } from "./schuluebergang.ts";
import { seu } from "./seu.ts";
import { sozialamt } from "./sozialamt.ts";
import { type ExtractProfile, profileSchema } from "./types.ts";
import { wahl } from "./wahl.ts";

export type { DimensionFilter, ExtractProfile, ProfileColumn, ProfileRule } from "./types.ts";
export { profileSchema } from "./types.ts";

/**
 * Every extract profile the tool accepts, validated once when the module loads.
 *
 * @example
 * profiles.map((p) => p.id); // ["einwohner", "melderegister_zusatz", …, "presse"]
 */
export const profiles: readonly ExtractProfile[] = [
  einwohner,
  melderegisterZusatz,
  auslaenderbehoerde,
  einbuergerung,
  integrationskurse,
  arbeitsmarkt,
  sozialamt,
  schule,
  schulabgang,
  schuluebergang,
  kita,
  jugendhilfe,
  seu,
  personal,
  wahl,
  gewerbe,
  anerkennung,
  kultur,
  presse,
  // Almelo (NL): the Dutch extracts of the second demo city.
  nlBevolking,
  nlInburgering,
  nlBijstand,
  nlWerk,
  nlOnderwijs,
].map((p) => profileSchema.parse(p));

/**
 * The profile with this id, or `undefined`.
 *
 * @example
 * findProfile("seu")?.office; // "Gesundheitsamt"
 */
export function findProfile(id: string): ExtractProfile | undefined {
  return profiles.find((p) => p.id === id);
}
