import { expect, it } from "vitest";
import { crossTab } from "./SozialmonitoringView.tsx";

type Unit = Parameters<typeof crossTab>[0]["units"][number];
const unit = (statusClass: string | null, dynamicsClass: string | null) => ({ statusClass, dynamicsClass }) as Unit;

it("lists every status and dynamics class in its natural order, empty classes included", () => {
  const tab = crossTab({ units: [unit("mittel", "negativ"), unit("sehr niedrig", "stabil"), unit("hoch", "stabil")] });
  expect(tab.dynamics).toEqual(["positiv", "stabil", "negativ"]);
  expect(tab.rows.map((r) => r.status)).toEqual(["hoch", "mittel", "niedrig", "sehr niedrig"]);
  expect(tab.rows.map((r) => r.counts)).toEqual([
    [0, 1, 0],
    [0, 0, 1],
    [0, 0, 0],
    [0, 1, 0],
  ]);
});
