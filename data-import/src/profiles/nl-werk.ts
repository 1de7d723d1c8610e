import { geslacht, groupingGeslacht, groupingHerkomst, herkomst } from "./nl-codes.ts";
import type { ExtractProfile } from "./types.ts";

/**
 * Work and unemployment registers by buurt: employed persons (CBS, from the polisadministratie), WW recipients
 * and niet-werkende werkzoekenden (UWV), each linked to the BRP for buurt and herkomst.
 */
export const nlWerk: ExtractProfile = {
  id: "nl_werk",
  title: "Werk en werkloosheid (CBS/UWV)",
  office: "CBS en UWV",
  description:
    "Op de peildatum: werkzame personen (werknemers en zelfstandigen, CBS), personen met een WW-uitkering en niet-werkende werkzoekenden (UWV), naar buurt, geslacht, leeftijd en herkomst. De jongste leeftijdsgroep begint bij 0 (bijvoorbeeld 0-24 voor „jonger dan 25“). De werkloosheid volgens de CBS-definitie (enquête) bestaat niet per buurt.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Peildatum" },
    { kind: "stadtteil", header: "Buurt" },
    { kind: "code", header: "Geslacht", dimension: "geslacht", codes: geslacht },
    { kind: "age", header: "Leeftijd", dimension: "alter" },
    { kind: "code", header: "Herkomst", dimension: "herkomst", codes: herkomst },
    { kind: "count", header: "Werkzame personen", measure: "werkzaam", label: "Werkzame personen" },
    { kind: "count", header: "WW-uitkeringen", measure: "ww", label: "Personen met WW-uitkering" },
    {
      kind: "count",
      header: "Niet-werkende werkzoekenden",
      measure: "nww",
      label: "Niet-werkende werkzoekenden (UWV)",
    },
  ],
  ignorable: ["Buurtnaam", "Buurtcode", "Wijk"],
  groupings: { migration: groupingHerkomst, geschlecht: groupingGeslacht },
  rules: [],
};
