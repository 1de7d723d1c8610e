import { geschlecht, groupingGeschlecht, staatsangehoerigkeitAuslaendisch } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const integrationskurse: ExtractProfile = {
  id: "integrationskurse",
  title: "Integrationskurse: Prüfungen „Deutsch-Test für Zuwanderer“",
  office: "Ausländerbehörde (BAMF-Regionalkoordination)",
  description: "Prüfungsteilnehmende und erreichtes Niveau B1 im Berichtsjahr, gesamtstädtisch.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    {
      kind: "code",
      header: "Staatsangehoerigkeit",
      dimension: "staatsangehoerigkeit",
      codes: staatsangehoerigkeitAuslaendisch,
    },
    { kind: "count", header: "Pruefungsteilnehmende", measure: "pruefungsteilnehmende", label: "Prüfungsteilnehmende" },
    { kind: "count", header: "B1_erreicht", measure: "b1_erreicht", label: "Teilnehmende mit Niveau B1" },
  ],
  groupings: { geschlecht: groupingGeschlecht },
  rules: [{ kind: "part-of", part: "b1_erreicht", whole: "pruefungsteilnehmende" }],
};
