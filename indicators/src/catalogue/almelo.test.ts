import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import type { CatalogueInput } from "./schema.ts";
import { mergeTranslations } from "./translations.ts";
import { parseCatalogue, validateCatalogue } from "./validate.ts";

const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../catalogue/${name}`, import.meta.url), "utf8")) as CatalogueInput;
const almeloFile = read("almelo.json");
// The texts in Dutch and English live beside the catalogue (see translations.ts).
const almeloRaw = mergeTranslations(almeloFile, read("almelo.translations.json")).merged as CatalogueInput;
const muensterRaw = read("catalogue.json");

describe("Almelo's catalogue (indicators/catalogue/almelo.json)", () => {
  const { catalogue, problems } = validateCatalogue(almeloRaw, profiles);

  it("passes the same validation as the default catalogue, against the Dutch profiles", () => {
    expect(problems).toEqual([]);
    expect(catalogue).not.toBeNull();
  });

  it("reads only the Dutch (nl_) profiles", () => {
    const used = JSON.stringify(almeloRaw.indicators).match(/"profile":"[a-z_]+"/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((u) => u.includes('"nl_'))).toBe(true);
  });

  it("keeps it small: between 10 and 20 indicators", () => {
    expect(catalogue?.indicators.length).toBeGreaterThanOrEqual(10);
    expect(catalogue?.indicators.length).toBeLessThanOrEqual(20);
  });

  it("states the comparability of every indicator that shares its id with a Münster indicator", () => {
    const muensterIds = new Set(parseCatalogue(muensterRaw, profiles).indicators.map((i) => i.id));
    const shared = (catalogue?.indicators ?? []).filter((i) => muensterIds.has(i.id));
    expect(shared.map((i) => i.id).sort()).toEqual(
      [
        "abgang_ohne_abschluss",
        "anteil_mv",
        "anteil_mv_u18",
        "arbeitslosenanteil_st",
        "beschaeftigungsquote",
        "integrationskurs_b1",
        "jugendarbeitslosigkeit",
        "sgb2_15_64_st",
        "uebergang_gymnasium",
      ].sort(),
    );
    for (const indicator of shared) {
      expect(indicator.comparability, indicator.id).toBeDefined();
      expect(indicator.comparability?.note.length, indicator.id).toBeGreaterThan(40);
      expect(indicator.comparability?.level, indicator.id).not.toBe("vergleichbar");
    }
  });

  it("writes down the three Dutch adaptations: herkomst (2022), inburgering, bijstand", () => {
    const note = (id: string) => catalogue?.indicators.find((i) => i.id === id)?.comparability?.note ?? "";
    expect(note("anteil_mv")).toMatch(/herkomst.*2022/);
    expect(note("integrationskurs_b1")).toMatch(/Inburgering statt Integrationskurs/);
    expect(note("sgb2_15_64_st")).toMatch(/Bijstand.*statt SGB II/);
  });

  it("gives every indicator a Dutch title and definition", () => {
    for (const indicator of catalogue?.indicators ?? []) {
      expect(indicator.translations?.nl?.title, indicator.id).toMatch(/\S/);
      expect(indicator.translations?.nl?.definition, indicator.id).toMatch(/\S/);
    }
  });
});

describe("the comparability and translations fields", () => {
  it("are optional: the Münster catalogue stays valid without them", () => {
    expect(muensterRaw.indicators.some((i) => "comparability" in i)).toBe(false);
    expect(validateCatalogue(muensterRaw, profiles).problems).toEqual([]);
  });

  it("reject an unknown comparability level and an unknown language, with the path", () => {
    const broken = structuredClone(almeloRaw);
    Object.assign(broken.indicators[0], {
      comparability: { level: "teilweise", note: "x" },
      translations: { fr: { title: "Population" } },
    });
    const paths = validateCatalogue(broken, profiles).problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths.some((p) => p.startsWith("indicators[0].comparability.level") && p.includes("eingeschraenkt"))).toBe(
      true,
    );
    expect(paths.some((p) => p.startsWith("indicators[0].translations"))).toBe(true);
  });
});
