import { geschlecht, groupingGeschlecht, staatsangehoerigkeitAuslaendisch } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const einbuergerung: ExtractProfile = {
  id: "einbuergerung",
  title: "Einbürgerungen",
  office: "Einbürgerungsstelle",
  description:
    "Im Berichtsjahr vollzogene Einbürgerungen nach Stadtteil, Geschlecht, bisheriger Staatsangehörigkeit und Rechtsgrundlage.",
  area: "stadtteil",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    {
      kind: "code",
      header: "Bisherige_Staatsangehoerigkeit",
      dimension: "staatsangehoerigkeit",
      codes: staatsangehoerigkeitAuslaendisch,
    },
    {
      kind: "code",
      header: "Rechtsgrundlage",
      dimension: "rechtsgrundlage",
      codes: { anspruch: ["anspruch", "§10", "10"], ermessen: ["ermessen", "§8", "8"], sonstige: ["sonstige"] },
    },
    { kind: "count", header: "Anzahl", measure: "einbuergerungen", label: "Einbürgerungen" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { geschlecht: groupingGeschlecht },
  rules: [],
};
