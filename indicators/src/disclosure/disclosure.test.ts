import { describe, expect, it } from "vitest";
import { profiles } from "../../../data-import/src/profiles/index.ts";
import { parseCatalogue } from "../catalogue/validate.ts";
import { computeIndicators } from "../engine/compute.ts";
import { districts, readDefaultCatalogue } from "../engine/test-helpers.ts";
import type { IndicatorRow, Observation, ValueStatus } from "../engine/types.ts";
import {
  applyDisclosureControl,
  defaultDisclosureRule,
  disclosureOptions,
  disclosurePartitions,
  type Partitions,
} from "./disclosure.ts";

function row(
  area: string,
  breakdown: string,
  group: string,
  numerator: number | null,
  denominator: number | null,
  status: ValueStatus = "ok",
): IndicatorRow {
  return {
    indicator: "x",
    year: 2020,
    area,
    areaName: area,
    breakdown,
    group,
    groupLabel: group,
    numerator,
    denominator,
    value: status === "ok" && numerator !== null && denominator ? (numerator / denominator) * 100 : null,
    status,
    statusDetail: null,
  };
}

const apply = (rows: IndicatorRow[], partitions: Partitions = { x: ["migration"] }, exempt: string[] = []) =>
  applyDisclosureControl(rows, defaultDisclosureRule, { districts, partitions, exempt });
const at = (rows: IndicatorRow[], area: string, group = "gesamt") => {
  const found = rows.find((r) => r.area === area && r.group === group);
  if (!found) throw new Error(`keine Zeile ${area}/${group}`);
  return found;
};

describe("primary suppression", () => {
  it("suppresses numerators 1 and 2 and denominators 1 to 9, but publishes zeros", () => {
    const out = apply(
      [
        row("11", "gesamt", "gesamt", 1, 100),
        row("12", "gesamt", "gesamt", 2, 100),
        row("61", "gesamt", "gesamt", 3, 100),
        { ...row("bezirk:Mitte", "gesamt", "gesamt", 0, 9), group: "a" },
        { ...row("bezirk:Mitte", "gesamt", "gesamt", 0, 10), group: "b" },
        { ...row("bezirk:Mitte", "gesamt", "gesamt", 0, 0, "denominator_zero"), group: "c" },
      ],
      {},
    );
    expect(out.map((r) => r.status)).toEqual([
      "suppressed",
      "suppressed",
      "ok",
      "suppressed",
      "ok",
      "denominator_zero",
    ]);
    expect(out[0]).toMatchObject({ suppression: "primary", statusDetail: "Geheimhaltung: Fallzahl unter 3" });
    expect(out[3]).toMatchObject({ suppression: "primary", statusDetail: "Geheimhaltung: Bezugsgröße unter 10" });
  });

  it("keeps the true numbers in suppressed rows and leaves the input untouched", () => {
    const input = [row("11", "gesamt", "gesamt", 2, 40)];
    const out = apply(input, {});
    expect(out[0]).toMatchObject({ status: "suppressed", numerator: 2, denominator: 40, value: 5 });
    expect(input[0].status).toBe("ok");
  });

  it("takes the thresholds from the rule", () => {
    const out = applyDisclosureControl(
      [row("11", "gesamt", "gesamt", 4, 100)],
      { minNumerator: 5, minDenominator: 10 },
      { districts, partitions: {} },
    );
    expect(out[0].status).toBe("suppressed");
  });

  it("leaves indicators exempt from Geheimhaltung alone", () => {
    const out = apply([row("stadt", "gesamt", "gesamt", 1, 4)], {}, ["x"]);
    expect(out[0].status).toBe("ok");
  });
});

