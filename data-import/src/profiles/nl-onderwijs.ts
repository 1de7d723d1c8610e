import { geslacht, groupingGeslacht, groupingHerkomst, herkomst } from "./nl-codes.ts";
import type { ExtractProfile } from "./types.ts";

/**
 * School figures for the whole city from DUO: early school leavers (voortijdig schoolverlaters, the RMC
 * registration) and the secondary-school advice at the end of primary school (groep 8).
 */
export const nlOnderwijs: ExtractProfile = {
  id: "nl_onderwijs",
  title: "Onderwijs: voortijdig schoolverlaten en schooladvies (DUO)",
  office: "DUO (met RMC-regio Twente)",
  description:
    "Schooljaar dat eindigt in het jaar van de peildatum: deelnemers 12 tot 23 jaar in VO en mbo en nieuwe voortijdig schoolverlaters (zonder startkwalificatie: havo-, vwo- of mbo-2-diploma), leerlingen in groep 8 en leerlingen met een schooladvies havo of vwo, naar herkomst en geslacht. Alleen voor de hele gemeente.",
  area: "stadt",
  period: "jahr",
  columns: [
    { kind: "stichtag", header: "Peildatum" },
    { kind: "code", header: "Geslacht", dimension: "geslacht", codes: geslacht },
    { kind: "code", header: "Herkomst", dimension: "herkomst", codes: herkomst },
    { kind: "count", header: "Deelnemers 12-22", measure: "deelnemers", label: "Deelnemers VO en mbo 12 tot 23 jaar" },
    { kind: "count", header: "Voortijdig schoolverlaters", measure: "vsv", label: "Nieuwe voortijdig schoolverlaters" },
    { kind: "count", header: "Leerlingen groep 8", measure: "groep8", label: "Leerlingen in groep 8" },
    { kind: "count", header: "Advies havo/vwo", measure: "advies_havo_vwo", label: "Schooladvies havo of vwo" },
  ],
  groupings: { migration: groupingHerkomst, geschlecht: groupingGeslacht },
  rules: [
    { kind: "part-of", part: "vsv", whole: "deelnemers" },
    { kind: "part-of", part: "advies_havo_vwo", whole: "groep8" },
  ],
};
