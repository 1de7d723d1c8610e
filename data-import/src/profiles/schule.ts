import { geschlecht, groupingGeschlecht, groupingNationalitaet, jaNein, nationalitaet } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

const klassen = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [String(i + 1), [String(i + 1)]]));

export const schulformen = {
  grundschule: ["grundschule", "GS"],
  hauptschule: ["hauptschule", "HS"],
  realschule: ["realschule", "RS"],
  sekundarschule: ["sekundarschule", "SekS"],
  gesamtschule: ["gesamtschule", "GE"],
  gymnasium: ["gymnasium", "GY"],
  foerderschule: ["foerderschule", "förderschule", "FS"],
};

export const schule: ExtractProfile = {
  id: "schule",
  title: "Schülerinnen und Schüler an allgemeinbildenden Schulen",
  office: "Amt für Schule und Weiterbildung",
  description:
    "Schülerinnen und Schüler zum Stichtag der amtlichen Schulstatistik (15.10.) nach Schulform, Klasse, Geschlecht, Nationalität und Zuwanderungsgeschichte (Definition IT.NRW), mit Seiteneinsteigern, Familiensprache, Herkunftssprachlichem Unterricht und Schwimmfähigkeit.",
  area: "stadt",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "code", header: "Schulform", dimension: "schulform", codes: schulformen },
    { kind: "code", header: "Klasse", dimension: "klasse", codes: klassen },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "code", header: "Nationalitaet", dimension: "nationalitaet", codes: nationalitaet },
    { kind: "code", header: "Zuwanderungsgeschichte", dimension: "zuwanderungsgeschichte", codes: jaNein },
    { kind: "count", header: "Schueler", measure: "schueler", label: "Schülerinnen und Schüler" },
    {
      kind: "count",
      header: "Seiteneinsteiger",
      measure: "seiteneinsteiger",
      label: "Neu zugewanderte Schüler/-innen in Internationalen Klassen",
    },
    {
      kind: "count",
      header: "Familiensprache_nichtdeutsch",
      measure: "familiensprache_nichtdeutsch",
      label: "Schüler/-innen mit vorrangig nichtdeutscher Familiensprache",
    },
    {
      kind: "count",
      header: "HSU_Teilnehmende",
      measure: "hsu_teilnehmende",
      label: "Teilnehmende am Herkunftssprachlichen Unterricht",
    },
    { kind: "count", header: "Freischwimmer", measure: "freischwimmer", label: "Schüler/-innen mit Freischwimmer" },
  ],
  groupings: {
    nationalitaet: groupingNationalitaet,
    migration: { mit: { zuwanderungsgeschichte: ["ja"] }, ohne: { zuwanderungsgeschichte: ["nein"] } },
    geschlecht: groupingGeschlecht,
  },
  rules: [
    { kind: "part-of", part: "seiteneinsteiger", whole: "schueler" },
    { kind: "part-of", part: "familiensprache_nichtdeutsch", whole: "schueler" },
    { kind: "part-of", part: "hsu_teilnehmende", whole: "schueler" },
    { kind: "part-of", part: "freischwimmer", whole: "schueler" },
    {
      kind: "forbid",
      when: { schulform: ["grundschule"] },
      forbid: { klasse: ["5", "6", "7", "8", "9", "10", "11", "12", "13"] },
      message: "Die Grundschule umfasst die Klassen 1 bis 4.",
    },
    {
      kind: "forbid",
      when: { schulform: ["hauptschule", "realschule", "sekundarschule", "gesamtschule", "gymnasium"] },
      forbid: { klasse: ["1", "2", "3", "4"] },
      message: "Weiterführende Schulen beginnen mit Klasse 5.",
    },
  ],
};
