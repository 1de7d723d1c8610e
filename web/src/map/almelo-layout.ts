import type { CartogramLayout, CartogramTile } from "./types.ts";

type TileRow = readonly [buurt: number, col: number, row: number, label: string, name: string, wijk: string];

/*
 * Almelo's 71 CBS buurten in their 12 wijken on a 9 × 10 grid (row 0 = north). District numbers are the last four
 * digits of the CBS buurt code (BU01411000 → 1000), as in data-import/src/districts/almelo.csv; the "Stadtbezirk"
 * of a tile is its wijk. Wijk blocks placed by hand from the wijk centroids of the CBS wijk boundaries 2024
 * (Noorderkwartier and Aadorp north-west, Schelfhorst and Sluitersveld north-east, Wierdense Hoek west, Binnenstad
 * in the middle, Hofkamp east, Ossenkoppelerhoek and De Riet south of the centre, Windmolenbroek south and
 * Bornerbroek furthest south); Aadorp, an enclave in Noorderkwartier, sits in a notch of its block. Within a
 * wijk the buurten follow their numbers row by row (no buurt boundaries were used), and every wijk is one
 * 4-connected block:
 *
 *       0     1     2     3     4     5     6     7     8
 *  0  1200  1201  1202  1203  1800  1801  1300  1301   ·
 *  1  1204  1205  2000  1802  1803  1804  1302  1303  1304
 *  2  1206  1209  2001   ·    1805  1806  1305  1309   ·
 *  3  1400  1401  1402  1500  1000  1001  1700  1701  1702
 *  4  1403  1404  1405  1501  1002  1003  1703  1709   ·
 *  5  1406  1409  1600  1502  1605  1100  1101  1102  1103
 *  6   ·    1601  1602  1603  1604  1104  1105  1109   ·
 *  7  1900  1901  1902  1903  1904  1905  1906   ·     ·
 *  8   ·    1907  1908  1909  1910  1920   ·     ·     ·
 *  9   ·     ·     ·    2100  2109   ·     ·     ·     ·
 */
