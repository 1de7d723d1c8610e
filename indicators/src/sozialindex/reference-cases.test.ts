// The composite cases among the published segregation reference cases: the Berlin MSS method on a toy city and the
// published MSS 2021 classes of all 536 Berlin planning areas (reference folder beside the repository; skipped
// without it).
import { expect, it } from "vitest";
import { referenceFolder } from "../../../tests/support/reference-folder.ts";
import type { SozialindexConfig, SozialindexUnit } from "./index.ts";
import { berlinMss, computeSozialindex } from "./index.ts";

const reference = referenceFolder("Referenzfälle des Sozialindex");
const readJson = (file: string) => reference.readJson<unknown>(`domain/segregation/${file}`);

interface CompositeCase {
  name: string;
  kind: string;
  status_indicators: string[];
  dynamic_indicators: string[];
  sd_ddof: number;
  inputs_are_z?: boolean;
  units?: SozialindexUnit[];
  tolerance?: number;
  expected?: Record<string, Record<string, unknown>>;
}

const composite = reference.present
  ? (readJson("cases.json") as CompositeCase[]).filter((c) => c.kind === "composite")
  : [];
const byName = (name: string) => composite.find((c) => c.name === name) as CompositeCase;

/** The Berlin configuration with the case's indicator names, divisor and input kind. */
function configFor(c: CompositeCase): SozialindexConfig {
  return {
    ...berlinMss,
    status: c.status_indicators.map((id) => ({ id, label: id })),
    dynamics: c.dynamic_indicators.map((id) => ({ id, label: id })),
    sdDivisor: c.sd_ddof === 0 ? "n" : "n-1",
    inputsAreZ: c.inputs_are_z ?? false,
  };
}

reference.describe("composite index reference cases from the spec", () => {
  it("finds both composite cases in cases.json", () => {
    expect(composite.map((c) => c.name).sort()).toEqual(["berlin_mss2021_published_classes", "mss_toy_status_dynamic"]);
  });

  it("reproduces z-values, sums, indices and classes of mss_toy_status_dynamic", () => {
    const c = byName("mss_toy_status_dynamic");
    const expected = c.expected as Record<string, Record<string, unknown>>;
    const result = computeSozialindex(c.units as SozialindexUnit[], configFor(c));
    expect(result.problems).toEqual([]);
    expect(result.units).toHaveLength(10);
    const near = (actual: number | undefined, value: unknown, label: string) =>
      expect(Math.abs((actual as number) - (value as number)), label).toBeLessThanOrEqual(1e-9);

    for (const u of result.units) {
      for (const [part, score] of [
        ["status", u.status],
        ["dynamic", u.dynamics],
      ] as const) {
        expect(score, `${u.unit} ${part}`).not.toBeNull();
        for (const [id, z] of Object.entries(expected[`${part}_z`][u.unit] as Record<string, number>)) {
          near(score?.z[id], z, `${u.unit} ${part}_z ${id}`);
        }
        near(score?.aggregate, expected[`${part}_sum`][u.unit], `${u.unit} ${part}_sum`);
        near(score?.index, expected[`${part}_index`][u.unit], `${u.unit} ${part}_index`);
        expect(score?.class, `${u.unit} ${part}_class`).toBe(expected[`${part}_class`][u.unit]);
      }
    }
    // The toy city hits every class.
    expect(new Set(result.units.map((u) => u.status?.class))).toEqual(
      new Set(["hoch", "mittel", "niedrig", "sehr niedrig"]),
    );
    expect(new Set(result.units.map((u) => u.dynamics?.class))).toEqual(new Set(["positiv", "stabil", "negativ"]));
    expect(result.units.find((u) => u.unit === "PLR03")?.combinedClass).toBe("3 -");
  });

  it("reproduces all 536 published status and dynamics classes of Berlin MSS 2021 from the published z-values", () => {
    const c = byName("berlin_mss2021_published_classes");
    const file = readJson("berlin_mss2021_plr.json") as {
      units: (SozialindexUnit & { published: Record<string, number | string> })[];
      excluded_units: { unit: string; population: number }[];
    };
    // The six areas without published values go in too: the filter must leave them out without shifting the rest.
    const units: SozialindexUnit[] = [
      ...file.units,
      ...file.excluded_units.map((u) => ({ unit: u.unit, population: u.population, values: {} })),
    ];
    const result = computeSozialindex(units, configFor(c));
    expect(result.included).toEqual({ status: 536, dynamics: 536 });
    expect(result.problems).toEqual([]);

    const tolerance = c.tolerance as number;
    let classesCompared = 0;
    for (const [i, published] of file.units.map((u) => u.published).entries()) {
      const { unit, status, dynamics } = result.units[i];
      expect(status?.class, `${unit} status`).toBe(published.status_class);
      expect(dynamics?.class, `${unit} dynamics`).toBe(published.dynamic_class);
      expect(Math.abs((status?.aggregate as number) - (published.status_sum as number))).toBeLessThanOrEqual(tolerance);
      expect(Math.abs((status?.index as number) - (published.status_index as number))).toBeLessThanOrEqual(tolerance);
      expect(Math.abs((dynamics?.aggregate as number) - (published.dynamic_sum as number))).toBeLessThanOrEqual(
        tolerance,
      );
      expect(Math.abs((dynamics?.index as number) - (published.dynamic_index as number))).toBeLessThanOrEqual(
        tolerance,
      );
      classesCompared += 2;
    }
    expect(classesCompared).toBe(1072);

    const excluded = Object.fromEntries(result.units.slice(file.units.length).map((u) => [u.unit, u]));
    expect(excluded["10100205"].exclusions).toEqual([
      "von der Berechnung ausgenommen (Sondergebiet/Ausreißer laut Konfiguration)",
    ]);
    expect(excluded["03300515"].exclusions).toEqual(["weniger als 300 Einwohner (38)"]);
    expect(Object.values(excluded).every((u) => u.status === null && u.dynamics === null)).toBe(true);
  });
});
