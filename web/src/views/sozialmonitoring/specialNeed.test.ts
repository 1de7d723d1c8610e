import { describe, expect, it } from "vitest";
import type { SozialIndexResponse, SozialIndexUnit } from "../../api/types.ts";
import { specialNeed } from "./IndexSection.tsx";

const unit = (stadtteil: number, statusClass: string, dynamicsClass: string, statusIndex: number): SozialIndexUnit => ({
  stadtteil,
  name: `Stadtteil ${stadtteil}`,
  bezirk: "Mitte",
  population: 1000,
  values: {},
  z: {},
  statusIndex,
  statusClass,
  dynamicsIndex: 0,
  dynamicsClass,
  combinedClass: null,
  notes: [],
});

const index = (units: SozialIndexUnit[], suppressed: Record<string, string> = {}) =>
  ({ units, suppressed }) as unknown as SozialIndexResponse;

describe("Stadtteile with a special need of development", () => {
  it("lists low and very low status, and middle status with negative dynamics, most burdened first", () => {
    const listed = specialNeed(
      index([
        unit(1, "hoch", "negativ", -1.2),
        unit(2, "mittel", "negativ", 0.1),
        unit(3, "mittel", "stabil", 0.2),
        unit(4, "niedrig", "positiv", 0.9),
        unit(5, "sehr niedrig", "stabil", 1.8),
      ]),
    );
    expect(listed.map((u) => u.stadtteil)).toEqual([5, 4, 2]);
  });

  it("leaves out a Stadtteil withheld as a whole", () => {
    const listed = specialNeed(index([unit(4, "niedrig", "stabil", 0.9)], { "units.4": "Geheimhaltung" }));
    expect(listed).toEqual([]);
  });
});
