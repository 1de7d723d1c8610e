import { geschlecht, groupingGeschlecht, groupingStaatsangehoerigkeit, staatsangehoerigkeit } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

/** Population register by Stadtteil, exactly in the format the Statistikdienststelle's specification fixes. */
export const einwohner: ExtractProfile = {
  id: "einwohner",
  title: "Einwohner (Melderegister)",
  office: "Statistikdienststelle",
  description:
    "Wohnberechtigte Bevölkerung am Stichtag nach Stadtteil, Geschlecht, Alter, Staatsangehörigkeit und Migrationsvorgeschichte.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "age", header: "Alter", dimension: "alter" },
    { kind: "code", header: "Staatsangehoerigkeit", dimension: "staatsangehoerigkeit", codes: staatsangehoerigkeit },
    {
      kind: "code",
      header: "Migrationsvorgeschichte",
      dimension: "migrationsvorgeschichte",
      codes: {
        ohne: ["ohne"],
        persoenlich: ["persoenlich", "persönlich"],
        vererbt: ["vererbt"],
        auslaendisch: ["auslaendisch", "ausländisch"],
      },
    },
    { kind: "count", header: "Anzahl", measure: "einwohner", label: "Einwohner/-innen" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: {
    migration: {
      mit: { migrationsvorgeschichte: ["persoenlich", "vererbt", "auslaendisch"] },
      ohne: { migrationsvorgeschichte: ["ohne"] },
    },
    nationalitaet: groupingStaatsangehoerigkeit,
    geschlecht: groupingGeschlecht,
  },
  rules: [
    {
      kind: "forbid",
      when: { staatsangehoerigkeit: ["deutsch"] },
      forbid: { migrationsvorgeschichte: ["auslaendisch"] },
      message: "Eine deutsche Person kann nicht die Migrationsvorgeschichte „auslaendisch“ haben.",
    },
    {
      kind: "forbid",
      when: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] },
      forbid: { migrationsvorgeschichte: ["ohne", "persoenlich", "vererbt"] },
      message: "Eine nichtdeutsche Person hat immer die Migrationsvorgeschichte „auslaendisch“.",
    },
  ],
};
