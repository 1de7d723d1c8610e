import { geschlecht, groupingGeschlecht, groupingNationalitaet, nationalitaet } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const arbeitsmarkt: ExtractProfile = {
  id: "arbeitsmarkt",
  title: "Arbeitsmarkt und Grundsicherung für Arbeitsuchende (SGB II)",
  office: "Jobcenter / Agentur für Arbeit",
  description:
    "Regelleistungsberechtigte nach dem SGB II, Arbeitslose, Beschäftigte am Wohnort und Erwerbspersonen am Stichtag nach Stadtteil, Geschlecht, Alter und Nationalität (BA-Statistik, kleinräumiger Auszug).",
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
      header: "SGB2_Leistungsberechtigte",
      measure: "sgb2_leistungsberechtigte",
      label: "Regelleistungsberechtigte nach dem SGB II",
    },
    { kind: "count", header: "Arbeitslose", measure: "arbeitslose", label: "Arbeitslose (SGB II und III)" },
    { kind: "count", header: "Arbeitslose_SGB2", measure: "arbeitslose_sgb2", label: "Arbeitslose im SGB II" },
    {
      kind: "count",
      header: "Langzeitarbeitslose",
      measure: "langzeitarbeitslose",
      label: "Langzeitarbeitslose (1 Jahr und länger)",
    },
    {
      kind: "count",
      header: "SV_Beschaeftigte",
      measure: "sv_beschaeftigte",
      label: "Sozialversicherungspflichtig Beschäftigte am Wohnort",
    },
    {
      kind: "count",
      header: "Geringfuegig_Beschaeftigte",
      measure: "geringfuegig_beschaeftigte",
      label: "Ausschließlich geringfügig Beschäftigte am Wohnort",
    },
    {
      kind: "count",
      header: "Auszubildende",
      measure: "auszubildende",
      label: "Sozialversicherungspflichtige Auszubildende",
    },
    {
      kind: "count",
      header: "Erwerbspersonen",
      measure: "erwerbspersonen",
      label: "Zivile Erwerbspersonen (Bezugsgröße)",
    },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { nationalitaet: groupingNationalitaet, geschlecht: groupingGeschlecht },
  rules: [
    { kind: "part-of", part: "arbeitslose_sgb2", whole: "arbeitslose" },
    { kind: "part-of", part: "langzeitarbeitslose", whole: "arbeitslose" },
    { kind: "part-of", part: "arbeitslose", whole: "erwerbspersonen" },
  ],
};
