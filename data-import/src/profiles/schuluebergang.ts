import { groupingNationalitaet, jaNein, nationalitaet } from "./codes.ts";
import { schulformen } from "./schule.ts";
import type { ExtractProfile } from "./types.ts";

export const schuluebergang: ExtractProfile = {
  id: "schuluebergang",
  title: "Übergänge von der Grundschule auf weiterführende Schulen",
  office: "Amt für Schule und Weiterbildung",
  description:
    "Übergänge aus Klasse 4 in Klasse 5 zum Schuljahresbeginn nach Wohn-Stadtteil, Nationalität, Zuwanderungsgeschichte und aufnehmender Schulform.",
  area: "stadtteil",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Nationalitaet", dimension: "nationalitaet", codes: nationalitaet },
    { kind: "code", header: "Zuwanderungsgeschichte", dimension: "zuwanderungsgeschichte", codes: jaNein },
    {
      kind: "code",
      header: "Schulform",
      dimension: "schulform",
      codes: {
        hauptschule: schulformen.hauptschule,
        realschule: schulformen.realschule,
        sekundarschule: schulformen.sekundarschule,
        gesamtschule: schulformen.gesamtschule,
        gymnasium: schulformen.gymnasium,
        foerderschule: schulformen.foerderschule,
        sonstige: ["sonstige"],
      },
    },
    { kind: "count", header: "Anzahl", measure: "uebergaenge", label: "Übergänge in Klasse 5" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: {
    nationalitaet: groupingNationalitaet,
    migration: { mit: { zuwanderungsgeschichte: ["ja"] }, ohne: { zuwanderungsgeschichte: ["nein"] } },
  },
  rules: [],
};
