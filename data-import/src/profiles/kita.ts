import { groupingMigrationshintergrund, jaNein } from "./codes.ts";
import type { ExtractProfile } from "./types.ts";

export const kita: ExtractProfile = {
  id: "kita",
  title: "Kindertagesbetreuung",
  office: "Amt für Kinder, Jugendliche und Familien",
  description:
    "Betreute Kinder in Kindertageseinrichtungen und Kindertagespflege am Stichtag (01.03.) nach Wohn-Stadtteil, Alter, Migrationshintergrund (mindestens ein Elternteil ausländischer Herkunft) und Familiensprache.",
  area: "stadtteil",
  period: "bestand",
  columns: [
    { kind: "stichtag", header: "Stichtag" },
    { kind: "stadtteil", header: "Stadtteil" },
    { kind: "age", header: "Alter", dimension: "alter" },
    { kind: "code", header: "Migrationshintergrund", dimension: "migrationshintergrund", codes: jaNein },
    { kind: "count", header: "Kinder_betreut", measure: "kinder_betreut", label: "Betreute Kinder" },
    {
      kind: "count",
      header: "Familiensprache_nichtdeutsch",
      measure: "familiensprache_nichtdeutsch",
      label: "Betreute Kinder mit vorrangig nichtdeutscher Familiensprache",
    },
  ],
  ignorable: ["Stadtteilname"],
  groupings: { migration: groupingMigrationshintergrund },
  rules: [{ kind: "part-of", part: "familiensprache_nichtdeutsch", whole: "kinder_betreut" }],
};
