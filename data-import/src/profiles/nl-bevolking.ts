import { geboorteland, geslacht, groupingGeslacht, groupingHerkomst, herkomst } from "./nl-codes.ts";
import type { ExtractProfile } from "./types.ts";

/**
 * Almelo's population by buurt from the Basisregistratie Personen (BRP), in the breakdown CBS publishes since
 * 2022: herkomst (continent) and geboorteland. The denominator of every Almelo indicator.
 */
export const nlBevolking: ExtractProfile = {
  id: "nl_bevolking",
  title: "Bevolking (BRP)",
  office: "Gemeente Almelo, Burgerzaken (BRP)",
  description:
    "Inwoners op de peildatum (1 januari) naar buurt, geslacht, leeftijd, herkomst en geboorteland, volgens de herkomstindeling van het CBS (2022): in het buitenland geboren = migrant, in Nederland geboren met een in het buitenland geboren ouder = kind van migrant(en). De oude indeling naar westerse en niet-westerse migratieachtergrond (tot 2021) wordt niet meer geleverd.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Peildatum" },
    { kind: "stadtteil", header: "Buurt" },
    { kind: "code", header: "Geslacht", dimension: "geslacht", codes: geslacht },
    { kind: "age", header: "Leeftijd", dimension: "alter" },
    { kind: "code", header: "Herkomst", dimension: "herkomst", codes: herkomst },
    { kind: "code", header: "Geboorteland", dimension: "geboorteland", codes: geboorteland },
    { kind: "count", header: "Aantal", measure: "inwoners", label: "Inwoners" },
  ],
  ignorable: ["Buurtnaam", "Buurtcode", "Wijk"],
  groupings: { migration: groupingHerkomst, geschlecht: groupingGeslacht },
  rules: [
    {
      kind: "forbid",
      when: { herkomst: ["nederland"] },
      forbid: { geboorteland: ["buitenland"] },
      message:
        "Wie in het buitenland geboren is, heeft volgens de CBS-indeling het eigen geboorteland als herkomst, niet „Nederland“.",
    },
  ],
};
