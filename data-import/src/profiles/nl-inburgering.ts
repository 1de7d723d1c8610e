import { geslacht, groupingGeslacht } from "./nl-codes.ts";
import type { ExtractProfile } from "./types.ts";

/**
 * Inburgering as the municipality runs it (Wet inburgering 2021, in force since 1 January 2022; people who
 * became obliged earlier stay under the Wet inburgering 2013), with the exam results DUO reports. Whole city only.
 */
export const nlInburgering: ExtractProfile = {
  id: "nl_inburgering",
  title: "Inburgering (Wet inburgering 2021 en 2013)",
  office: "Gemeente Almelo, Inburgering (met examengegevens van DUO)",
  description:
    "In het jaar tot de peildatum (31 december): nieuwe inburgeringsplichtigen, deelnemers aan het inburgeringsexamen (alle onderdelen afgerond) en geslaagden (B1 onder de Wet inburgering 2021, A2 onder de Wet inburgering 2013), naar wet en geslacht. Alleen voor de hele gemeente.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Peildatum" },
    {
      kind: "code",
      header: "Wet",
      dimension: "wet",
      codes: { wi2021: ["wi2021", "Wet inburgering 2021", "WI2021"], wi2013: ["wi2013", "Wet inburgering 2013"] },
    },
    { kind: "code", header: "Geslacht", dimension: "geslacht", codes: geslacht },
    {
      kind: "count",
      header: "Nieuwe inburgeringsplichtigen",
      measure: "nieuw_plichtig",
      label: "Nieuwe inburgeringsplichtigen",
    },
    { kind: "count", header: "Examendeelnemers", measure: "examen_deelnemers", label: "Examendeelnemers" },
    { kind: "count", header: "Geslaagd", measure: "geslaagd", label: "Geslaagden" },
  ],
  groupings: { geschlecht: groupingGeslacht },
  rules: [{ kind: "part-of", part: "geslaagd", whole: "examen_deelnemers" }],
};
