import { describe, expect, it } from "vitest";
import { breakReading, gapReading, readingAid } from "./readingAid.ts";

const NBSP = "\u00a0";

describe("the reading-aid sentence", () => {
  it("describes a rising share with first and last year", () => {
    const sentence = readingAid({
      unit: "%",
      points: [
        { year: 2013, value: 21.5 },
        { year: 2019, value: 24.0 },
        { year: 2025, value: 27.3 },
      ],
    });
    expect(sentence).toBe(`Der Anteil stieg von 2013 bis 2025 von 21,5${NBSP}% auf 27,3${NBSP}%.`);
  });

  it("describes a falling share and sorts the years first", () => {
    const sentence = readingAid({
      unit: "%",
      points: [
        { year: 2025, value: 8.1 },
        { year: 2013, value: 12.25 },
      ],
    });
    expect(sentence).toBe(`Der Anteil sank von 2013 bis 2025 von 12,3${NBSP}% auf 8,1${NBSP}%.`);
  });

  it("names a peak inside the series that the first and last year hide", () => {
    // Zuzüge: 156 ‰ (2013), 267 ‰ (2015), 115 ‰ (2025): "sank 156 → 115" alone hides 2015.
    const sentence = readingAid({
      unit: "‰",
      points: [
        { year: 2013, value: 156 },
        { year: 2015, value: 267 },
        { year: 2020, value: 130 },
        { year: 2025, value: 115 },
      ],
    });
    expect(sentence).toBe(
      `Die Quote sank von 2013 bis 2025 von 156,0${NBSP}‰ auf 115,0${NBSP}‰. Den höchsten Wert gab es 2015 mit 267,0${NBSP}‰.`,
    );
  });

  it("names a low inside, and no extreme that only equals an end", () => {
    const low = readingAid({
      unit: "%",
      points: [
        { year: 2020, value: 10 },
        { year: 2021, value: 7 },
        { year: 2022, value: 11 },
      ],
    });
    expect(low).toBe(
      `Der Anteil stieg von 2020 bis 2022 von 10,0${NBSP}% auf 11,0${NBSP}%. Den niedrigsten Wert gab es 2021 mit 7,0${NBSP}%.`,
    );
    const flat = readingAid({
      unit: "%",
      points: [
        { year: 2020, value: 10 },
        { year: 2021, value: 11 },
        { year: 2022, value: 11 },
      ],
    });
    expect(flat).not.toContain("höchsten");
  });

  it("never calls a series unchanged across years that are secret", () => {
    const sentence = readingAid({
      unit: "‰",
      points: [
        { year: 2013, value: 0 },
        { year: 2014, value: null, status: "suppressed" },
        { year: 2015, value: null, status: "suppressed" },
        { year: 2016, value: 0 },
      ],
    });
    expect(sentence).not.toContain("unverändert");
    expect(sentence).toMatch(/^Die Quote lag 2013 wie 2016 bei 0,0.‰; nicht jedes Jahr dazwischen ist bekannt\./);
  });

  it("calls a change that disappears at one decimal unchanged", () => {
    const sentence = readingAid({
      unit: "%",
      points: [
        { year: 2020, value: 10.01 },
        { year: 2024, value: 9.99 },
      ],
    });
    expect(sentence).toBe(`Der Anteil blieb von 2020 bis 2024 unverändert bei 10,0${NBSP}%.`);
  });

  it("names missing years instead of skipping them silently", () => {
    const sentence = readingAid({
      unit: "%",
      points: [
        { year: 2013, value: 21.5 },
        { year: 2014, value: null },
        { year: 2015, value: 23 },
        { year: 2016, value: null },
      ],
    });
    expect(sentence).toBe(
      `Der Anteil stieg von 2013 bis 2015 von 21,5${NBSP}% auf 23,0${NBSP}%. Für 2014 und 2016 liegen keine Werte vor.`,
    );
  });

  it("calls suppressed years secret, not missing, and keeps them apart from years without a value", () => {
    const sentence = readingAid({
      unit: "%",
      points: [
        { year: 2013, value: 21.5, status: "ok" },
        { year: 2014, value: null, status: "suppressed" },
        { year: 2015, value: null, status: "missing" },
        { year: 2016, value: null, status: "withheld" },
        { year: 2017, value: 23, status: "ok" },
      ],
    });
    expect(sentence).toBe(
      `Der Anteil stieg von 2013 bis 2017 von 21,5${NBSP}% auf 23,0${NBSP}%. ` +
        "Die Werte für 2014 und 2016 sind aus Gründen der Geheimhaltung nicht veröffentlicht. Für 2015 liegt kein Wert vor.",
    );
    expect(
      readingAid({
        unit: "%",
        points: [
          { year: 2024, value: null, status: "suppressed" },
          { year: 2025, value: 3.2, status: "ok" },
        ],
      }),
    ).toBe(
      `Der Anteil lag 2025 bei 3,2${NBSP}%. Der Wert für 2024 ist aus Gründen der Geheimhaltung nicht veröffentlicht.`,
    );
  });

  it("says that all values are secret rather than that there are none when nothing is published for secrecy", () => {
    expect(
      readingAid({
        unit: "%",
        points: [
          { year: 2024, value: null, status: "suppressed" },
          { year: 2025, value: null, status: "suppressed" },
        ],
      }),
    ).toBe("Die Werte für 2024 und 2025 sind aus Gründen der Geheimhaltung nicht veröffentlicht.");
  });

  it("counts a value shown to analysts despite secrecy as known", () => {
    expect(readingAid({ unit: "%", points: [{ year: 2025, value: 3.2, status: "suppressed" }] })).toBe(
      `Der Anteil lag 2025 bei 3,2${NBSP}%.`,
    );
  });

  it("says so when a single value or no value is known", () => {
    expect(
      readingAid({
        unit: "‰",
        points: [
          { year: 2025, value: 3.2 },
          { year: 2024, value: null },
        ],
      }),
    ).toBe(`Die Quote lag 2025 bei 3,2${NBSP}‰. Für 2024 liegt kein Wert vor.`);
    expect(readingAid({ unit: "%", points: [{ year: 2025, value: null }] })).toBe(
      "Für diese Auswahl liegen keine Werte vor.",
    );
    expect(readingAid({ unit: "%", points: [] })).toBe("Für diese Auswahl liegen keine Werte vor.");
  });

  it("prefixes the group when the sentence is about one comparison group", () => {
    const sentence = readingAid({
      unit: "%",
      group: "mit Migrationsvorgeschichte",
      points: [
        { year: 2013, value: 30 },
        { year: 2025, value: 35.5 },
      ],
    });
    expect(sentence).toBe(
      `mit Migrationsvorgeschichte: Der Anteil stieg von 2013 bis 2025 von 30,0${NBSP}% auf 35,5${NBSP}%.`,
    );
  });

  it("describes whether the gap between the groups closed or widened", () => {
    expect(
      gapReading({
        unit: "%",
        points: [
          { year: 2013, value: -9.1 },
          { year: 2025, value: -6 },
        ],
      }),
    ).toBe("Der Abstand zwischen den Gruppen verringerte sich von 2013 bis 2025 von 9,1 auf 6,0 Prozentpunkte.");
    expect(
      gapReading({
        unit: "%",
        points: [
          { year: 2013, value: 4 },
          { year: 2025, value: 5 },
        ],
      }),
    ).toBe("Der Abstand zwischen den Gruppen vergrößerte sich von 2013 bis 2025 von 4,0 auf 5,0 Prozentpunkte.");
    expect(gapReading({ unit: "%", points: [{ year: 2025, value: 5 }] })).toBeNull();
  });
});

describe("breakReading", () => {
  it("names a series break inside the shown years and none outside them", () => {
    expect(breakReading([2024], [2013, 2020, 2025])).toBe(
      "Zeitreihenbruch 2024: Werte ab 2024 sind mit den Jahren davor nur eingeschränkt vergleichbar.",
    );
    expect(breakReading([2011], [2013, 2025])).toBeNull();
    expect(breakReading([2013], [2013, 2025])).toBeNull();
    expect(breakReading([2016, 2024], [2013, 2025])).toContain("2016 und 2024");
    expect(breakReading([2024], [2025])).toBeNull();
  });
});