const ALMELO_TILES: readonly TileRow[] = [
  // Noorderkwartier
  [1200, 0, 0, "Vriezv.O", "Vriezenveenseweg en omgeving Haghoek Oost", "Noorderkwartier"],
  [1201, 1, 0, "Parkweg", "Parkweg en omgeving", "Noorderkwartier"],
  [1202, 2, 0, "Vriezv.W", "Vriezenveenseweg en omgeving Haghoek West", "Noorderkwartier"],
  [1203, 3, 0, "Indië", "Indië", "Noorderkwartier"],
  [1204, 0, 1, "Dollegr.", "Bedrijventerrein Dollegoor Turfkade", "Noorderkwartier"],
  [1205, 1, 1, "Bedr.Tw.", "Bedrijvenpark Twente", "Noorderkwartier"],
  [1206, 0, 2, "Aaboer", "Aaboer", "Noorderkwartier"],
  [1209, 1, 2, "Versp.12", "Verspreide huizen wijk 12", "Noorderkwartier"],
  // Aadorp
  [2000, 2, 1, "Aadorp W", "Aadorp West", "Aadorp"],
  [2001, 2, 2, "Aadorp O", "Aadorp Oost", "Aadorp"],
  // Schelfhorst
  [1800, 4, 0, "Schf.ZW", "Schelfhorst Zuidwest", "Schelfhorst"],
  [1801, 5, 0, "Drakenst", "Drakensteyn en omgeving", "Schelfhorst"],
  [1802, 3, 1, "Schf.NW", "Schelfhorst Noordwest", "Schelfhorst"],
  [1803, 4, 1, "Havezat.", "Havezathe", "Schelfhorst"],
  [1804, 5, 1, "Schf.NO", "Schelfhorst Noordoost", "Schelfhorst"],
  [1805, 4, 2, "Schf.ZO", "Schelfhorst Zuidoost", "Schelfhorst"],
  [1806, 5, 2, "Veenela.", "Veenelanden", "Schelfhorst"],
  // Sluitersveld
  [1300, 6, 0, "Ootmars.", "Ootmarsumsestraat en omgeving", "Sluitersveld"],
  [1301, 7, 0, "Markgra.", "Markgraven", "Sluitersveld"],
  [1302, 6, 1, "Rumersl.", "Rumerslanden", "Sluitersveld"],
  [1303, 7, 1, "Wester S", "Wester Sluitersveldlanden", "Sluitersveld"],
  [1304, 8, 1, "Robbenh.", "Robbenhaarsweg Noord", "Sluitersveld"],
  [1305, 6, 2, "Mooie Vr", "Mooie Vrouwenweg en omgeving", "Sluitersveld"],
  [1309, 7, 2, "Versp.13", "Verspreide huizen wijk 13", "Sluitersveld"],
  // Wierdense Hoek
  [1400, 0, 3, "Rohof", "Rohof en omgeving", "Wierdense Hoek"],
  [1401, 1, 3, "Wierd.br", "Wierdensebrug en omgeving", "Wierdense Hoek"],
  [1402, 2, 3, "Kerkela.", "Kerkelanden", "Wierdense Hoek"],
  [1403, 0, 4, "Aald.NO", "Aalderinkshoek Noordoost", "Wierdense Hoek"],
  [1404, 1, 4, "Aald.ZO", "Aalderinkshoek Zuidoost", "Wierdense Hoek"],
  [1405, 2, 4, "Aald.NW", "Aalderinkshoek Noordwest", "Wierdense Hoek"],
  [1406, 0, 5, "Aald.ZW", "Aalderinkshoek Zuidwest", "Wierdense Hoek"],
  [1409, 1, 5, "Versp.14", "Verspreide huizen wijk 14", "Wierdense Hoek"],
  // Nieuwstraat-Kwartier
  [1500, 3, 3, "Nieuwstr", "Nieuwstraat -Witvoet en omgeving", "Nieuwstraat-Kwartier"],
  [1501, 3, 4, "Wonde", "Wonde en omgeving", "Nieuwstraat-Kwartier"],
  [1502, 3, 5, "Achterl.", "Achterlanden en omgeving", "Nieuwstraat-Kwartier"],
  // Binnenstad
  [1000, 4, 3, "Binnen.N", "Binnenstad Noord", "Binnenstad"],
  [1001, 5, 3, "Binnen.Z", "Binnenstad Zuid", "Binnenstad"],
  [1002, 4, 4, "Ulk", "Ulk en omgeving", "Binnenstad"],
  [1003, 5, 4, "Java", "Java en omgeving", "Binnenstad"],
  // Hofkamp
  [1700, 6, 3, "Hofk.W", "Hofkamp West", "Hofkamp"],
  [1701, 7, 3, "Hofk.O", "Hofkamp Oost", "Hofkamp"],
  [1702, 8, 3, "Paradijs", "Paradijs", "Hofkamp"],
  [1703, 6, 4, "Kollenv.", "Kollenveld", "Hofkamp"],
  [1709, 7, 4, "Versp.17", "Verspreide huizen wijk 17", "Hofkamp"],
  // Ossenkoppelerhoek
  [1600, 2, 5, "Boompla.", "Boomplaats", "Ossenkoppelerhoek"],
  [1601, 1, 6, "Ossk.O", "Ossenkoppelerhoek Oost", "Ossenkoppelerhoek"],
  [1602, 2, 6, "Beeklust", "Beeklust", "Ossenkoppelerhoek"],
  [1603, 3, 6, "Ossk.MN", "Ossenkoppelerhoek Midden Noord", "Ossenkoppelerhoek"],
  [1604, 4, 6, "Ossk.W", "Ossenkoppelerhoek West", "Ossenkoppelerhoek"],
  [1605, 4, 5, "Ossk.MZ", "Ossenkoppelerhoek Midden Zuid", "Ossenkoppelerhoek"],
  // De Riet
  [1100, 5, 5, "Borns.MN", "Bornsestraat Midden-Riet Noord", "De Riet"],
  [1101, 6, 5, "Borns.Z", "Bornsestraat en omgeving Zuid", "De Riet"],
  [1102, 7, 5, "Arendb.N", "Arendsboer en omgeving Noord", "De Riet"],
  [1103, 8, 5, "Nieuwla.", "Nieuwland", "De Riet"],
  [1104, 5, 6, "Arendb.Z", "Arendsboer en omgeving Zuid-Riet Zuid", "De Riet"],
  [1105, 6, 6, "Bedr.Bor", "Bedrijventerrein Bornsestraat", "De Riet"],
  [1109, 7, 6, "Versp.11", "Verspreide huizen wijk 11", "De Riet"],
  // Windmolenbroek
  [1900, 0, 7, "Groenev.", "Groeneveld", "Windmolenbroek"],
  [1901, 1, 7, "Kanaalz.", "Kanaalzijde", "Windmolenbroek"],
  [1902, 2, 7, "Leeml.N", "Leemslagen Noord", "Windmolenbroek"],
  [1903, 3, 7, "Leeml.Z", "Leemslagen Zuid", "Windmolenbroek"],
  [1904, 4, 7, "7 Bosjes", "Zeven Bosjes", "Windmolenbroek"],
  [1905, 5, 7, "Leeml.O", "Leemslagen Oost", "Windmolenbroek"],
  [1906, 6, 7, "Huttenv.", "Huttenveld", "Windmolenbroek"],
  [1907, 1, 8, "Maardijk", "Maardijk", "Windmolenbroek"],
  [1908, 2, 8, "Twentep.", "Bedrijventerrein Twentepoort - Stadion", "Windmolenbroek"],
  [1909, 3, 8, "Nijrees", "Nijrees", "Windmolenbroek"],
  [1910, 4, 8, "XL Bus.", "Bedrijventerrein XL Businesspark", "Windmolenbroek"],
  [1920, 5, 8, "Versp.19", "Verspreide huizen wijk 19", "Windmolenbroek"],
  // Bornerbroek
  [2100, 3, 9, "Bornerbr", "Bornerbroek Kern", "Bornerbroek"],
  [2109, 4, 9, "Versp.21", "Verspreide huizen wijk 21", "Bornerbroek"],
];

/** Tile-grid layout of Almelo's 71 buurten in their 12 wijken (north at the top). */
export const ALMELO_LAYOUT: CartogramLayout = {
  id: "almelo",
  tiles: ALMELO_TILES.map(
    ([stadtteil, col, row, label, name, bezirk]): CartogramTile => ({ stadtteil, col, row, label, name, bezirk }),
  ),
};
