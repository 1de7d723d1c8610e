// Two cities in one instance (MONITOR_CITIES=muenster,almelo), as their readers see them: Almelo end to end in
// Dutch (overview, an indicator, the map of its buurten in their wijken, the report), Münster unchanged under its
// own path, and the cities side by side. Almelo's numbers are checked against its flow test (tests/flows); here
// the page must show what the API publishes, in Dutch formats.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  startCities,
  type TestPage,
} from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** A share as the Dutch dashboard writes it: decimal comma, one decimal, a space before the sign. */
const dutchPercent = (value: number) =>
  `${value.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}\u00a0%`;
/** A raw dictionary key on the page (`nav.overview`), which a missing translation would show. */
const RAW_KEY = /\b[a-z]+\.[a-z][A-Za-z]+(?:\.[a-z][A-Za-z]+)*\b/;

/** What sticks out sideways (empty: the page does not scroll sideways); a wide table may scroll in its frame. */
const sidewaysOverflow = () =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth && !e.closest(".table-scroll"))
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`),
  );

beforeAll(async () => {
  [server, browser] = await Promise.all([startCities(), launchBrowser()]);
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

describe("Almelo in het Nederlands", () => {
  test("het overzicht spreekt Nederlands, noemt buurten en toont de gepubliceerde waarden met decimale komma", async () => {
    const { rows } = await api<{ rows: { year: number; value: number }[] }>(
      "/almelo/api/indicators/anteil_mv/values?area=stadt&breakdown=gesamt",
    );
    const latest = rows.reduce((a, b) => (b.year > a.year ? b : a));
    await page.goto("/almelo/");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("nl");
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Overzicht: Gemeente totaal/);
    expect(await page.locator(".brand").textContent()).toBe("Integratiemonitor Almelo");
    const nav = await page.getByRole("navigation", { name: /navigatie/i }).textContent();
    expect(nav).toContain("Buurtvergelijking");
    expect(nav).toContain("Gemeenten vergelijken");
    const card = page.locator(".card", { hasText: "Aandeel niet-Nederlandse herkomst" }).first();
    await card.waitFor();
    expect(await card.textContent()).toContain(dutchPercent(latest.value));
    expect(await page.locator("main").textContent()).not.toMatch(RAW_KEY);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "almelo-overzicht");
    expect(tab.errors).toEqual([]);
  });

  test("een indicator met Nederlandse titel en definitie, grafiek en tabel", async () => {
    await page.goto("/almelo/indikatoren/anteil_mv");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Inwoners met een niet-Nederlandse herkomst");
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("migranten en kinderen van migranten, CBS-indeling 2022");
    await page.locator(".recharts-line-curve").first().waitFor();
    await page.getByRole("button", { name: "Tabel" }).first().click();
    const cells = await page.locator(".data-table td.numeric").allTextContents();
    expect(cells.some((c) => /^\d{1,2},\d\u00a0%$/.test(c))).toBe(true);
    expect(tab.errors).toEqual([]);
  });

  test("de kaart toont de 71 buurten, in blokken per wijk; een klik opent het buurtprofiel", async () => {
    await page.goto("/almelo/stadtteilvergleich?indicator=anteil_mv");
    const tiles = page.locator(".im-map").first().locator(".map-shape[data-stadtteil]");
    await tiles.first().waitFor();
    expect(await tiles.count()).toBe(71);
    const tile = page.locator('.map-shape[data-stadtteil="1000"]').first();
    expect(await tile.getAttribute("aria-label")).toMatch(/^1000 Binnenstad Noord: /);
    await tile.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/almelo/stadtteile/1000");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Binnenstad Noord");
    await screenshot(page, "almelo-buurtprofiel");
    expect(tab.errors).toEqual([]);
  });

  test("het rapport laadt alle beleidsvelden zonder fout, ook op een telefoon", async () => {
    await page.goto("/almelo/bericht");
    await page.locator(".report-document").waitFor({ timeout: 60_000 });
    expect(await page.locator(".report-doc-title").textContent()).toBe("Integratiemonitor Almelo");
    expect(await page.locator(".state-error").count()).toBe(0);
    // A phone opens the report and the overview as it is.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/almelo/bericht");
    await page.locator(".report-document").waitFor({ timeout: 60_000 });
    await expect.poll(sidewaysOverflow, { timeout: 10_000 }).toEqual([]);
    await page.goto("/almelo/");
    await page.locator(".card").first().waitFor();

    await expect.poll(sidewaysOverflow, { timeout: 10_000 }).toEqual([]);
    await screenshot(page, "almelo-overzicht-390", { fullPage: false });
    // The header keeps to a fifth of the screen in an instance of several cities too (as on /indikatoren in
    // dashboard-more.test.ts; the overview adds its area select below it).
    await page.goto("/almelo/indikatoren");
    await page.locator("h1").waitFor();
    expect((await page.locator(".site-header").boundingBox())?.height ?? 999).toBeLessThanOrEqual(844 / 5);
    expect(tab.errors).toEqual([]);
  });

  test("the same dashboard in English keeps its English in every link", async () => {
    await page.goto("/almelo/?lang=en");
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Overview: Whole city/);
    await page.getByRole("link", { name: "Indicators", exact: true }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("lang")).toBe("en");
    await expect.poll(() => page.locator("main").textContent()).toContain("Residents of non-Dutch origin");
    expect(tab.errors).toEqual([]);
  });
});

describe("zwei Städte in einer Instanz", () => {
  test("Münster bleibt unter /muenster/ deutsch, mit Stadtteilen, und verlinkt Almelo", async () => {
    await page.goto("/muenster/");
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Übersicht: Gesamtstadt/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await page.getByRole("link", { name: "Stadtteilvergleich" }).count()).toBeGreaterThan(0);
    expect(await page.locator(".city-switch a").getAttribute("href")).toMatch(/^\/almelo\/\?lang=de$/);
    expect(tab.errors).toEqual([]);
  });

  test("der Städtevergleich nennt die Vergleichbarkeit, beide Definitionen und den Abstand in jeder Stadt", async () => {
    const compared = await api<{
      year: number | null;
      comparability: { level: string; note: string };
      cities: { name: string; value: number | null }[];
    }>("/api/cities/vergleich/anteil_mv");
    expect(compared.comparability.level).toBe("eingeschraenkt");
    expect(compared.cities.map((c) => c.name)).toEqual(["Münster", "Almelo"]);
    await page.goto("/muenster/staedte?indicator=anteil_mv");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Städtevergleich");
    const panel = page.locator("section.panel", { has: page.locator("#cities-compared") });
    await panel.waitFor();
    expect(await panel.textContent()).toContain("eingeschränkt vergleichbar.");
    expect(await panel.textContent()).toContain("Keine gemeinsame Rangfolge");
    const cards = panel.locator(".card");
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).locator("h3").textContent()).toBe("Münster");
    expect(await cards.nth(1).locator("h3").textContent()).toBe("Almelo");
    // Both definitions one click away.
    await cards.nth(1).locator("summary").click();
    expect(await cards.nth(1).locator("details p").textContent()).toMatch(/Herkunft|herkomst/);
    const gender = page.getByRole("table", { name: /nach Geschlecht je Handlungsfeld und Stadt/ });
    expect(await gender.locator("thead th").allTextContents()).toEqual(["Handlungsfeld", "Münster", "Almelo"]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "staedtevergleich");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(sidewaysOverflow, { timeout: 10_000 }).toEqual([]);
    expect(tab.errors).toEqual([]);
  });
});
