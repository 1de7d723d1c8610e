import { describe, expect, it } from "vitest";
import { defaultDisclosureRule } from "./disclosure.ts";
import { LinearSystem } from "./linear-system.ts";
import { audit, type BlockDecision, type Publication, protect } from "./protect.ts";

const rule = defaultDisclosureRule; // numerators 1–2 and denominators 1–9 are secret

/** A cell of a table: numerator and denominator counts shown together. */
const cell = (numerator: number, denominator: number): Publication => ({
  counts: [numerator, denominator],
  roles: ["numerator", "denominator"],
});

/**
 * One Stadtteil of `uebergewicht_seu` (the example): lines w, m and d (divers) of children examined
 * (denominator) and overweight (numerator). Numerators: w 1, m 3, d 0; denominators: w 25, m 26, d 0.
 * Cells 0–2 are the numerator lines w, m, d; cells 3–5 the denominator lines.
 */
function sexTable() {
  const system = new LinearSystem(6);
  const num = { w: system.sumOfCells([0]), m: system.sumOfCells([1]), gesamt: system.sumOfCells([0, 1, 2]) };
  const den = { w: system.sumOfCells([3]), m: system.sumOfCells([4]), gesamt: system.sumOfCells([3, 4, 5]) };
  const values = system.evaluate([1, 3, 0, 25, 26, 0]);
  const publications = [cell(num.gesamt, den.gesamt), cell(num.w, den.w), cell(num.m, den.m)];
  return { system, values, publications, num, den };
}

describe("audit: what an attacker reaches from everything shown", () => {
  it("finds the leak the per-table method misses: with w hidden, gesamt − m leaves w ∈ [0, 1]", async () => {
    // The per-table method treats sex as non-additive (d is declared) and shows gesamt 4/51 and m 3/26.
    // Attacker: w + d = 4 − 3 = 1 with d ≥ 0, so w ∈ [0, 1]: never 3 or more, the rule is broken.
    const { system, values, publications, num } = sexTable();
    const result = await audit(system, values, publications, [false, true, false], rule);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      count: num.w,
      secrecy: "primary-numerator",
      interval: { min: 0, max: 1 },
    });
  });

  it("passes once m is hidden too: w + m + d = 4 gives w ∈ [0, 4] and m ∈ [0, 4]", async () => {
    const { system, values, publications } = sexTable();
    const result = await audit(system, values, publications, [false, true, true], rule);
    expect(result.findings).toEqual([]);
  });

  it("reports a secondary cell that other tables fix: x = N1 − N2 when N1 = x + y and N2 = y are shown", async () => {
    // Table A shows N1 = x + y = 40 and hides x = 30 (a secondary); table B shows N2 = y = 10. x is 30 exactly.
    const system = new LinearSystem(3);
    const x = system.sumOfCells([0]);
    const y = system.sumOfCells([1]);
    const n1 = system.sumOfCells([0, 1]);
    const population = system.sumOfCells([0, 1, 2]);
    const values = system.evaluate([30, 10, 60]);
    const publications = [cell(x, population), cell(n1, population), cell(y, population)];
    const result = await audit(system, values, publications, [true, false, false], rule);
    expect(result.findings).toMatchObject([{ count: x, secrecy: "secondary", interval: { min: 30, max: 30 } }]);
  });

  it("knows that a hidden zero gives no room upwards: a + b = 1 with a = 1, b = 0 leaves a ∈ [0, 1]", async () => {
    const system = new LinearSystem(3);
    const a = system.sumOfCells([0]);
    const b = system.sumOfCells([1]);
    const total = system.sumOfCells([0, 1]);
    const population = system.sumOfCells([0, 1, 2]);
    const values = system.evaluate([1, 0, 99]);
    const result = await audit(
      system,
      values,
      [cell(a, population), cell(b, population), cell(total, population)],
      [true, true, false],
      rule,
    );
    expect(result.findings.map((f) => [f.count, f.interval])).toEqual([[a, { min: 0, max: 1 }]]);
  });
});

