import { describe, expect, it } from "vitest";
import { indexCell, withheldNotes, withheldReason } from "./suppression.ts";

const suppressed = {
  "units.13.values.s2": "gesperrt",
  "units.21": "Bezugsgröße unter 10",
  statusIndex: "nur als Klasse",
};

describe("Geheimhaltung of the index", () => {
  it("finds the reason of a value, of a whole Stadtteil and of an index column", () => {
    expect(withheldReason(suppressed, 13, "values.s2")).toBe("gesperrt");
    expect(withheldReason(suppressed, 12, "values.s2")).toBeUndefined();
    expect(withheldReason(suppressed, 21, "population")).toBe("Bezugsgröße unter 10");
    expect(withheldReason(suppressed, 12, "statusIndex")).toBe("nur als Klasse");
    expect(withheldReason(suppressed, 12, "dynamicsIndex")).toBeUndefined();
  });

  it("shows a withheld value as withheld, never as a number, and marks what only analysts see", () => {
    expect(indexCell(null, "gesperrt")).toEqual({ kind: "suppressed", reason: "gesperrt" });
    expect(indexCell(null, undefined)).toEqual({ kind: "missing" });
    expect(indexCell(0, undefined)).toEqual({ kind: "value", value: 0, confidential: false });
    expect(indexCell(2.5, "gesperrt")).toEqual({ kind: "value", value: 2.5, confidential: true });
  });

  it("writes one footnote per column and reason, naming the Stadtteile or all of them", () => {
    const notes = withheldNotes(
      [
        { column: "S2 (%)", name: "Neustadt", reason: "gesperrt" },
        { column: "S2 (%)", name: "Altstadt", reason: "gesperrt" },
        { column: "Statusindex", name: "Altstadt", reason: "nur als Klasse" },
        { column: "Statusindex", name: "Hafen", reason: "nur als Klasse" },
        { column: "Statusindex", name: "Neustadt", reason: "nur als Klasse" },
      ],
      3,
    );
    expect(notes).toEqual([
      ". S2 (%) (Altstadt und Neustadt): gesperrt",
      ". Statusindex (alle Stadtteile): nur als Klasse",
    ]);
  });
});
