// Issue 12, second part, in chromium with the demo city: the Indikator page's map with a year slider, direct
// labels and the tooltip; the map's visible label on hover and keyboard focus; the Sozialmonitoring's combined
// status × dynamics map; the Steckbrief with the locator map, Gesamteinordnung in words, group gaps and two
// Stadtteile side by side; the menu button on a phone. As a planner at 1280×900 and a council member at 390×844,
// with the keyboard, axe-core and screenshots.
import { expect, test } from "vitest";
import { MUENSTER_STADTTEILE_FILE, referenceFolder } from "../support/reference-folder.ts";
import { useDemoPage } from "./demo-page.ts";
import { launchBrowser, openPage, screenshot, screenshotDir, seriousA11yViolations, startServer } from "./harness.ts";

const demo = useDemoPage();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function settled(): Promise<void> {
  await expect.poll(() => demo.page.locator(".state-loading").count(), { timeout: 30_000 }).toBe(0);
  expect(await demo.page.locator(".state-error").allTextContents(), "Fehlerzustand in der Ansicht").toEqual([]);
}

async function noSidewaysScroll(): Promise<void> {
  const widths = await demo.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], `scrollWidth ${widths[0]} bei innerWidth ${widths[1]}`).toBeLessThanOrEqual(widths[1]);
}

async function noSeriousViolations(): Promise<void> {
  const violations = await seriousA11yViolations(demo.page);
  expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
}

test("Indikator: Karte mit Jahresregler (Tastatur), Beschriftung am Linienende und Tooltip mit Jahr und Werten", async () => {
  const { page } = demo;
  await page.setViewportSize(DESKTOP);
  await page.goto("/indikatoren/sgb2_15_64_st?area=61");
  await settled();
  await page.locator(".chart-frame svg.recharts-surface").first().waitFor();
  // Direct labels: one per line with a value, inside the chart's SVG.
  const series = await page.locator(".chart-frame").first().locator(".series-legend li").count();
  const labels = await page.locator(".direct-labels text").allTextContents();
  expect(series).toBeGreaterThan(1);
  expect(labels).toHaveLength(series);
  // The tooltip names the year and the values in German format.
  const surface = page.locator(".chart-frame").first().locator(".recharts-surface");
  await surface.scrollIntoViewIfNeeded();
  const box = await surface.boundingBox();
  if (!box) throw new Error("kein Diagramm");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.5);
  const tip = page.locator(".chart-tooltip");
  await tip.waitFor();
  expect(await tip.locator(".chart-tooltip-year").textContent()).toMatch(/^Jahr \d{4}$/);
  expect(await tip.textContent()).toMatch(/\d,\d\u00a0%/);

  // The map of the Stadtteile beside chart and table, with Coerde (61) outlined.
  const map = page.locator(".chart-frame", { has: page.locator(".im-map") });
  await map.locator(".map-shape").first().waitFor();
  expect(await map.locator(".map-shape").count()).toBe(45);
  expect(await map.locator(".im-map-selected").count()).toBe(1);
  const slider = map.getByLabel("Jahr der Karte");
  const last = Number(await slider.getAttribute("aria-valuetext"));
  expect(last).toBeGreaterThan(2013);
  const heading = () => map.locator("h2").first().textContent();
  expect(await heading()).toContain(String(last));
  await slider.focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => slider.getAttribute("aria-valuetext")).toBe(String(last - 1));
  await expect.poll(heading).toContain(String(last - 1));
  expect(new URL(page.url()).searchParams.get("year")).toBe(String(last - 1));
  expect(await map.locator(".year-slider-value").textContent()).toBe(`Gezeigt: ${last - 1}`);
  await page.keyboard.press("Home");
  await expect.poll(() => slider.getAttribute("aria-valuetext")).toBe("2013");
  await page.keyboard.press("End");
  await expect.poll(() => slider.getAttribute("aria-valuetext")).toBe(String(last));

  // Keyboard focus on a Stadtteil shows its label as visible text, Escape hides it.
  // (past the tiles/boundaries switch, where the city has boundaries)
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.hasAttribute("data-stadtteil"))) break;
  }
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-stadtteil"));
  expect(focused).toMatch(/^\d+$/);
  const label = map.locator(".im-map-tooltip");
  await label.waitFor();
  expect(await label.textContent()).toMatch(new RegExp(`^${focused} `));
  expect(await label.isVisible()).toBe(true);
  await screenshot(page, "issue12b-indikator-karte-1280", { fullPage: false });
  await map.screenshot({ path: `${screenshotDir}/issue12b-indikator-kartenfokus-1280.png` });
  await page.keyboard.press("Escape");
  await expect.poll(() => label.count()).toBe(0);
  await screenshot(page, "issue12b-indikator-1280");
  await noSeriousViolations();

  // A council member on a phone: the same page, no sideways scrolling, the slider still there.
  await page.setViewportSize(PHONE);
  await page.goto("/indikatoren/sgb2_15_64_st?area=61");
  await settled();
  await map.locator(".map-shape").first().waitFor();
  await noSidewaysScroll();
  expect(await slider.isVisible()).toBe(true);
  await screenshot(page, "issue12b-indikator-390");
});

