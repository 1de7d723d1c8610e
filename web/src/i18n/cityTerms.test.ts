import { afterEach, describe, expect, it } from "vitest";
import { cityTerms, setCityLevels } from "./cityTerms.ts";

const almelo = {
  district: { de: ["Buurt", "Buurten", "die"], nl: ["buurt", "buurten"], en: ["neighbourhood", "neighbourhoods"] },
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
    expect(apply("de", "Stadtteilvergleich: den Stadtteilen im Stadtbezirk, Stadtteile")).toBe(
      "Buurtvergleich: den Buurten im Wijk, Buurten",
    );
    expect(apply("de", "alle Stadtbezirke und die Stadtteilebene")).toBe("alle Wijken und die Buurtebene");
  });

  it("puts the articles and adjectives of a feminine level word (die Buurt) in its gender, case by case", () => {
    setCityLevels(almelo);
    const cases: [string, string][] = [
      ["Damit gehört der Stadtteil zu den Gebieten", "Damit gehört die Buurt zu den Gebieten"],
      ["Wählen Sie einen Stadtteil für seine Werte", "Wählen Sie eine Buurt für seine Werte"],
      ["Für jeden Stadtteil die Zeitreihe", "Für jede Buurt die Zeitreihe"],
      ["Für diesen Stadtteil liegen noch keine Werte vor", "Für diese Buurt liegen noch keine Werte vor"],
      ["Kein Stadtteil erfüllt", "Keine Buurt erfüllt"],
      ["– kein zweiter Stadtteil –", "– keine zweite Buurt –"],
      ["Anderer Stadtteil", "Andere Buurt"],
      ["den Wert jedes Stadtteils im gewählten Jahr", "den Wert jeder Buurt im gewählten Jahr"],
      ["Name des Stadtteils", "Name der Buurt"],
      ["im Stadtteil und zum Stadtteil", "in der Buurt und zur Buurt"],
      ["den gewählten Stadtteil, dem gewählten Stadtteil", "die gewählte Buurt, der gewählten Buurt"],
      // No article to change: "je", a number, a compound, a plural, and the masculine Wijk.
      ["Entwicklung je Stadtteil: Stadtteil 1000", "Entwicklung je Buurt: Buurt 1000"],
      ["der Stadtteil-Steckbrief, der Stadtteilvergleich", "der Buurt-Steckbrief, der Buurtvergleich"],
      ["der Stadtteile im Stadtbezirk; jeder Stadtbezirk", "der Buurten im Wijk; jeder Wijk"],
    ];
    for (const [german, almelos] of cases) expect(apply("de", german)).toBe(almelos);
  });

  it("leaves every German text alone where the level words are masculine like the dictionary's", () => {
    setCityLevels({ ...almelo, district: { ...almelo.district, de: ["Ortsteil", "Ortsteile"] } });
    expect(apply("de", "Wählen Sie einen Stadtteil, des Stadtteils")).toBe("Wählen Sie einen Ortsteil, des Ortsteils");
  });
});
