import { geschlecht, groupingGeschlecht } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const personal: ExtractProfile = {
  id: "personal",
  title: "Personal der Stadtverwaltung",
  office: "Personal- und Organisationsamt",
  description:
    "Beschäftigte, neu eingestellte Auszubildende und Teilnehmende an interkulturellen Fortbildungen nach Laufbahngruppe, Geschlecht und Migrationsvorgeschichte (freiwillige Angabe in der Beschäftigtenbefragung).",
  area: "stadt",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    {
      kind: "code",
      header: "Laufbahngruppe",
      dimension: "laufbahngruppe",
      codes: {
        einfach: ["einfach", "eD"],
        mittel: ["mittel", "mD"],
        gehoben: ["gehoben", "gD"],
        hoeher: ["hoeher", "höher", "hD"],
        ausbildung: ["ausbildung"],
      },
    },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    {
      kind: "code",
      header: "Migrationsvorgeschichte",
      dimension: "migrationsvorgeschichte",
      codes: { ja: ["ja"], nein: ["nein"], keine_angabe: ["keine_angabe", "k.A."] },
    },
    { kind: "count", header: "Beschaeftigte", measure: "beschaeftigte", label: "Beschäftigte" },
    { kind: "count", header: "Azubis_neu", measure: "azubis_neu", label: "Neu eingestellte Auszubildende" },
    {
      kind: "count",
      header: "IKOE_Fortbildung",
      measure: "ikoe_fortbildung",
      label: "Teilnehmende an interkulturellen Fortbildungen",
    },
  ],
  groupings: {
    migration: { mit: { migrationsvorgeschichte: ["ja"] }, ohne: { migrationsvorgeschichte: ["nein"] } },
    geschlecht: groupingGeschlecht,
  },
  rules: [{ kind: "part-of", part: "ikoe_fortbildung", whole: "beschaeftigte" }],
};
