import { describe, expect, it } from "vitest";
import { SECONDARY } from "./disclosure.ts";
import { localDisclosure, shareDisclosure } from "./local.ts";

/*
 * Six Stadtteile in two Bezirke (X = A, B, C; Y = D, E, F), minors with (mit) and without (ohne) migration
 * history:
 *
 *   unit  mit  ohne  population
 *   A       2    98   100   mit = 2 < 3                      → location quotient "mit" primary
 *   B      40    60   100
 *   C      10    90   100
 *   D       5     4     9   population 9 < 10                → every local value primary
 *   E      30    70   100
 *   F       0    50    50   0 identifies nobody: published
 *
 * Relations (a lone hidden member could be recomputed): each unit (mit + ohne = population) and, per area
 * and group, Σ population · LQ = area population (areas: city A–F, X, Y). Worked through in order:
 *   unit A: only A.mit hidden → A.ohne (the one published member)
 *   X, mit: only A.mit → B.mit and C.mit would each open their unit's relation; tie → smaller count: C.mit (10)
 *   X, ohne: only A.ohne → C.ohne opens nothing (unit C already has C.mit), B.ohne would → C.ohne
 *   Y, mit: only D.mit → E.mit and F.mit open one each; counts before empty groups → E.mit (30, not F's 0)
 *   Y, ohne: only D.ohne → E.ohne opens nothing → E.ohne
 *   city, mit: A, C, D, E hidden; city, ohne: A, C, D, E hidden — every relation has 0 or ≥ 2 hidden: done.
 * B and F keep all their values; the entropy goes with any hidden quotient of its unit.
 */
const input = {
  groups: ["mit", "ohne"],
  units: [
    { unit: "A", counts: { mit: 2, ohne: 98 } },
    { unit: "B", counts: { mit: 40, ohne: 60 } },
    { unit: "C", counts: { mit: 10, ohne: 90 } },
    { unit: "D", counts: { mit: 5, ohne: 4 } },
    { unit: "E", counts: { mit: 30, ohne: 70 } },
    { unit: "F", counts: { mit: 0, ohne: 50 } },
  ],
  areas: [
    { area: "stadt", units: ["A", "B", "C", "D", "E", "F"] },
    { area: "bezirk:X", units: ["A", "B", "C"] },
    { area: "bezirk:Y", units: ["D", "E", "F"] },
  ],
};
const ENTROPY = "Geheimhaltung: aus der lokalen Entropie ließe sich eine gesperrte Gruppengröße errechnen";

describe("localDisclosure", () => {
  const result = localDisclosure(input);

  it("hides small counts and small units (primary) and one partner per lone hidden value (secondary)", () => {
    expect(Object.fromEntries(result)).toEqual({
      A: {
        "location_quotients.mit": "Geheimhaltung: Fallzahl unter 3 (Gruppe „mit“)",
        "location_quotients.ohne": SECONDARY,
        local_entropy: ENTROPY,
      },
      C: { "location_quotients.mit": SECONDARY, "location_quotients.ohne": SECONDARY, local_entropy: ENTROPY },
      D: {
        "location_quotients.mit": "Geheimhaltung: Bezugsgröße unter 10",
        "location_quotients.ohne": "Geheimhaltung: Bezugsgröße unter 10",
        local_entropy: "Geheimhaltung: Bezugsgröße unter 10",
      },
      E: { "location_quotients.mit": SECONDARY, "location_quotients.ohne": SECONDARY, local_entropy: ENTROPY },
    });
  });

  it("leaves no relation with exactly one hidden member", () => {
    const hidden = (unit: string, group: string) => `location_quotients.${group}` in (result.get(unit) ?? {});
    for (const u of input.units) expect(input.groups.filter((g) => hidden(u.unit, g)).length).not.toBe(1);
    for (const area of input.areas) {
      for (const g of input.groups) expect(area.units.filter((u) => hidden(u, g)).length).not.toBe(1);
    }
  });

  it("publishes everything when no count is small", () => {
    const big = { ...input, units: input.units.map((u) => ({ unit: u.unit, counts: { mit: 50, ohne: 50 } })) };
    expect(localDisclosure(big).size).toBe(0);
  });
});

describe("shareDisclosure", () => {
  it("withholds an area share when a part is 1 or 2 or the total is under 10", () => {
    expect(shareDisclosure([2, 248])).toBe("Geheimhaltung: Fallzahl unter 3");
    expect(shareDisclosure([248, 1])).toBe("Geheimhaltung: Fallzahl unter 3");
    expect(shareDisclosure([4, 5])).toBe("Geheimhaltung: Bezugsgröße unter 10");
    expect(shareDisclosure([0, 250])).toBeNull();
    expect(shareDisclosure([3, 247])).toBeNull();
  });
});
