import { describe, expect, it } from "vitest";
import { plainAttribution } from "./attribution.ts";

const MUENSTER =
  'Datenquelle: Stadt Münster (Open-Data-Portal opendata.stadt-muenster.de, Datensatz "Geokoordinaten der Stadtteil-Grenzen / Geometriedaten der kleinräumigen Gebietsgliederung", Stand 2022-01-03), Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (https://www.govdata.de/dl-de/by-2-0). Verändert: Koordinaten auf 5 Nachkommastellen gerundet, Attribute umbenannt (code, name, bezirk), Ringe gegen den Uhrzeigersinn orientiert.';

describe("plainAttribution", () => {
  it("reads provider, date, licence, link and the change note from Münster's notice", () => {
    expect(plainAttribution(MUENSTER)).toEqual({
      provider: "Stadt Münster",
      date: "03.01.2022",
      licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0",
      url: "https://www.govdata.de/dl-de/by-2-0",
      changed: true,
    });
  });

  it("reads a short notice without date or link", () => {
    expect(plainAttribution("Geodaten: © Stadt Almelo; Lizenz: CC BY 4.0")).toEqual({
      provider: "Stadt Almelo",
      date: undefined,
      licence: "CC BY 4.0",
      url: undefined,
      changed: false,
    });
  });

  it("gives null for a notice that names no source, which is then shown as it is", () => {
    expect(plainAttribution("Testgeometrie einer erfundenen Stadt, frei verwendbar")).toBeNull();
  });
});