describe("secondary suppression", () => {
  it("suppresses the smaller other group when mit + ohne = gesamt and one group is suppressed", () => {
    // 2 + 48 = 50: publishing ohne and gesamt would reveal mit = 50 − 48.
    const out = apply([
      row("stadt", "gesamt", "gesamt", 50, 100),
      row("stadt", "migration", "mit", 2, 40),
      row("stadt", "migration", "ohne", 48, 60),
    ]);
    expect(at(out, "stadt", "mit").suppression).toBe("primary");
    expect(at(out, "stadt", "ohne")).toMatchObject({ status: "suppressed", suppression: "secondary" });
    expect(at(out, "stadt", "gesamt").status).toBe("ok");
  });

  it("does not suppress a second group when the groups do not add up to the total (w + m ≠ gesamt)", () => {
    const out = apply(
      [
        row("stadt", "gesamt", "gesamt", 50, 100),
        row("stadt", "geschlecht", "w", 2, 40),
        row("stadt", "geschlecht", "m", 47, 58),
      ],
      { x: ["migration"] }, // geschlecht is not a partition: d and o exist
    );
    expect(out.map((r) => r.status)).toEqual(["ok", "suppressed", "ok"]);
  });

  it("suppresses another Stadtteil of the same Bezirk when one Stadtteil is suppressed", () => {
    // Mitte = 11 + 12: 11 → 1 case; the smallest other cell is 12 (10 < Mitte's 11).
    const out = apply([
      row("stadt", "gesamt", "gesamt", 41, 150),
      row("bezirk:Mitte", "gesamt", "gesamt", 11, 70),
      row("bezirk:Nord", "gesamt", "gesamt", 30, 80),
      row("11", "gesamt", "gesamt", 1, 20),
      row("12", "gesamt", "gesamt", 10, 50),
      row("61", "gesamt", "gesamt", 30, 80),
    ]);
    expect(out.map((r) => `${r.area}:${r.suppression ?? "-"}`)).toEqual([
      "stadt:-",
      "bezirk:Mitte:-",
      "bezirk:Nord:-",
      "11:primary",
      "12:secondary",
      "61:-",
    ]);
  });

  it("iterates through Bezirke and groups until no suppressed cell can be recovered", () => {
    // Nord consists of 61 alone, so both have 2 cases (primary). stadt = Mitte + Nord would expose Nord, so
    // Mitte goes (40 < 42); then Mitte = 11 + 12 would expose Mitte, so the smaller of 11 and 12 goes.
    const out = apply([
      row("stadt", "gesamt", "gesamt", 42, 150),
      row("bezirk:Mitte", "gesamt", "gesamt", 40, 70),
      row("bezirk:Nord", "gesamt", "gesamt", 2, 80),
      row("11", "gesamt", "gesamt", 15, 20),
      row("12", "gesamt", "gesamt", 25, 50),
      row("61", "gesamt", "gesamt", 2, 80),
    ]);
    expect(out.map((r) => `${r.area}:${r.suppression ?? "-"}`)).toEqual([
      "stadt:-",
      "bezirk:Mitte:secondary",
      "bezirk:Nord:primary",
      "11:secondary",
      "12:-",
      "61:primary",
    ]);
  });

  it("prefers a cell with a count over an empty one as partner", () => {
    // gesamt 7 = a 2 + b 0 + c 5: suppressing the empty b would leave a = 7 − 5 − 0 obvious.
    const out = apply(
      [
        row("stadt", "gesamt", "gesamt", 7, 32),
        row("stadt", "typ", "a", 2, 12),
        row("stadt", "typ", "b", 0, 0, "denominator_zero"),
        row("stadt", "typ", "c", 5, 20),
      ],
      { x: ["typ"] },
    );
    expect(out.map((r) => r.suppression ?? "-")).toEqual(["-", "primary", "-", "secondary"]);
  });

  it("needs no partner when another cell of the relation is withheld anyway", () => {
    const out = apply([
      row("bezirk:Mitte", "gesamt", "gesamt", null, null, "withheld"),
      row("11", "gesamt", "gesamt", 1, 20),
      row("12", "gesamt", "gesamt", null, null, "withheld"),
    ]);
    expect(out.map((r) => r.status)).toEqual(["withheld", "suppressed", "withheld"]);
  });
});

