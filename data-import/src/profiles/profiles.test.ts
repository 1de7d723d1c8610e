import { existsSync, readFileSync } from "node:fs";
import { decodeDims } from "@im/indicators";
import { describe, expect, it } from "vitest";
import { sampleCsv, validCombinations } from "../../scripts/sample.ts";
import { compileProfile } from "../compile.ts";
import { muensterDistricts } from "../districts.ts";
import type { Observation } from "../line-checker.ts";
import { normalizeCode } from "../normalize.ts";
import { readExtract } from "../read-extract.ts";
import { findProfile, profiles } from "./index.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(profiles.map((p) => [p.id, p] as const))("profile %s", (_, profile) => {
  it("compiles into lookup tables without contradictions", () => {
    expect(() => compileProfile(profile)).not.toThrow();
  });

  it("accepts a CSV with every valid code combination built from its declaration", async () => {
    const csv = sampleCsv(profile, { stichtag: "31.12.2024", districts: [11, 98] });
    const observations: Observation[] = [];
    const { summary, problems } = await readExtract({ bytes: bytes(csv) }, profile, muensterDistricts, (b) =>
      observations.push(...b),
    );
    expect(problems).toEqual([]);
    const lines = csv.trim().split("\n").length - 1;
    const counts = profile.columns.filter((c) => c.kind === "count").map((c) => (c.kind === "count" ? c.measure : ""));
    expect(summary).toMatchObject({ profile: profile.id, stichtag: "2024-12-31", year: 2024, lineCount: lines });
    expect(observations).toHaveLength(lines * counts.length);
    expect(summary?.observationCount).toBe(observations.length);
    const dimensions = profile.columns.flatMap((c) => (c.kind === "code" || c.kind === "age" ? [c.dimension] : []));
    expect(Object.keys(decodeDims(observations[0].dims))).toEqual(dimensions);
    expect(new Set(observations.map((o) => o.measure))).toEqual(new Set(counts));
    expect(
      observations.every((o) =>
        profile.area === "stadt" ? o.district === null : o.district === 11 || o.district === 98,
      ),
    ).toBe(true);
  });

  it("has at least one valid code combination", () => {
    expect(validCombinations(profile).length).toBeGreaterThan(0);
  });

  it("maps every accepted spelling of a code to its canonical code", () => {
    for (const column of compileProfile(profile).codeColumns) {
      const declared = profile.columns.find((c) => c.kind === "code" && c.dimension === column.dimension);
      if (declared?.kind !== "code") throw new Error("code column expected");
      for (const [code, spellings] of Object.entries(declared.codes)) {
        for (const spelling of [code, ...spellings]) {
          expect(column.codes[column.lookup.get(normalizeCode(spelling.toUpperCase())) ?? -1], spelling).toBe(code);
        }
      }
    }
  });

  it("puts no code combination into two groups of the same grouping", () => {
    const inGroup = (filter: Record<string, string[]>, combo: Record<string, string>) =>
      Object.entries(filter).every(
        ([dimension, codes]) => combo[dimension] === undefined || codes.includes(combo[dimension]),
      );
    for (const [grouping, groups] of Object.entries(profile.groupings)) {
      expect(Object.keys(groups).length, grouping).toBeGreaterThanOrEqual(2);
      for (const combo of validCombinations(profile)) {
        const hits = Object.values(groups).filter((filter) => inGroup(filter, combo));
        expect(hits.length, `${grouping}: ${JSON.stringify(combo)}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("has a documentation page and an example file that passes the checks", async () => {
    const docs = new URL(`../../../docs/extracts/${profile.id}.md`, import.meta.url);
    const example = new URL(`../../../docs/extracts/examples/${profile.id}.csv`, import.meta.url);
    expect(existsSync(docs)).toBe(true);
    const { summary, problems } = await readExtract({ path: example.pathname }, profile, muensterDistricts);
    expect(problems).toEqual([]);
    expect(summary?.lineCount).toBeGreaterThan(0);
    expect(readFileSync(docs, "utf8")).toContain(readFileSync(example, "utf8").trim());
  });
});

describe("findProfile", () => {
  it("finds a profile by id and returns undefined for an unknown id", () => {
    expect(findProfile("seu")?.office).toBe("Gesundheitsamt");
    expect(findProfile("gibt-es-nicht")).toBeUndefined();
  });

  it("lists 24 profiles with distinct ids", () => {
    expect(profiles).toHaveLength(24);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(24);
  });
});
