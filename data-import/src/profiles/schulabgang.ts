import { geschlecht, groupingGeschlecht, groupingNationalitaet, nationalitaet } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const schulabgang: ExtractProfile = {
  id: "schulabgang",
  title: "Abgängerinnen und Abgänger allgemeinbildender Schulen",
  office: "Amt für Schule und Weiterbildung",
  description: "Abgänge am Ende des Schuljahres nach Abschluss, Geschlecht und Nationalität.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "code", header: "Nationalitaet", dimension: "nationalitaet", codes: nationalitaet },
    {
      kind: "code",
      header: "Abschluss",
      dimension: "abschluss",
      codes: {
        ohne_hsa: ["ohne_hsa", "ohne Hauptschulabschluss"],
        hsa: ["hsa", "Hauptschulabschluss"],
        msa: ["msa", "mittlerer Schulabschluss", "FOR"],
        fhr: ["fhr", "Fachhochschulreife"],
        ahr: ["ahr", "allgemeine Hochschulreife", "Abitur"],
      },
    },
    { kind: "count", header: "Anzahl", measure: "abgaenge", label: "Abgänger/-innen" },
  ],
  groupings: { nationalitaet: groupingNationalitaet, geschlecht: groupingGeschlecht },
  rules: [],
};
