import { geschlecht, groupingGeschlecht } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const anerkennung: ExtractProfile = {
  id: "anerkennung",
  title: "Anerkennung ausländischer Berufsabschlüsse",
  office: "Kammern / Anerkennungsberatung",
  description:
    "Im Berichtsjahr beschiedene Anerkennungsverfahren und davon voll oder teilweise anerkannte nach Berufsgruppe und Geschlecht.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    {
      kind: "code",
      header: "Berufsgruppe",
      dimension: "berufsgruppe",
      codes: {
        gesundheit: ["gesundheit"],
        handwerk: ["handwerk"],
        industrie_handel: ["industrie_handel"],
        paedagogik: ["paedagogik", "pädagogik"],
        sonstige: ["sonstige"],
      },
    },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "count", header: "Beschieden", measure: "beschieden", label: "Beschiedene Verfahren" },
    { kind: "count", header: "Anerkannt", measure: "anerkannt", label: "Voll oder teilweise anerkannt" },
  ],
  groupings: { geschlecht: groupingGeschlecht },
  rules: [{ kind: "part-of", part: "anerkannt", whole: "beschieden" }],
};
