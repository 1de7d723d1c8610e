import { geschlecht, groupingGeschlecht, groupingNationalitaet, nationalitaet } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const sozialamt: ExtractProfile = {
  id: "sozialamt",
  title: "Sozialhilfe, Asylbewerberleistungen und Unterbringung",
  office: "Sozialamt",
  description:
    "Empfängerinnen und Empfänger von Grundsicherung im Alter, Hilfe zum Lebensunterhalt und Leistungen nach dem AsylbLG, Personen in städtischen Flüchtlingsunterkünften und ordnungsrechtlich untergebrachte Wohnungslose am Stichtag nach Stadtteil, Geschlecht, Alter und Nationalität.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "age", header: "Alter", dimension: "alter" },
    { kind: "code", header: "Nationalitaet", dimension: "nationalitaet", codes: nationalitaet },
    {
      kind: "count",
      header: "Grundsicherung_Alter",
      measure: "grundsicherung_alter",
      label: "Grundsicherung im Alter und bei Erwerbsminderung (SGB XII, 4. Kapitel)",
    },
    { kind: "count", header: "HLU", measure: "hlu", label: "Hilfe zum Lebensunterhalt (SGB XII, 3. Kapitel)" },
    { kind: "count", header: "AsylbLG", measure: "asylblg", label: "Leistungsberechtigte nach dem AsylbLG" },
    {
      kind: "count",
      header: "Gefluechtete_Unterkunft",
      measure: "gefluechtete_unterkunft",
      label: "Personen in städtischen Flüchtlingsunterkünften",
    },
    {
      kind: "count",
      header: "Wohnungslose_untergebracht",
      measure: "wohnungslose_untergebracht",
      label: "Ordnungsrechtlich untergebrachte Wohnungslose",
    },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { nationalitaet: groupingNationalitaet, geschlecht: groupingGeschlecht },
  rules: [],
};
