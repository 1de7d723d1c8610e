// Issue 12, "Broken or wrong", in the browser with the demo city: a city-only indicator with a Stadtteil
// chosen, an election's indicator, the value axis's ticks and minus sign; screenshots at 1280×900 and 390×844.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { useDemoPage } from "./demo-page.ts";
import { screenshot, screenshotDir } from "./harness.ts";

const demo = useDemoPage();

async function settled(): Promise<void> {
  await expect.poll(() => demo.page.locator(".state-loading").count(), { timeout: 20_000 }).toBe(0);
  await demo.page.locator(".chart-frame svg.recharts-surface").first().waitFor();
}

/** Tick labels of one axis: the value axis's are right-aligned (`end`), the years' centred (`middle`). */
async function axisLabels(svg: ReturnType<Page["locator"]>, anchor: "end" | "middle"): Promise<string[]> {
  await svg.locator(".recharts-cartesian-axis-tick-value").first().waitFor();
  return svg
    .locator(".recharts-cartesian-axis-tick-value")
    .evaluateAll(
      (texts, wanted) => texts.filter((t) => t.getAttribute("text-anchor") === wanted).map((t) => t.textContent ?? ""),
      anchor,
    );
}

/** The value axis's tick labels of the first chart. */
async function yTicks(): Promise<string[]> {
  return axisLabels(demo.page.locator(".chart-frame svg.recharts-surface").first(), "end");
}

describe("Issue 12 im Browser", () => {
  test("ein Indikator nur für die Gesamtstadt zeigt mit gewähltem Stadtteil die Stadt, sagt es und behält den Stadtteil", async () => {
    await demo.page.setViewportSize({ width: 1280, height: 900 });
    await demo.page.goto("/indikatoren/gymnasialquote_kl8?area=91");
    await settled();
    expect(await demo.page.locator(".state-error").count()).toBe(0);
    expect(await demo.page.locator("main").textContent()).toContain("Diesen Indikator gibt es nur für die Gesamtstadt");
    expect(new URL(demo.page.url()).searchParams.get("area")).toBe("91");
    await screenshot(demo.page, "issue12-city-only-1280", { fullPage: false });
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await settled();
    await screenshot(demo.page, "issue12-city-only-390", { fullPage: false });
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test("die Wahlbeteiligung zeigt nur Wahljahre: keine Linie über die Jahre dazwischen, keine „…“-Fußnoten", async () => {
    await demo.page.setViewportSize({ width: 1280, height: 900 });
    await demo.page.goto("/indikatoren/wahlbeteiligung_integrationsrat");
    await settled();
    const frame = demo.page.locator(".chart-frame").first();
    const strokes = await frame
      .locator(".recharts-line-curve")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("stroke")));
    expect(strokes.length).toBeGreaterThan(0);
    expect(strokes.every((s) => s === "none")).toBe(true);
    const years = await axisLabels(frame.locator("svg.recharts-surface").first(), "middle");
    expect(years.length).toBeGreaterThan(0);
    expect(years.length).toBeLessThanOrEqual(4);
    expect(await frame.textContent()).not.toMatch(/…: /);
    await screenshot(demo.page, "issue12-wahl-1280", { fullPage: false });
  });

  test("die Werteachse hat gleichmäßige runde Teilstriche ohne Extra-Strich am Maximum und ein echtes Minuszeichen", async () => {
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await demo.page.goto("/indikatoren/auslaenderanteil?area=stadt");
    await settled();
    const labels = await yTicks();
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.join(" ")).not.toContain("-");
    const values = labels.map((l) => Number(l.replace("\u2212", "-").replace(/\./g, "").replace(",", ".")));
    const steps = values.slice(1).map((v, i) => Math.round((v - values[i]) * 1000) / 1000);
    expect(new Set(steps).size, `Teilstriche ${labels.join(", ")}`).toBe(1);
    await demo.page
      .locator(".chart-frame")
      .first()
      .screenshot({ path: `${screenshotDir}/issue12-axis-390.png` });
    await demo.page.goto("/indikatoren/doppelstaatler?area=91&breakdown=geschlecht");
    await settled();
    await demo.page
      .locator(".chart-frame")
      .first()
      .screenshot({ path: `${screenshotDir}/issue12-break-390.png` });
  });

  test("Stadtteilvergleich Duldung/Gestattung: geheime Stadtteile mit „.“ in der Rangfolge, Kartenklassen getrennt (Aufnahmen)", async () => {
    await demo.page.setViewportSize({ width: 1280, height: 900 });
    await demo.page.goto("/stadtteilvergleich?indicator=duldung_gestattung");
    await expect.poll(() => demo.page.locator(".state-loading").count(), { timeout: 20_000 }).toBe(0);
    await demo.page.locator(".recharts-label-list text").first().waitFor();
    const frames = demo.page.locator(".chart-frame");
    expect(await frames.first().locator(".recharts-label-list text").allTextContents()).toContain(".");
    await frames.first().screenshot({ path: `${screenshotDir}/issue12-ranking-1280.png` });
    if ((await frames.count()) > 1) await frames.nth(1).screenshot({ path: `${screenshotDir}/issue12-map-1280.png` });
    await demo.page.setViewportSize({ width: 390, height: 844 });
    await demo.page.reload();
    await demo.page.locator(".recharts-label-list text").first().waitFor();
    const plot = await frames.first().locator(".recharts-cartesian-grid").boundingBox();
    expect(plot?.width ?? 0, "Länge der Balken auf dem Telefon").toBeGreaterThan(120);
    await frames.first().screenshot({ path: `${screenshotDir}/issue12-ranking-390.png` });
    await frames.first().getByRole("button", { name: "Tabelle" }).click();
    const table = frames.first().locator("table.data-table");
    expect(await table.locator("tbody").textContent()).not.toMatch(/suppressed|missing|\bok\b/);
    expect(await table.locator("tbody tr", { hasText: "Wolbeck" }).textContent()).toContain("Geheimhaltung");
    await demo.page.goto("/indikatoren/wahlbeteiligung_integrationsrat?area=stadt");
    await settled();
    await demo.page
      .locator(".chart-frame")
      .first()
      .screenshot({ path: `${screenshotDir}/issue12-wahl-chart-390.png` });
    expect(await demo.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
