import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import { resolveCity } from "../cities.ts";
import { tempDir } from "../testing/app.ts";
import { run as initCity, slugOf } from "./init-city.ts";

let temp: ReturnType<typeof tempDir>;
let out: string;
let err: string;
beforeEach(() => {
  temp = tempDir();
  out = "";
  err = "";
  vi.spyOn(console, "log").mockImplementation((...a) => {
    out += `${a.join(" ")}\n`;
  });
  vi.spyOn(console, "error").mockImplementation((...a) => {
    err += `${a.join(" ")}\n`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.remove();
});

const square = (x: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 0],
    ],
  ],
});
function boundaries(features: { code: string; name: string }[]): string {
  const path = join(temp.dir, "grenzen.geojson");
  writeFileSync(
    path,
    JSON.stringify({
      type: "FeatureCollection",
      features: features.map((p, i) => ({ type: "Feature", properties: p, geometry: square(i) })),
    }),
  );
  return path;
}

describe("monitor init-city", () => {
  it("writes a city file with paths relative to it, a catalogue copy to adapt, and finds no problem", async () => {
    const districts = join(temp.dir, "buurten.csv");
    writeFileSync(
      districts,
      "Nummer;Name;Stadtbezirk\n1000;Binnenstad Noord;Binnenstad\n1001;Binnenstad Zuid;Binnenstad\n",
    );
    const map = boundaries([
      { code: "1000", name: "Binnenstad Noord" },
      { code: "1001", name: "Binnenstad Zuid" },
    ]);
    const args = ["--name", "Almelo Test", "--districts", districts, "--language", "nl", "--boundaries", map];
    expect(await initCity([...args, "--out", join(temp.dir, "stad")])).toBe(0);
    const file = join(temp.dir, "stad", "almelo-test.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      slug: "almelo-test",
      language: "nl",
      districts: "../buurten.csv",
      catalogue: "katalog.json",
      boundaries: "../grenzen.geojson",
    });
    expect(out).toContain(`${file}: keine Probleme. Starten mit: MONITOR_CITY=${file} npm start`);
    expect(resolveCity(file, temp.dir)).toMatchObject({ name: "Almelo Test", districtsPath: districts });
  });

  it("lists every problem at once: a broken district line, a broken catalogue and a map of the wrong level", async () => {
    const districts = join(temp.dir, "buurten.csv");
    writeFileSync(
      districts,
      "Nummer;Name;Stadtbezirk\n1000;Binnenstad Noord;Binnenstad\nzehn;Ulk;Binnenstad\n1100;Nieuwland;De Riet\n",
    );
    const catalogue = join(temp.dir, "katalog.json");
    writeFileSync(catalogue, JSON.stringify({ version: "1", title: "x", fields: [], indicators: [{ id: "a" }] }));
    // Wijk outlines where the map needs buurten: their names are those of the parent level.
    const map = boundaries([
      { code: "WK014110", name: "Binnenstad" },
      { code: "WK014111", name: "De Riet" },
    ]);
    const args = ["--name", "Almelo", "--districts", districts, "--catalogue", catalogue, "--boundaries", map];
    expect(await initCity([...args, "--out", join(temp.dir, "stad")])).toBe(1);
    expect(err).toMatch(/Gebietsliste .*buurten\.csv \(Zeile 3.*\): /);
    expect(err).toMatch(/Katalog .*katalog\.json: indicators\[0\]\.title: /);
    expect(err).toContain(
      "2 von 2 Flächen haben keinen Code aus der Gebietsliste (WK014110, WK014111). Ihre Namen sind die der übergeordneten Ebene (Stadtbezirke); die Karte braucht die Flächen der Stadtteile.",
    );
    expect(err.split("\n").filter((l) => l.startsWith("  - ")).length).toBeGreaterThanOrEqual(3);
  });

  it("refuses wrong usage with exit code 2 and checks a shipped city", async () => {
    expect(await initCity(["--name", "X"])).toBe(2);
    expect(err).toContain("--name und --districts sind nötig");
    expect(await initCity(["--name", "X", "--districts", "a.csv", "--language", "fr"])).toBe(2);
    expect(await initCity(["--check", join(import.meta.dirname, "../../cities/muenster.json")])).toBe(0);
    expect(slugOf("Münster-Hiltrup")).toBe("muenster-hiltrup");
    expect(slugOf("’s-Hertogenbosch")).toBe("s-hertogenbosch");
  });
});

const reference = referenceFolder("Prüfung von Almelos Wijk-Grenzen gegen die Buurt-Liste");

reference.describe("Almelo's CBS wijk boundaries against its buurt list", () => {
  reference.it("names the file as one of the parent level (wijken), which the buurt map cannot use", async () => {
    const city = JSON.parse(readFileSync(join(import.meta.dirname, "../../cities/almelo.json"), "utf8"));
    const cityFile = join(temp.dir, "almelo.json");
    const shipped = (p: string) => join(import.meta.dirname, "../../cities", p);
    writeFileSync(
      cityFile,
      JSON.stringify({
        ...city,
        districts: shipped(city.districts),
        catalogue: shipped(city.catalogue),
        demo: null,
        boundaries: reference.path("domain/almelo-wijken.geojson"),
      }),
    );
    expect(await initCity(["--check", cityFile])).toBe(1);
    // 12 wijken with codes WK014110 … WK014121; the buurt list numbers buurten 1000 … 2109.
    expect(err).toContain("12 von 12 Flächen haben keinen Code aus der Gebietsliste (WK014110, WK014111");
    expect(err).toContain(
      "Ihre Namen sind die der übergeordneten Ebene (Wijken); die Karte braucht die Flächen der Buurten.",
    );
  });
});
