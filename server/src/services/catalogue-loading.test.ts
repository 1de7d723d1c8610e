import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CatalogueError } from "@im/indicators";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../testing/app.ts";
import { parseCatalogueText, readCatalogue } from "./catalogue-loading.ts";

const shipped = (name: string) => join(import.meta.dirname, "../../../indicators/catalogue", name);
let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

describe("a catalogue with its translations file", () => {
  it("reads the Dutch and English texts from beside the catalogue, and hashes the catalogue file alone", () => {
    const path = join(temp.dir, "almelo.json");
    copyFileSync(shipped("almelo.json"), path);
    const german = readCatalogue(path);
    copyFileSync(shipped("almelo.translations.json"), join(temp.dir, "almelo.translations.json"));
    const translated = readCatalogue(path);

    const anteil = (loaded: typeof german) => loaded.catalogue.indicators.find((i) => i.id === "anteil_mv");
    expect(anteil(german)?.translations).toBeUndefined();
    expect(anteil(translated)?.translations?.nl?.title).toBe("Inwoners met een niet-Nederlandse herkomst");
    // Translating changes no result, so the stored results stay current (results.ts compares this hash).
    const fileHash = createHash("sha256").update(readFileSync(path)).digest("hex");
    expect(translated.sha256).toBe(fileHash);
    expect(german.sha256).toBe(fileHash);
  });

  it("stops with every problem of a broken translations file, named by its place", () => {
    const path = join(temp.dir, "almelo.json");
    copyFileSync(shipped("almelo.json"), path);
    writeFileSync(
      join(temp.dir, "almelo.translations.json"),
      JSON.stringify({ nl: { indicators: { gibt_es_nicht: { title: "Niets" } }, fields: { GD: "" } } }),
    );
    let error: unknown;
    try {
      readCatalogue(path);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as CatalogueError).problems.map((p) => p.path).sort()).toEqual([
      "translations.nl.fields.GD",
      "translations.nl.indicators.gibt_es_nicht",
    ]);
  });

  it("gives a release's frozen catalogue today's translations, as far as they fit", () => {
    const file = JSON.parse(readFileSync(shipped("almelo.json"), "utf8"));
    // Frozen before ww_anteil was added: today's translations name it, the frozen copy does not have it.
    const frozen = JSON.stringify({
      ...file,
      indicators: file.indicators.filter((i: { id: string }) => i.id !== "ww_anteil"),
    });
    const translations = readFileSync(shipped("almelo.translations.json"), "utf8");
    expect(() => parseCatalogueText(frozen, "Veröffentlichung 1", translations)).toThrow(CatalogueError);
    const loaded = parseCatalogueText(frozen, "Veröffentlichung 1", translations, { lenient: true });
    expect(loaded.meta.get("sgb2_15_64_st")?.translations?.en?.title).toBe(
      "Social assistance recipients aged 15 to 64 (Participation Act)",
    );
    expect(loaded.meta.has("ww_anteil")).toBe(false);
  });
});
