import { describe, expect, it } from "vitest";
import type { SozialIndexResponse } from "../../api/types.ts";
import { BIVARIATE_PALETTE, bivariateColour, bivariateMapValues, pairCounts } from "./bivariate.ts";

type Unit = SozialIndexResponse["units"][number];
const unit = (stadtteil: number, statusClass: string | null, dynamicsClass: string | null) =>
  ({ stadtteil, name: `T${stadtteil}`, bezirk: "Mitte", statusClass, dynamicsClass }) as Unit;

describe("the bivariate status × dynamics colouring", () => {
  it("has 12 different colours, 4 status rows × 3 dynamics columns", () => {
    expect(BIVARIATE_PALETTE).toHaveLength(12);
    expect(new Set(BIVARIATE_PALETTE.map((c) => c.colour)).size).toBe(12);
    expect(BIVARIATE_PALETTE[0].label).toBe("Status hoch, Dynamik positiv");
    expect(BIVARIATE_PALETTE[11].label).toBe("Status sehr niedrig, Dynamik negativ");
  });

  it("gets darker from positive to negative dynamics within a status", () => {
    const lightness = (hex: string) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).reduce((a, b) => a + b, 0);
    for (const status of ["hoch", "mittel", "niedrig", "sehr niedrig"]) {
      const [p, s, n] = ["positiv", "stabil", "negativ"].map((d) => lightness(bivariateColour(status, d) as string));
      expect(p).toBeGreaterThan(s);
      expect(s).toBeGreaterThan(n);
    }
  });

  it("counts the Stadtteile per class pair and leaves unclassified and withheld ones without colour", () => {
    const data = {
      units: [
        unit(11, "hoch", "positiv"),
        unit(12, "hoch", "positiv"),
        unit(13, "sehr niedrig", "negativ"),
        unit(14, "mittel", null),
        unit(15, "niedrig", "stabil"),
      ],
    } as SozialIndexResponse;
    const values = bivariateMapValues(data, new Set([15]));
    expect(values.map((v) => v.category)).toEqual(["hoch|positiv", "hoch|positiv", "sehr niedrig|negativ", null, null]);
    expect(values[4].display).toBe(".");
    // 2 in (hoch, positiv), 1 in (sehr niedrig, negativ); 14 has no dynamics, 15 is withheld.
    expect(pairCounts(values)).toEqual([
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
  });
});
