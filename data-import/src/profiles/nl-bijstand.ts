import { geslacht, groupingGeslacht, groupingHerkomst, herkomst } from "./nl-codes.ts";
import type { ExtractProfile } from "./types.ts";

/** Persons with a bijstandsuitkering (Participatiewet), which the municipality pays, by buurt. */
export const nlBijstand: ExtractProfile = {
  id: "nl_bijstand",
  title: "Bijstand (Participatiewet)",
  office: "Gemeente Almelo, Werk en Inkomen",
  description:
    "Personen met een bijstandsuitkering (Participatiewet, algemene bijstand) op de peildatum naar buurt, geslacht, leeftijd en herkomst (CBS-indeling 2022). Zonder personen in instellingen en daklozen, zoals in de Kerncijfers wijken en buurten van het CBS; partners worden als aparte ontvanger geteld, kinderen niet. De jongste leeftijdsgroep begint bij 0 (bijvoorbeeld 0-26 voor „jonger dan 27“).",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Peildatum" },
    { kind: "stadtteil", header: "Buurt" },
    { kind: "code", header: "Geslacht", dimension: "geslacht", codes: geslacht },
    { kind: "age", header: "Leeftijd", dimension: "alter" },
    { kind: "code", header: "Herkomst", dimension: "herkomst", codes: herkomst },
    { kind: "count", header: "Bijstandsontvangers", measure: "bijstand", label: "Personen met bijstand" },
  ],
  ignorable: ["Buurtnaam", "Buurtcode", "Wijk"],
  groupings: { migration: groupingHerkomst, geschlecht: groupingGeslacht },
  rules: [],
};
