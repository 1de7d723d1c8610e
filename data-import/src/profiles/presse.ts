import type { ExtractProfile } from "./types.ts";

export const presse: ExtractProfile = {
  id: "presse",
  title: "Mehrsprachige Öffentlichkeitsarbeit",
  office: "Presse- und Informationsamt",
  description: "Städtische Publikationen und Internetseiten im Berichtsjahr, gesamt und davon mehrsprachig.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    {
      kind: "code",
      header: "Medium",
      dimension: "medium",
      codes: { publikation: ["publikation"], webseite: ["webseite", "internetseite"] },
    },
    { kind: "count", header: "Gesamt", measure: "gesamt", label: "Gesamt" },
    { kind: "count", header: "Mehrsprachig", measure: "mehrsprachig", label: "davon mehrsprachig" },
  ],
  groupings: {},
  rules: [{ kind: "part-of", part: "mehrsprachig", whole: "gesamt" }],
};
