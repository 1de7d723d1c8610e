// The map with Münster's real Stadtteil boundaries: a server started with MONITOR_GEOJSON pointing at the
// boundary file in the reference folder (read in place, never copied), switched from the tile map to "Grenzen".
// Skipped without the reference folder.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { MUENSTER_STADTTEILE_FILE, referenceFolder } from "../support/reference-folder.ts";
import {
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startServer,
  type TestPage,
} from "./harness.ts";

const reference = referenceFolder("Browser-Tests mit Münsters echten Stadtteilgrenzen");
const stadtteileGeojson = reference.path(MUENSTER_STADTTEILE_FILE);

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ MONITOR_GEOJSON: stadtteileGeojson }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(async () => {
  tab = await openPage(browser, server.url);
  page = tab.page;
});
afterEach(async () => {
  await tab?.close();
});

interface ShapeBox {
  nr: string;
  d: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function shapeBoxes(): Promise<ShapeBox[]> {
  return page.locator("path.map-shape").evaluateAll((els) =>
    els.map((el) => {
      const box = (el as SVGPathElement).getBBox();
      return {
        nr: el.getAttribute("data-stadtteil") ?? "",
        d: el.getAttribute("d") ?? "",
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
        width: box.width,
        height: box.height,
      };
    }),
  );
}

reference.describe("Karte mit echten Stadtteilgrenzen", () => {
  test("der Server liefert Münsters Grenzdatei mit Quellenangabe", async () => {
    const res = await fetch(`${server.url}/api/geo/stadtteile`);
    expect(res.status).toBe(200);
    const geo = (await res.json()) as { features: unknown[]; attribution?: string };
    expect(geo.features).toHaveLength(45);
    expect(geo.attribution).toContain("Datenlizenz Deutschland");
  });

  test("nach dem Umschalten auf „Grenzen“ zeichnet die Karte 45 Stadtteilflächen, die wie Münster liegen", async () => {
    await page.goto("/stadtteilvergleich?indicator=anteil_mv");
    await page.locator(".map-shape").first().waitFor();
    expect(await page.locator(".im-map").getAttribute("data-kind")).toBe("cartogram"); // tiles by default
    const toggle = page.getByRole("button", { name: "Grenzen" });
    await toggle.click();
    await page.locator('.im-map[data-kind="boundaries"]').waitFor();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(new URL(page.url()).searchParams.get("map")).toBe("boundaries");

    const shapes = await shapeBoxes();
    expect(shapes).toHaveLength(45);
    expect(new Set(shapes.map((s) => s.nr)).size).toBe(45);
    for (const s of shapes) {
      expect(s.d.length, `Pfad von ${s.nr}`).toBeGreaterThan(20);
      expect(s.width * s.height, `Fläche von ${s.nr}`).toBeGreaterThan(0);
    }
    // Orientation: north is up, west is left.
    const at = (nr: string) => shapes.find((s) => s.nr === nr) as ShapeBox;
    expect(at("68").y, "Sprakel liegt nördlich von Hiltrup").toBeLessThan(at("97").y);
    expect(at("57").x, "Roxel liegt westlich von Gelmer").toBeLessThan(at("76").x);
    // The small inner-city Stadtteile are smaller than the outer ones.
    expect(at("13").width * at("13").height).toBeLessThan(at("57").width * at("57").height);
    expect(await page.locator(".im-map-attribution").textContent()).toContain("Stadt Münster");
    await screenshot(page, "karte-grenzen-stadtteilvergleich");
  });

  test("ein Link mit map=boundaries öffnet die Sozialmonitoring-Karte gleich mit den Grenzen", async () => {
    await page.goto("/sozialmonitoring?map=boundaries");
    await page.locator('.im-map[data-kind="boundaries"]').waitFor();
    const shapes = await shapeBoxes();
    expect(new Set(shapes.map((s) => s.nr)).size).toBe(45);
    expect(shapes.every((s) => s.d.length > 20)).toBe(true);
    expect(await page.getByRole("button", { name: "Grenzen" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "karte-grenzen-sozialmonitoring");
  });

  test("ein Klick auf die Fläche von Coerde öffnet den Steckbrief von Coerde", async () => {
    await page.goto("/stadtteilvergleich?indicator=anteil_mv&map=boundaries");
    const shape = page.locator('path.map-shape[data-stadtteil="61"]');
    await shape.waitFor();
    await shape.click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 5000, message: `URL nach dem Klick: ${page.url()}` })
      .toBe("/stadtteile/61");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Stadtteil-Steckbrief: Coerde");
  });

  test("axe-core findet in der Karte mit Grenzen keine schwerwiegenden oder kritischen Verstöße", async () => {
    await page.goto("/stadtteilvergleich?indicator=anteil_mv&map=boundaries");
    await page.locator('.im-map[data-kind="boundaries"]').waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
  });
});
