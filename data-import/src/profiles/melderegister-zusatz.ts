import { geschlecht, groupingGeschlecht, groupingStaatsangehoerigkeit, staatsangehoerigkeit } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const melderegisterZusatz: ExtractProfile = {
  id: "melderegister_zusatz",
  title: "Wanderungen und weitere Staatsangehörigkeiten",
  office: "Statistikdienststelle",
  description:
    "Zu- und Fortzüge über die Bundesgrenze im Berichtsjahr sowie Deutsche mit weiterer Staatsangehörigkeit am Stichtag, nach Stadtteil, Geschlecht und Staatsangehörigkeit.",
  area: "stadtteil",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "code", header: "Staatsangehoerigkeit", dimension: "staatsangehoerigkeit", codes: staatsangehoerigkeit },
    { kind: "count", header: "Zuzuege_Ausland", measure: "zuzuege_ausland", label: "Zuzüge aus dem Ausland" },
    { kind: "count", header: "Fortzuege_Ausland", measure: "fortzuege_ausland", label: "Fortzüge ins Ausland" },
    {
      kind: "count",
      header: "Weitere_StA_EU",
      measure: "weitere_sta_eu",
      label: "Deutsche mit weiterer Staatsangehörigkeit eines EU-Staats",
    },
    {
      kind: "count",
      header: "Weitere_StA_Drittstaat",
      measure: "weitere_sta_drittstaat",
      label: "Deutsche mit weiterer Staatsangehörigkeit eines Drittstaats",
    },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { nationalitaet: groupingStaatsangehoerigkeit, geschlecht: groupingGeschlecht },
  rules: [
    {
      kind: "zero",
      when: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] },
      measure: "weitere_sta_eu",
      message: "Eine weitere Staatsangehörigkeit wird nur für Deutsche gezählt.",
    },
    {
      kind: "zero",
      when: { staatsangehoerigkeit: ["EU", "Drittstaat", "ungeklaert"] },
      measure: "weitere_sta_drittstaat",
      message: "Eine weitere Staatsangehörigkeit wird nur für Deutsche gezählt.",
    },
  ],
};