test("Telefon: Indikatoren mit langen Namen („Migrationsvorgeschichte“) brechen ihre Überschrift um, nicht die Seite", async () => {
  const { page } = demo;
  await page.setViewportSize(PHONE);
  for (const id of ["anteil_mv", "anteil_mv_u18"]) {
    await page.goto(`/indikatoren/${id}`);
    await settled();
    await page.locator("h1").first().waitFor();
    await noSidewaysScroll();
  }
});

test("Wahlbeteiligung: das Legendensymbol ist nur die Markierung der Wahljahre, ohne Linie", async () => {
  const { page } = demo;
  await page.setViewportSize(DESKTOP);
  await page.goto("/indikatoren/wahlbeteiligung_integrationsrat");
  await settled();
  const legend = page.locator(".chart-frame").first().locator(".series-legend");
  await legend.waitFor();
  expect(await legend.locator(".series-icon path").count()).toBeGreaterThan(0);
  expect(await legend.locator(".series-icon line").count()).toBe(0);
});

test("Sozialmonitoring: eine Karte aus Status × Dynamik mit Legendenmatrix, deren Zahlen die Stadtteile zählen", async () => {
  const { page } = demo;
  await page.setViewportSize(DESKTOP);
  const index = (await (await fetch(`${demo.server.url}/api/sozialmonitoring/index`)).json()) as {
    units: { stadtteil: number; statusClass: string | null; dynamicsClass: string | null }[];
    suppressed: Record<string, string>;
  };
  await page.goto("/sozialmonitoring");
  await settled();
  const matrix = page.locator(".bivariate-legend table");
  await matrix.waitFor();
  // 4 status rows × 3 dynamics columns, each the number of Stadtteile with that pair in the API's answer
  // (a Stadtteil withheld as a whole, `units.<nr>`, has no colour and is not counted).
  expect(await matrix.locator("tbody tr").count()).toBe(4);
  const counts = (await matrix.locator("tbody td").allTextContents()).map(Number);
  const shown = index.units.filter((u) => !index.suppressed[`units.${u.stadtteil}`]);
  const expected = ["hoch", "mittel", "niedrig", "sehr niedrig"].flatMap((status) =>
    ["positiv", "stabil", "negativ"].map(
      (dynamics) => shown.filter((u) => u.statusClass === status && u.dynamicsClass === dynamics).length,
    ),
  );
  expect(counts).toEqual(expected);
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
  // Every coloured Stadtteil has one of the 12 colours of the matrix.
  const colours = new Set(
    await matrix.locator("tbody td").evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor)),
  );
  expect(colours.size).toBe(12);
  const shape = page.locator(".map-shape[data-stadtteil]").first();
  await shape.focus();
  expect(await page.locator(".im-map-tooltip").textContent()).toMatch(/Status .+, Dynamik |keine Angabe/);
  await screenshot(page, "issue12b-sozial-1280");
  await noSeriousViolations();
  await page.setViewportSize(PHONE);
  await page.reload();
  await settled();
  await matrix.waitFor();
  await noSidewaysScroll();
  await page.locator(".im-map").first().scrollIntoViewIfNeeded();
  await screenshot(page, "issue12b-sozial-390", { fullPage: false });
});