describe("disclosure control on the default catalogue", () => {
  const catalogue = parseCatalogue(readDefaultCatalogue(), profiles);

  it("knows which breakdowns partition the total", () => {
    const partitions = disclosurePartitions(catalogue, profiles);
    expect(partitions.anteil_mv).toEqual(["alter", "mv_art"]); // not geschlecht: d and o exist
    expect(partitions.kita_quote_u3_mh).toEqual(["migration"]); // ja/nein and the register's four codes
    expect(partitions.beschaeftigte_mv_verwaltung).toEqual(["laufbahngruppe"]);
    expect(partitions.azubi_mv_verwaltung).toEqual([]); // geschlecht only
  });

  it("leaves no suppressed cell recoverable from a total on a small random city", () => {
    const observations = smallRandomCity(7);
    const rows = computeIndicators({ catalogue, profiles, observations, districts });
    const options = disclosureOptions(catalogue, profiles, districts);
    const out = applyDisclosureControl(rows, defaultDisclosureRule, options);
    const secondary = out.filter((r) => r.suppression === "secondary").length;
    expect(out.filter((r) => r.suppression === "primary").length).toBeGreaterThan(100);
    expect(secondary).toBeGreaterThan(10);
    expect(exposedCells(out, options.partitions)).toEqual([]);
    // Exempt indicators (counts of publications and projects) keep every number.
    expect(
      out.filter((r) => r.indicator === "mehrsprachige_publikationen").every((r) => r.status !== "suppressed"),
    ).toBe(true);
  });
});

/** Independent brute-force audit: every additive relation with exactly one hidden cell that is suppressed. */
function exposedCells(rows: readonly IndicatorRow[], partitions: Partitions): string[] {
  const hidden = (r: IndicatorRow) => ["suppressed", "withheld", "missing", "band_split"].includes(r.status);
  const exposed: string[] = [];
  const check = (label: string, relation: IndicatorRow[]) => {
    const h = relation.filter(hidden);
    if (relation.length > 1 && h.length === 1 && h[0].status === "suppressed") exposed.push(label);
  };
  const keys = new Set(rows.map((r) => `${r.indicator}|${r.year}`));
  for (const key of keys) {
    const block = rows.filter((r) => `${r.indicator}|${r.year}` === key);
    const ind = block[0].indicator;
    for (const area of new Set(block.map((r) => r.area))) {
      for (const b of partitions[ind] ?? []) {
        check(
          `${key} ${area} ${b}`,
          block.filter((r) => r.area === area && (r.breakdown === b || r.breakdown === "gesamt")),
        );
      }
    }
    for (const cellKey of new Set(block.map((r) => `${r.breakdown}/${r.group}`))) {
      const same = block.filter((r) => `${r.breakdown}/${r.group}` === cellKey);
      const bezirke = [...new Set(districts.map((d) => d.bezirk))];
      for (const bezirk of bezirke) {
        const members = districts.filter((d) => d.bezirk === bezirk).map((d) => String(d.number));
        check(
          `${key} ${cellKey} ${bezirk}`,
          same.filter((r) => r.area === `bezirk:${bezirk}` || members.includes(r.area)),
        );
      }
      check(
        `${key} ${cellKey} stadt`,
        same.filter((r) => r.area === "stadt" || r.area.startsWith("bezirk:")),
      );
    }
  }
  return exposed;
}

/** Every profile, every code combination, bands that fit every catalogue age range, counts 0–11, mostly 0 (seeded). */
function smallRandomCity(seed: number): Observation[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const bands = ["0-2", "3-5", "6-14", "15", "16-17", "18-24", "25-64", "65+"];
  const out: Observation[] = [];
  for (const profile of profiles) {
    let combos: string[][] = [[]];
    for (const column of profile.columns) {
      if (column.kind === "code")
        combos = combos.flatMap((c) => Object.keys(column.codes).map((code) => [...c, `${column.dimension}=${code}`]));
      if (column.kind === "age") combos = combos.flatMap((c) => bands.map((band) => [...c, `alter=${band}`]));
    }
    const measures = profile.columns.flatMap((c) => (c.kind === "count" ? [c.measure] : []));
    const places = profile.area === "stadt" ? [null] : districts.map((d) => d.number);
    for (const district of places) {
      for (const combo of combos.slice(0, 400)) {
        for (const measure of measures) {
          out.push({
            profile: profile.id,
            year: 2020,
            district,
            dims: combo.join("|"),
            measure,
            value: Math.floor(next() ** 6 * 12),
          });
        }
      }
    }
  }
  return out;
}
