import { geschlecht, groupingGeschlecht, groupingMigrationshintergrund, jaNein } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const seu: ExtractProfile = {
  id: "seu",
  title: "Schuleingangsuntersuchung",
  office: "Gesundheitsamt",
  description:
    "Ergebnisse der Schuleingangsuntersuchung des Berichtsjahres nach Wohn-Stadtteil, Geschlecht und Migrationshintergrund (Definition der GMK 2013).",
  area: "stadtteil",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "code", header: "Geschlecht", dimension: "geschlecht", codes: geschlecht },
    { kind: "code", header: "Migrationshintergrund", dimension: "migrationshintergrund", codes: jaNein },
    { kind: "count", header: "Untersuchte", measure: "untersuchte", label: "Untersuchte Kinder" },
    {
      kind: "count",
      header: "Sprachfoerderbedarf",
      measure: "sprachfoerderbedarf",
      label: "Kinder mit Sprachförderbedarf im Deutschen",
    },
    {
      kind: "count",
      header: "Kita_2_Jahre",
      measure: "kita_2_jahre",
      label: "Kinder mit mindestens 2 Jahren Kita-Besuch",
    },
    {
      kind: "count",
      header: "Vorsorgeheft_vorgelegt",
      measure: "vorsorgeheft_vorgelegt",
      label: "Kinder mit vorgelegtem Vorsorgeheft",
    },
    { kind: "count", header: "U8_wahrgenommen", measure: "u8_wahrgenommen", label: "Kinder mit wahrgenommener U8" },
    {
      kind: "count",
      header: "Impfpass_vorgelegt",
      measure: "impfpass_vorgelegt",
      label: "Kinder mit vorgelegtem Impfpass",
    },
    { kind: "count", header: "Masern_2_Dosen", measure: "masern_2_dosen", label: "Kinder mit zwei Masern-Impfungen" },
    { kind: "count", header: "Uebergewicht", measure: "uebergewicht", label: "Kinder mit Übergewicht (BMI über P90)" },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { migration: groupingMigrationshintergrund, geschlecht: groupingGeschlecht },
  rules: [
    { kind: "part-of", part: "sprachfoerderbedarf", whole: "untersuchte" },
    { kind: "part-of", part: "kita_2_jahre", whole: "untersuchte" },
    { kind: "part-of", part: "vorsorgeheft_vorgelegt", whole: "untersuchte" },
    { kind: "part-of", part: "u8_wahrgenommen", whole: "vorsorgeheft_vorgelegt" },
    { kind: "part-of", part: "impfpass_vorgelegt", whole: "untersuchte" },
    { kind: "part-of", part: "masern_2_dosen", whole: "impfpass_vorgelegt" },
    { kind: "part-of", part: "uebergewicht", whole: "untersuchte" },
  ],
};
