import type { ExtractProfile } from "./types.ts";

export const kultur: ExtractProfile = {
  id: "kultur",
  title: "Kultur und Weiterbildung",
  office: "Kulturamt / Volkshochschule / Musikschule",
  description:
    "Je Bereich eine Gesamtzahl und der Teil mit Migrationsbezug: Kulturförderung (geförderte Projekte / davon von Migrantenselbstorganisationen), VHS (Kursbelegungen ohne Deutsch als Fremdsprache / davon durch Ausländer/-innen), Musikschule (Schüler/-innen / davon mit Migrationsvorgeschichte).",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    {
      kind: "code",
      header: "Bereich",
      dimension: "bereich",
      codes: { kulturfoerderung: ["kulturfoerderung", "kulturförderung"], vhs: ["vhs"], musikschule: ["musikschule"] },
    },
    { kind: "count", header: "Gesamt", measure: "gesamt", label: "Gesamt" },
    { kind: "count", header: "Davon_Migration", measure: "davon_migration", label: "davon mit Migrationsbezug" },
  ],
  groupings: {},
  rules: [{ kind: "part-of", part: "davon_migration", whole: "gesamt" }],
};
