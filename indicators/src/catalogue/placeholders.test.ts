import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { readDefaultCatalogue } from "../engine/test-helpers.ts";
import { indicatorMeta } from "./describe.ts";
import type { CatalogueInput } from "./schema.ts";
import { parseCatalogue, validateCatalogue } from "./validate.ts";

const raw = readDefaultCatalogue() as CatalogueInput;

describe("placeholder notes in the catalogue", () => {
  it("are never published: the shipped catalogue's example series breaks stay out of every indicator's metadata", () => {
    const catalogue = parseCatalogue(raw, profiles);
    const published = catalogue.indicators.flatMap((i) => indicatorMeta(catalogue, i).seriesBreaks);
    expect(published.filter((b) => /Beispiel/.test(b.note))).toEqual([]);
    const flagged = catalogue.indicators.flatMap((i) => i.seriesBreaks.filter((b) => b.placeholder));
    expect(flagged.length).toBe(8);
  });

  it("must be marked: an unmarked 'Beispiel:' note is a problem of the catalogue", () => {
    const broken = structuredClone(raw);
    const zuzuege = broken.indicators.find((i) => (i as { id: string }).id === "zuzuege_ausland") as {
      seriesBreaks: { year: number; note: string; placeholder?: boolean }[];
    };
    delete zuzuege.seriesBreaks[0].placeholder;
    const { problems } = validateCatalogue(broken, profiles);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(
      /sieht nach einem Platzhalter aus: recherchieren oder mit "placeholder": true markieren/,
    );
  });
});