test("Steckbrief: Lagekarte, Gesamteinordnung in Worten, Stand einmal, Gruppenabstand und zwei Stadtteile nebeneinander", async () => {
  const { page } = demo;
  await page.setViewportSize(DESKTOP);
  await page.goto("/stadtteile/61");
  await settled();
  await page.locator(".card-grid .card").first().waitFor();
  await expect.poll(() => page.getByRole("img", { name: /^Lage von Coerde in der Stadt/ }).count()).toBe(1);
  expect(await page.locator(".locator-map .is-here").count()).toBe(1);
  await page.locator(".combined-explain").waitFor();
  expect(await page.locator(".combined-explain").textContent()).toMatch(
    /^Gesamteinordnung „[1-4] (\+|-|\+\/-)“: Die Ziffer ist der Status.* Coerde: Status (hoch|mittel|niedrig|sehr niedrig) und Dynamik (positiv|stabil|negativ)\. Damit gehört der Stadtteil (nicht )?zu den Gebieten mit besonderem Handlungsbedarf\.$/,
  );
  expect(await page.getByText(/^Stand der Werte: \d{4}\./).count()).toBe(1);
  expect(await page.locator(".group-gaps h2").textContent()).toBe("Unterschiede zwischen Gruppen in Coerde");
  expect(await page.locator(".city-compare").count()).toBeGreaterThan(0);
  expect(await page.locator(".city-compare").first().textContent()).toMatch(
    /^Unterschied zur Gesamtstadt: [+−]?\d+,\d\u00a0(Prozent|Promille)punkte$/,
  );

  // Choose a second Stadtteil with the keyboard: it goes into the URL and both stand side by side.
  const pick = page.getByLabel("Vergleichen mit");
  await pick.focus();
  await pick.selectOption({ label: "Aegidii" });
  await expect.poll(() => new URL(page.url()).searchParams.get("mit")).toBe("11");
  const pair = page.locator(".chart-frame", {
    has: page.locator("h2", { hasText: "Coerde und Aegidii nebeneinander" }),
  });
  await pair.waitFor();
  expect(await pair.locator(".card").count()).toBeGreaterThan(5);
  await pair.getByRole("button", { name: "Tabelle" }).click();
  const headers = await pair.locator("thead th").allTextContents();
  expect(headers).toEqual([
    "Indikator",
    "Jahr",
    "Coerde",
    "Aegidii",
    "Abstand Coerde − Aegidii",
    "Gesamtstadt",
    "Einheit",
  ]);
  await screenshot(page, "issue12b-steckbrief-paar-1280");
  await noSeriousViolations();
  await pair.getByRole("button", { name: "Vergleich beenden" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("mit")).toBeNull();

  await page.setViewportSize(PHONE);
  await page.goto("/stadtteile/61?mit=11");
  await settled();
  await pair.waitFor();
  await noSidewaysScroll();
  await screenshot(page, "issue12b-steckbrief-390");
});

test("Navigation auf dem Telefon: ein Menü-Knopf, der Kopf nimmt höchstens ein Fünftel des Bildschirms", async () => {
  const { page } = demo;
  await page.setViewportSize(PHONE);
  await page.goto("/indikatoren");
  await settled();
  const header = await page.locator(".site-header").boundingBox();
  expect(header?.height ?? 999).toBeLessThanOrEqual(844 / 5);
  const button = page.getByRole("button", { name: /^Menü/ });
  expect(await button.getAttribute("aria-expanded")).toBe("false");
  expect(await page.locator(".nav-list").isVisible()).toBe(false);
  await screenshot(page, "issue12b-menue-zu-390", { fullPage: false });
  await button.focus();
  await page.keyboard.press("Enter");
  expect(await button.getAttribute("aria-expanded")).toBe("true");
  const links = page.locator("nav .nav-list a");
  expect(await links.count()).toBe(await page.locator("nav .nav-list li").count());
  expect(await links.first().isVisible()).toBe(true);
  await screenshot(page, "issue12b-menue-offen-390", { fullPage: false });
  await noSeriousViolations();
  // Tab into the list, Escape closes it and gives focus back to the button.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest(".nav-list") !== null)).toBe(true);
  await page.keyboard.press("Escape");
  expect(await button.getAttribute("aria-expanded")).toBe("false");
  expect(await page.evaluate(() => document.activeElement?.classList.contains("nav-toggle"))).toBe(true);
  // Choosing a page closes the menu.
  await page.keyboard.press("Enter");
  await page.locator("nav .nav-list a", { hasText: "Sozialmonitoring" }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/sozialmonitoring");
  await expect.poll(() => button.getAttribute("aria-expanded")).toBe("false");
  await expect.poll(() => button.textContent()).toContain("Sozialmonitoring");

  await page.setViewportSize(DESKTOP);
  expect(await button.isVisible()).toBe(false);
  expect(await page.locator(".nav-list").isVisible()).toBe(true);
});

const reference = referenceFolder("Karte mit Münsters Grenzen: Beschriftung bei Hover und Fokus, Quellenhinweis");

reference.it(
  "Karte mit Grenzen: sichtbare Beschriftung bei Zeiger und Tastaturfokus, Quellenhinweis in Worten",
  async () => {
    const [server, browser] = await Promise.all([
      startServer({ MONITOR_GEOJSON: reference.path(MUENSTER_STADTTEILE_FILE) }),
      launchBrowser(),
    ]);
    try {
      const tab = await openPage(browser, server.url);
      const page = tab.page;
      await page.setViewportSize(DESKTOP);
      await page.goto("/indikatoren/sgb2_15_64_st?area=61&map=boundaries");
      const map = page.locator(".im-map[data-kind='boundaries']");
      await map.locator("path.map-shape").first().waitFor({ timeout: 30_000 });
      expect(await map.locator("path.map-shape title").count()).toBe(0);
      const coerde = map.locator('path.map-shape[data-stadtteil="61"]');
      await coerde.hover();
      const label = map.locator(".im-map-tooltip");
      await label.waitFor();
      expect(await label.textContent()).toMatch(/^61 Coerde/);
      await page.mouse.move(0, 0);
      await expect.poll(() => label.count()).toBe(0);
      await map.locator('path.map-shape[data-stadtteil="11"]').focus();
      expect(await label.textContent()).toMatch(/^11 Aegidii/);
      const attribution = map.locator(".im-map-attribution > p");
      expect(await attribution.textContent()).toBe(
        "Stadtteilgrenzen: Stadt Münster (Stand 03.01.2022) · Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 · für die Karte vereinfacht",
      );
      expect(await map.locator(".im-map-attribution details").getAttribute("open")).toBeNull();
      await map.screenshot({ path: `${screenshotDir}/issue12b-grenzen-fokus-1280.png` });
      const violations = await seriousA11yViolations(page);
      expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
      await page.setViewportSize(PHONE);
      await page.goto("/stadtteile/61");
      await page.locator(".locator-map path.is-here").waitFor();
      await screenshot(page, "issue12b-steckbrief-grenzen-390", { fullPage: false });
      await tab.close();
    } finally {
      await browser.close();
      await server.stop();
    }
  },
);
