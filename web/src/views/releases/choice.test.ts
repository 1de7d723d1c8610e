import { afterEach, describe, expect, it } from "vitest";
import { chosenRelease, DRAFT, rememberRelease } from "./choice.ts";

afterEach(() => sessionStorage.clear());

describe("the chosen release", () => {
  it("is the URL's, else the one remembered for this tab, else the default (null)", () => {
    expect(chosenRelease("")).toBe(null);
    rememberRelease("2");
    expect(chosenRelease("")).toBe("2");
    expect(chosenRelease("?area=11&release=1")).toBe("1");
    rememberRelease(null);
    expect(chosenRelease("?area=11")).toBe(null);
  });

  it("never remembers the draft, which the public may not read (choosing it forgets the release kept)", () => {
    rememberRelease("3");
    rememberRelease(DRAFT);
    expect(sessionStorage.length).toBe(0);
    expect(chosenRelease("")).toBe(null);
    expect(chosenRelease(`?release=${DRAFT}`)).toBe(DRAFT);
  });
});
