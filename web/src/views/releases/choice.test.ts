import { afterEach, describe, expect, it } from "vitest";
import { chosenRelease, DRAFT, releaseRead, rememberRelease } from "./choice.ts";

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

describe("what the server answers with", () => {
  const published = { latest: 3, publicReads: "latest" as const };
  it("follows the server's rule: chosen, else draft for analysts or a public draft, else the latest", () => {
    expect(releaseRead("2", published, false)).toBe(2);
    expect(releaseRead(null, published, false)).toBe(3);
    expect(releaseRead(null, published, true)).toBe(DRAFT);
    expect(releaseRead(null, { latest: 3, publicReads: "draft" }, false)).toBe(DRAFT);
    expect(releaseRead(DRAFT, published, false)).toBe(DRAFT);
    expect(releaseRead(null, { latest: null, publicReads: "latest" }, false)).toBe(null);
  });
});
