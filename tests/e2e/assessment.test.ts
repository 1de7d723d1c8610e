// The assessing views against the real server with the demo city: the Ziele view (every goal of the API with a
// symbol and words for each indicator, the chosen Stadtteil restored from a permalink) and the
// Vergleichstabelle (every area against the city, sortable, the sort restored from a permalink).
import { describe, expect, test } from "vitest";
import { useDemoPage } from "./demo-page.ts";
import { screenshot, seriousA11yViolations } from "./harness.ts";

interface GoalsBody {
  goals: { id: string; title: string; measures: { long: { label: string } }[] }[];
}

const demo = useDemoPage();

async function goals(area: string): Promise<GoalsBody> {
  const res = await fetch(`${demo.server.url}/api/goals?area=${encodeURIComponent(area)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as GoalsBody;
}

describe("Ziele mit der Demo-Stadt", () => {
  test("zeigt jedes Ziel der API mit Zeichen und Worten je Indikator, als Beispiel gekennzeichnet", async () => {
    const body = await goals("stadt");
    expect(body.goals.length).toBeGreaterThan(2);
    await demo.page.goto("/ziele");
    await expect.poll(() => demo.page.locator("h1").textContent()).toBe("Ziele");
    await demo.page.locator("table.goal-table").first().waitFor();
    expect(await demo.page.locator("table.goal-table").count()).toBe(body.goals.length);
    const measures = body.goals.reduce((n, g) => n + g.measures.length, 0);
    expect(await demo.page.locator("table.goal-table tbody tr").count()).toBe(measures);
    // Every assessment cell has a symbol and its words (never colour alone).
    const cells = await demo.page.locator("td.goal-cell").allTextContents();
    expect(cells).toHaveLength(measures * 2);
    for (const cell of cells) expect(cell).toMatch(/^[✓↑↗→↘↓○] \S/);
    const firstLabel = body.goals[0].measures[0].long.label;
    expect(await demo.page.locator("table.goal-table").first().textContent()).toContain(firstLabel);
    expect(await demo.page.getByText(/kein Beschluss eines Rates/).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(demo.page)).toEqual([]);
    expect(demo.tab.errors).toEqual([]);
    await screenshot(demo.page, "ziele", { fullPage: true });
  });

  test("ein Permalink mit Stadtteil stellt die Ansicht wieder her", async () => {
    const districts = (await (await fetch(`${demo.server.url}/api/districts`)).json()) as {
      districts: { number: number; name: string }[];
    };
    const district = districts.districts[0];
    await demo.page.goto(`/ziele?area=${district.number}`);
    await expect
      .poll(() => demo.page.locator("table.goal-table thead").first().textContent())
      .toContain(`${district.name}, langfristig`);
    expect(await demo.page.getByLabel("Gebiet", { exact: true }).first().inputValue()).toBe(String(district.number));
    expect(await demo.page.locator("td.goal-cell").count()).toBe(
      (await goals("stadt")).goals.reduce((n, g) => n + g.measures.length, 0) * 4,
    );
  });
});

describe("Vergleichstabelle mit der Demo-Stadt", () => {
  test("zeigt alle Gebiete gegen die Gesamtstadt und sortiert per Permalink", async () => {
    const res = await fetch(`${demo.server.url}/api/benchmarks?field=WA`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      indicators: { id: string; shortTitle: string }[];
      areas: { name: string; cells: { value: number | null }[] }[];
    };
    expect(body.areas.length).toBeGreaterThan(45);
    const first = body.indicators[0];
    await demo.page.goto(`/vergleichstabelle?feld=WA&sort=${first.id}`);
    await demo.page.locator("table.area-table tbody tr").first().waitFor();
    expect(await demo.page.locator("table.area-table tbody tr").count()).toBe(body.areas.length);
    // Sorted by the first indicator, highest first: the top row is the area with the highest value.
    const top = [...body.areas]
      .filter((a) => a.cells[0].value !== null)
      .sort((a, b) => (b.cells[0].value as number) - (a.cells[0].value as number))[0];
    expect(await demo.page.locator("table.area-table tbody th").first().textContent()).toBe(top.name);
    expect(await demo.page.locator("th[aria-sort=descending]").count()).toBe(1);
    expect(await seriousA11yViolations(demo.page)).toEqual([]);
    expect(demo.tab.errors).toEqual([]);
    await screenshot(demo.page, "vergleichstabelle", { fullPage: false });
  });
});