describe("protect: secondary suppression over all tables at once", () => {
  it("hides m together with w, and nothing else", async () => {
    const { system, values, publications } = sexTable();
    const result = await protect(system, values, publications, rule, [], []);
    expect(result.withheld).toEqual([null, "primary-numerator", "secondary"]);
    expect(result.findings).toEqual([]);
    const check = await audit(system, values, publications, result.withheld.map(Boolean), rule);
    expect(check.findings).toEqual([]);
  });

  it("protects a Stadtteil inside its Bezirk: 1 of 3 Stadtteile small, the next smallest hidden with it", async () => {
    // Numerators per Stadtteil 1, 7, 20 (Bezirk 28); populations 100 each. Hiding only the 1 lets the
    // Bezirk minus the others give it back; hiding the 7 too gives each [0, 8]: 0 possible, ≥ 3 possible.
    const system = new LinearSystem(6);
    const numerators = [0, 1, 2].map((i) => system.sumOfCells([i]));
    const populations = [3, 4, 5].map((i) => system.sumOfCells([i - 3, i]));
    const bezirkNumerator = system.sumOfCounts(numerators.map((count) => ({ count, coef: 1 })));
    const bezirkPopulation = system.sumOfCounts(populations.map((count) => ({ count, coef: 1 })));
    const values = system.evaluate([1, 7, 20, 99, 93, 80]);
    const publications = [
      cell(bezirkNumerator, bezirkPopulation),
      ...numerators.map((n, i) => cell(n, populations[i])),
    ];
    const result = await protect(system, values, publications, rule, [[bezirkNumerator, ...numerators]], []);
    expect(result.withheld).toEqual([null, "primary-numerator", "secondary", null]);
    expect((await audit(system, values, publications, result.withheld.map(Boolean), rule)).findings).toEqual([]);
  });

  it("hides a Stadtteil's count before a smaller one that spans the Bezirk", async () => {
    // Cells a = 1, b = 49 in Stadtteil 1, c = 0 in Stadtteil 2. Shown: Z = a + b = 50 (Stadtteil 1),
    // Y = b + c = 49 (both Stadtteile) and c; hidden: x = a (a numerator of 1), which is Z − Y + c exactly.
    // Hiding Z or Y frees x; Y is smaller, but Z is the Stadtteil's own number and sits in fewer relations.
    const system = new LinearSystem(3);
    const x = system.sumOfCells([0]);
    const z = system.sumOfCells([0, 1]);
    const y = system.sumOfCells([1, 2]);
    const c = system.sumOfCells([2]);
    const values = system.evaluate([1, 49, 0]);
    const alone = (count: number): Publication => ({ counts: [count], roles: ["numerator"] });
    const publications = [x, z, y, c].map(alone);
    const stadtteile = Int32Array.from([0, 0, 1]);
    const bezirke = Int32Array.from([0, 0, 0]);
    const result = await protect(system, values, publications, rule, [], [stadtteile, bezirke]);
    expect(result.withheld).toEqual(["primary-numerator", "secondary", null, null]);
    expect((await audit(system, values, publications, result.withheld.map(Boolean), rule)).findings).toEqual([]);
  });

  it("gives the same hidden cells for the same data, every time", async () => {
    const runs = await Promise.all(
      [1, 2, 3].map(() => {
        const { system, values, publications } = sexTable();
        return protect(system, values, publications, rule, [], []);
      }),
    );
    expect(new Set(runs.map((r) => JSON.stringify(r.withheld))).size).toBe(1);
  });

  it("takes over an earlier decision for an unchanged block without solving again", async () => {
    const { system, values, publications } = sexTable();
    const decisions = new Map<string, BlockDecision>();
    const cache = {
      countKey: (count: number) => `c${count}`,
      get: (key: string) => decisions.get(key),
      set: (key: string, decision: BlockDecision) => decisions.set(key, decision),
    };
    const first = await protect(system, values, publications, rule, [], [], cache);
    const second = await protect(system, values, publications, rule, [], [], cache);
    expect(first.solves).toBeGreaterThan(0);
    expect(second.solves).toBe(0);
    expect(second.withheld).toEqual(first.withheld);
    // Changed data is a different block: decided anew.
    const changed = await protect(system, system.evaluate([2, 3, 0, 25, 26, 0]), publications, rule, [], [], cache);
    expect(changed.solves).toBeGreaterThan(0);
  });

  it("never hides counts of exempt publications, and reports what it then cannot protect", async () => {
    const { system, values, publications } = sexTable();
    const exempt = publications.map((p, i) => (i === 1 ? p : { ...p, exempt: true }));
    const result = await protect(system, values, exempt, rule, [], []);
    expect(result.withheld).toEqual([null, "primary-numerator", null]);
    expect(result.findings).toHaveLength(1);
  });
});
