import { geschlecht, groupingGeschlecht, staatsangehoerigkeitAuslaendisch } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const auslaenderbehoerde: ExtractProfile = {
  id: "auslaenderbehoerde",
  title: "Ausländer nach Aufenthaltsstatus und Aufenthaltsdauer",
  office: "Ausländerbehörde",
  description:
    "Ausländerinnen und Ausländer am Stichtag (Ausländerzentralregister, kommunaler Auszug) nach Stadtteil, Geschlecht, Alter, Staatsangehörigkeitsgruppe, Aufenthaltsstatus und Aufenthaltsdauer.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "age", header: "Alter", dimension: "alter" },
    {
      kind: "code",
      header: "Staatsangehoerigkeit",
      dimension: "staatsangehoerigkeit",
      codes: staatsangehoerigkeitAuslaendisch,
    },
    {
      kind: "code",
      header: "Aufenthaltsstatus",
      dimension: "aufenthaltsstatus",
      codes: {
        niederlassung: ["niederlassung", "Niederlassungserlaubnis"],
        daueraufenthalt_eu: ["daueraufenthalt_eu", "Daueraufenthalt-EU"],
        freizuegigkeit: ["freizuegigkeit", "freizügigkeit"],
        befristet: ["befristet", "Aufenthaltserlaubnis"],
        duldung: ["duldung"],
        gestattung: ["gestattung"],
        ohne_titel: ["ohne_titel", "sonstige"],
      },
    },
    {
      kind: "code",
      header: "Aufenthaltsdauer",
      dimension: "aufenthaltsdauer",
      codes: { unter_4: ["unter_4", "<4"], "4_bis_8": ["4_bis_8", "4-8"], ab_8: ["ab_8", "8+"] },
    },
    { kind: "count", header: "Anzahl", measure: "auslaender", label: "Ausländer/-innen" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { geschlecht: groupingGeschlecht },
  rules: [
    {
      kind: "forbid",
      when: { staatsangehoerigkeit: ["Drittstaat", "ungeklaert"] },
      forbid: { aufenthaltsstatus: ["freizuegigkeit"] },
      message: "Freizügigkeit gilt nur für Staatsangehörige der EU.",
    },
  ],
};
