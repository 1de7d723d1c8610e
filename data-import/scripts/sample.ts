// Builds a valid CSV for any profile from its declaration alone: the docs' example files and the test that
// every declaration is coherent both use it.
import type { DimensionFilter, ExtractProfile } from "../src/profiles/index.ts";

export interface SampleOptions {
  /** Stichtag as written in the file, e.g. `31.12.2024`. */
  stichtag: string;
  /** Stadtteil numbers (ignored for profiles delivered for the whole city). */
  districts: number[];
  /** Age bands covering 0…∞. */
  ages?: string[];
  /** Use only this many code combinations, spread over all of them (default: every combination). */
  combinations?: number;
  /** Show `-`, `.`, `x` and a thousands separator in the counts. */
  symbols?: boolean;
}

/** Every code combination (canonical codes, column order) that no `forbid` rule rejects. */
export function validCombinations(profile: ExtractProfile): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const col of profile.columns) {
    if (col.kind !== "code") continue;
    combos = combos.flatMap((combo) => Object.keys(col.codes).map((code) => ({ ...combo, [col.dimension]: code })));
  }
  const matches = (f: DimensionFilter, combo: Record<string, string>) =>
    Object.entries(f).every(([dim, codes]) => codes.includes(combo[dim]));
  return combos.filter(
    (combo) => !profile.rules.some((r) => r.kind === "forbid" && matches(r.when, combo) && matches(r.forbid, combo)),
  );
}

function germanNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ".");
}

export function sampleCsv(profile: ExtractProfile, options: SampleOptions): string {
  const ages = options.ages ?? ["0-17", "18-64", "65+"];
  const hasAge = profile.columns.some((c) => c.kind === "age");
  const all = validCombinations(profile);
  const n = Math.min(options.combinations ?? all.length, all.length);
  // Spread the chosen combinations from the first to the last, so an example shows different codes.
  const combos = Array.from({ length: n }, (_, i) => all[n === 1 ? 0 : Math.round((i * (all.length - 1)) / (n - 1))]);
  const districts = profile.area === "stadtteil" ? options.districts : [null];
  const counts = profile.columns.flatMap((c) => (c.kind === "count" ? [c.measure] : []));
  const isWhole = (m: string) => profile.rules.some((r) => r.kind === "part-of" && r.whole === m);
  const leaf = counts.find((m) => !isWhole(m)) ?? counts[0];
  const wholesOf = (m: string) => profile.rules.flatMap((r) => (r.kind === "part-of" && r.part === m ? [r.whole] : []));

  const lines = [profile.columns.map((c) => c.header).join(";")];
  let seed = 7;
  for (const district of districts) {
    for (const combo of combos) {
      for (const age of hasAge ? ages : [null]) {
        const random = () => {
          seed = (seed * 48271) % 2147483647;
          return seed / 2147483647;
        };
        const base = 40 + Math.floor(random() * (options.symbols ? 2400 : 900));
        // A part gets a share of its smallest whole, so every part-of rule holds.
        const values = new Map<string, number>();
        const value = (m: string): number => {
          let v = values.get(m);
          if (v === undefined) {
            const wholes = wholesOf(m);
            v = wholes.length
              ? Math.floor(Math.min(...wholes.map(value)) * (0.1 + 0.6 * random()))
              : Math.floor(base * (isWhole(m) ? 1.5 + random() : 0.2 + 0.6 * random()));
            values.set(m, v);
          }
          return v;
        };
        const zero = (m: string) =>
          profile.rules.some(
            (r) =>
              r.kind === "zero" && r.measure === m && Object.entries(r.when).every(([d, cs]) => cs.includes(combo[d])),
          );
        const count = (measure: string): string => {
          if (zero(measure)) return "-";
          const symbol = options.symbols && measure === leaf ? ["", "", "", "-", "", ".", "x"][lines.length % 7] : "";
          return symbol || germanNumber(value(measure));
        };
        const cells = profile.columns.map((col) =>
          col.kind === "stichtag"
            ? options.stichtag
            : col.kind === "stadtteil"
              ? String(district)
              : col.kind === "age"
                ? (age ?? "")
                : col.kind === "code"
                  ? combo[col.dimension]
                  : count(col.measure),
        );
        lines.push(cells.join(";"));
      }
    }
  }
  return `${lines.join("\n")}\n`;
}
