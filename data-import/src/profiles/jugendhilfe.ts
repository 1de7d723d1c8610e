import { geschlecht, groupingGeschlecht, groupingMigrationshintergrund, jaNein } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const jugendhilfe: ExtractProfile = {
  id: "jugendhilfe",
  title: "Hilfen zur Erziehung und Offene Kinder- und Jugendarbeit",
  office: "Amt für Kinder, Jugendliche und Familien",
  description:
    "Im Berichtsjahr neu begonnene Hilfen zur Erziehung (KJH-Statistik) und Stammbesucher/-innen der Offenen Kinder- und Jugendarbeit (Trägerberichte) nach Geschlecht und Migrationshintergrund.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    {
      kind: "code",
      header: "Bereich",
      dimension: "bereich",
      codes: { hze_neu: ["hze_neu", "HzE"], okja_stammbesucher: ["okja_stammbesucher", "OKJA"] },
    },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "code", header: "Migrationshintergrund", dimension: "migrationshintergrund", codes: jaNein },
    { kind: "count", header: "Anzahl", measure: "faelle", label: "Fälle bzw. Personen" },
  ],
  groupings: { migration: groupingMigrationshintergrund, geschlecht: groupingGeschlecht },
  rules: [],
};
