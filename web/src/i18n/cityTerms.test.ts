import { afterEach, describe, expect, it } from "vitest";
import { cityTerms, setCityLevels } from "./cityTerms.ts";

const almelo = {
  district: { de: ["Buurt", "Buurten"], nl: ["buurt", "buurten"], en: ["neighbourhood", "neighbourhoods"] },
  parent: { de: ["Wijk", "Wijken"], nl: ["wijk", "wijken"], en: ["district", "districts"] },
} as const;
const apply = (language: string, text: string) => cityTerms.process(text, "", {}, { language } as never) as string;

afterEach(() => setCityLevels(null));

describe("the city's names for its area levels", () => {
  it("leaves the texts alone for a city named like the dictionaries (Münster)", () => {
    expect(apply("de", "Stadtteilvergleich der Stadtteile")).toBe("Stadtteilvergleich der Stadtteile");
  });

  it("puts Almelo's buurten and wijken in one pass, so wijk → buurt and stadsdeel → wijk never chain", () => {
    setCityLevels(almelo);
    expect(apply("nl", "Wijkvergelijking: alle wijken van stadsdeel Noord, wijkenlijst")).toBe(
      "Buurtvergelijking: alle buurten van wijk Noord, buurtenlijst",
    );
    expect(apply("nl", "Stadsdelen en hun wijken; afwijking")).toBe("Wijken en hun buurten; afwijking");
    expect(apply("en", "Districts of borough Centre and district profile")).toBe(
      "Neighbourhoods of district Centre and neighbourhood profile",
    );
  });

  it("keeps German compounds and inflections whole", () => {
    setCityLevels(almelo);
    expect(apply("de", "Stadtteilvergleich: den Stadtteilen im Stadtbezirk, des Stadtteils, Stadtteile")).toBe(
      "Buurtvergleich: den Buurten im Wijk, des Buurts, Buurten",
    );
    expect(apply("de", "alle Stadtbezirke und die Stadtteilebene")).toBe("alle Wijken und die Buurtebene");
  });
});
