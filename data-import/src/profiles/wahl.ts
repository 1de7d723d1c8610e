import { geschlecht, groupingGeschlecht } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const wahl: ExtractProfile = {
  id: "wahl",
  title: "Wahl des Integrationsrats",
  office: "Wahlamt",
  description:
    "Wahlberechtigte und Wählende der Integrationsratswahl nach Stadtteil und Geschlecht; Stichtag ist der Wahltag. Lieferung nur in Wahljahren.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "count", header: "Wahlberechtigte", measure: "wahlberechtigte", label: "Wahlberechtigte" },
    { kind: "count", header: "Waehlende", measure: "waehlende", label: "Wählende" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { geschlecht: groupingGeschlecht },
  rules: [{ kind: "part-of", part: "waehlende", whole: "wahlberechtigte" }],
};
