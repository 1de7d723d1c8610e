import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import type { Observation } from "../engine/types.ts";
import { sozialmonitoringComparisons } from "./comparisons.ts";
import { computeSozialmonitoring } from "./compute.ts";

const almeloProfiles = profiles.filter((p) => p.id.startsWith("nl_"));
const muensterProfiles = profiles.filter((p) => !p.id.startsWith("nl_"));

/** Two buurten of one wijk; inhabitants by herkomst, 18–64 and 0–17. */
const districts = [
  { number: 1000, name: "Binnenstad Noord", bezirk: "Binnenstad" },
  { number: 1001, name: "Binnenstad Zuid", bezirk: "Binnenstad" },
];
const inwoners = (district: number, alter: string, herkomst: string, value: number): Observation => ({
  profile: "nl_bevolking",
  year: 2024,
  district,
  dims: `geslacht=vrouw|alter=${alter}|herkomst=${herkomst}|geboorteland=${herkomst === "nederland" ? "nederland" : "buitenland"}`,
  measure: "inwoners",
  value,
});

describe("the Sozialmonitoring of a Dutch city", () => {
  it("compares by herkomst on the BRP where the city's profiles are the Dutch ones, and by Münster's groups otherwise", () => {
    expect(sozialmonitoringComparisons(almeloProfiles).map((c) => c.id)).toEqual([
      "herkomst_buitenland_nl",
      "minderjaehrige_herkomst",
      "herkomst",
    ]);
    expect(sozialmonitoringComparisons(muensterProfiles).map((c) => c.id)).toEqual([
      "auslaender_deutsche",
      "mv_ohne_mv",
      "minderjaehrige_mv",
      "sgb2_u65",
      "staatsangehoerigkeit",
    ]);
  });

  it("measures the segregation of inhabitants of origin outside the Netherlands by hand", () => {
    const observations = [
      // Noord: 30 of origin outside the Netherlands (20 Europe, 10 outside Europe), 70 Dutch origin.
      inwoners(1000, "18-64", "europa", 20),
      inwoners(1000, "18-64", "buiten_europa", 10),
      inwoners(1000, "18-64", "nederland", 70),
      // Zuid: 10 outside (all outside Europe), 90 Dutch origin.
      inwoners(1001, "18-64", "buiten_europa", 10),
      inwoners(1001, "18-64", "nederland", 90),
    ];
    const { segregation } = computeSozialmonitoring({
      profiles: almeloProfiles,
      observations,
      indicatorValues: [],
      districts,
    });
    const city = segregation.find((r) => r.comparison === "herkomst_buitenland_nl" && r.area === "stadt");
    // A = 40 outside, B = 160 Dutch: D = ½ (|30/40 − 70/160| + |10/40 − 90/160|) = ½ (0.3125 + 0.3125) = 0.3125.
    expect(city?.measures.dissimilarity).toBeCloseTo(0.3125, 12);
    // P = 40 / 200.
    expect(city?.P).toBeCloseTo(0.2, 12);
    // No minors in either buurt: their measures are undefined, not 0.
    const minors = segregation.find((r) => r.comparison === "minderjaehrige_herkomst" && r.area === "stadt");
    expect(minors?.measures.dissimilarity).toBeNull();
    const groups = segregation.find((r) => r.comparison === "herkomst" && r.area === "stadt");
    expect(groups?.groups.map((g) => g.id)).toEqual(["nederland", "europa", "buiten_europa"]);
  });
});
