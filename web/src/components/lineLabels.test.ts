import { describe, expect, it } from "vitest";
import { lastValueIndex, spreadLabels, wrapLabel } from "./lineLabels.ts";

describe("spreadLabels", () => {
  it("keeps labels that do not collide at their lines", () => {
    const at = spreadLabels(
      [
        { key: "a", y: 50 },
        { key: "b", y: 120 },
      ],
      16,
      0,
      300,
    );
    expect([at.get("a"), at.get("b")]).toEqual([50, 120]);
  });

  it("pushes the lower of two close labels down by the gap", () => {
    // b at 104 is 4 px below a: moved to 100 + 16 = 116.
    const at = spreadLabels(
      [
        { key: "b", y: 104 },
        { key: "a", y: 100 },
      ],
      16,
      0,
      300,
    );
    expect([at.get("a"), at.get("b")]).toEqual([100, 116]);
  });

  it("pushes labels back up from the bottom edge", () => {
    // Three lines ending at 295, 298, 300 with bottom 300: 300, 300 − 16 = 284, 284 − 16 = 268.
    const at = spreadLabels(
      [
        { key: "a", y: 295 },
        { key: "b", y: 298 },
        { key: "c", y: 300 },
      ],
      16,
      0,
      300,
    );
    expect([at.get("a"), at.get("b"), at.get("c")]).toEqual([268, 284, 300]);
  });
});

describe("lastValueIndex", () => {
  it("finds the last year with a number, skipping trailing gaps", () => {
    expect(lastValueIndex([{ v: 1 }, { v: 2 }, { v: null }], "v")).toBe(1);
    expect(lastValueIndex([{ v: null }], "v")).toBe(-1);
  });
});

describe("wrapLabel", () => {
  it("breaks a long group name at spaces into lines of at most 20 characters", () => {
    // "ohne deutsche" (13) + " Staatsangehörigkeit" would be 33 > 20.
    expect(wrapLabel("ohne deutsche Staatsangehörigkeit")).toEqual(["ohne deutsche", "Staatsangehörigkeit"]);
    expect(wrapLabel("Insgesamt")).toEqual(["Insgesamt"]);
  });
});
