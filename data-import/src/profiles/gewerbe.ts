import { groupingNationalitaet, nationalitaet } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const gewerbe: ExtractProfile = {
  id: "gewerbe",
  title: "Gewerbeanmeldungen",
  office: "Ordnungsamt (Gewerbeangelegenheiten)",
  description: "Gewerbeanmeldungen (Neugründungen) im Berichtsjahr nach Nationalität der anmeldenden Person.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "code", header: "Nationalitaet", dimension: "nationalitaet", codes: nationalitaet },
    { kind: "count", header: "Anmeldungen", measure: "anmeldungen", label: "Gewerbeanmeldungen" },
  ],
  groupings: { nationalitaet: groupingNationalitaet },
  rules: [],
};
