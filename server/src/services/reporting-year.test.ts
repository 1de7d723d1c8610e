import { expect, it } from "vitest";
import { reportingYear } from "./indicator-reads.ts";

it("takes the latest year most indicators have, not the newest single delivery", () => {
  expect(reportingYear([2025, 2025, 2026, 2024, 2025])).toBe(2025);
});

it("prefers the newer year when two years are equally common and is null without data", () => {
  expect(reportingYear([2024, 2025])).toBe(2025);
  expect(reportingYear([])).toBeNull();
});
