import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import type { CatalogueInput } from "../catalogue/schema.ts";
import { validateCatalogue } from "../catalogue/validate.ts";
import { readDefaultCatalogue } from "../engine/test-helpers.ts";

const withGoals = (goals: unknown[]): CatalogueInput =>
  ({ ...structuredClone(readDefaultCatalogue() as CatalogueInput), goals }) as CatalogueInput;

describe("goals in the catalogue", () => {
  it("ships clearly marked example goals that pass the check", () => {
    const { catalogue, problems } = validateCatalogue(readDefaultCatalogue(), profiles);
    expect(problems).toEqual([]);
    expect(catalogue?.goals.length).toBeGreaterThan(0);
    for (const goal of catalogue?.goals ?? []) expect(goal.example).toBe(true);
  });

  it("works without goals", () => {
    const raw = structuredClone(readDefaultCatalogue()) as CatalogueInput & { goals?: unknown };
    delete raw.goals;
    const { catalogue, problems } = validateCatalogue(raw, profiles);
    expect(problems).toEqual([]);
    expect(catalogue?.goals).toEqual([]);
  });

  it("reports every problem of a goal at once, in German", () => {
    const { catalogue, problems } = validateCatalogue(
      withGoals([
        {
          id: "kaputt",
          field: "XX",
          title: "Ein Ziel",
          measures: [
            { indicator: "gibt_es_nicht", direction: "rise" },
            { indicator: "anteil_mv", direction: "close_gap" },
            { indicator: "kita_quote_u3_mh", direction: "rise", baseYear: 2020, target: { value: 120, year: 2019 } },
          ],
        },
        { id: "kaputt", field: "BS", title: "Doppelt", measures: [{ indicator: "anteil_mv", direction: "sideways" }] },
      ]),
      profiles,
    );
    expect(catalogue).toBeNull();
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "goals[0].field",
        "goals[0].measures[0].indicator",
        "goals[0].measures[1].direction",
        "goals[0].measures[2].target.year",
        "goals[0].measures[2].target.value",
        "goals[1].measures[0].direction",
      ]),
    );
    const text = problems.map((p) => `${p.path}: ${p.message}`).join("\n");
    expect(text).toContain(
      "goals[0].measures[0].indicator: Ziel „kaputt“: Indikator „gibt_es_nicht“ gibt es im Katalog nicht.",
    );
    expect(text).toContain(
      "„close_gap“ braucht einen Indikator mit Vergleichsgruppen; „anteil_mv“ hat keinen Vergleich",
    );
    expect(text).toContain("das Zieljahr 2019 muss nach dem Basisjahr 2020 liegen.");
    expect(text).toContain("ein Anteil in % kann nicht über 100 liegen (120).");
    expect(text).toContain("muss „rise“, „fall“ oder „close_gap“ sein");
  });
});
