// Every view of the dashboard against the real server with the demo city: it renders with data, its charts
// contain drawn SVG marks, axe-core finds no serious or critical violations, and a screenshot is written.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  screenshotDir,
  seriousA11yViolations,
  startServer,
  type TestPage,
  waitForMarks,
} from "./harness.ts";

interface Card {
  id: string;
  title: string;
  shortTitle: string;
  series: { year: number; value: number | null; status: string }[];
}

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** No error state, no spinner left, no uncaught exception or console error. */
async function expectHealthy(): Promise<void> {
  await expect.poll(() => page.locator(".state-loading").count(), { timeout: 20_000 }).toBe(0);
  expect(await page.locator(".state-error").allTextContents(), "Fehlerzustand in der Ansicht").toEqual([]);
  expect(tab.errors, "Fehler in der Browser-Konsole").toEqual([]);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("Ansichten mit der Demo-Stadt", () => {
  beforeAll(async () => {
    tab = await openPage(browser, server.url);
    page = tab.page;
  });
  beforeEach(() => {
    tab.errors.length = 0;
  });
  afterAll(async () => {
    await tab?.close();
  });

  test("die Übersicht zeigt für jede Indikatorkarte der API eine Karte mit Wert und gezeichneter Sparkline", async () => {
    const overview = await api<{ year: number; cards: Card[] }>("/api/overview?area=stadt");
    expect(overview.cards.length).toBeGreaterThan(10);
    await page.goto("/");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Übersicht: Gesamtstadt");
    await page.locator(".card").first().waitFor();
    await expectHealthy();

    expect(await page.locator(".card").count()).toBe(overview.cards.length);
    const withValues = overview.cards.filter((card) => card.series.some((p) => p.value !== null)).length;
    expect(await waitForMarks(page, "svg.sparkline path", withValues)).toBeGreaterThanOrEqual(withValues);
    // German numbers with the unit, e.g. "57,1 %" or "12,3 ‰".
    const values = await page.locator(".card-value").allTextContents();
    expect(values.filter((v) => /\d,\d\s?[%‰]/.test(v)).length).toBeGreaterThan(overview.cards.length / 2);
    expect(values.join(" ")).not.toMatch(/\d\.\d\s?%/); // no English decimal point
    expect(await page.locator("h1").textContent()).toContain(String(overview.year));

    await screenshot(page, "uebersicht");
    // The first screen at 1280×800, as in the README (docs/screenshots/uebersicht.png is copied from here by
    // hand, so a test run never changes a tracked file).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, "uebersicht-erster-bildschirm.png"), fullPage: false });
  });

  test("die Indikator-Ansicht für anteil_mv zeigt Titel, Definition und eine Linie mit einem Punkt je Jahr", async () => {
    const detail = await api<{ indicator: { title: string; definition: string }; years: number[] }>(
      "/api/indicators/anteil_mv",
    );
    const values = await api<{ rows: { group: string; status: string; value: number | null }[] }>(
      "/api/indicators/anteil_mv/values?area=stadt&breakdown=gesamt",
    );
    const okYears = values.rows.filter((r) => r.group === "gesamt" && r.status === "ok" && r.value !== null).length;
    expect(okYears).toBeGreaterThan(5);

    await page.goto("/indikatoren/anteil_mv");
    await expect.poll(() => page.locator("h1").textContent()).toBe(detail.indicator.title);
    expect(await waitForMarks(page, ".recharts-line-curve")).toBe(1);
    await expectHealthy();
    expect(await page.locator(".recharts-surface .series-marker").count()).toBe(okYears);
    expect(await page.locator(".meta-panel").textContent()).toContain(detail.indicator.definition);
    // The year axis names the first and the last year.
    const ticks = await page.locator(".recharts-xAxis-tick-labels text").allTextContents();
    expect(ticks).toContain(String(detail.years[0]));
    expect(ticks).toContain(String(detail.years[detail.years.length - 1]));
    await screenshot(page, "indikator-anteil_mv");
  });

  test("die Indikator-Ansicht nach Altersgruppen zeichnet eine Linie je Gruppe, die Legende in der Reihenfolge der Gruppen", async () => {
    const detail = await api<{ breakdowns: { id: string; groups: { label: string }[] }[] }>(
      "/api/indicators/anteil_mv",
    );
    const groups = detail.breakdowns.find((b) => b.id === "alter")?.groups.map((g) => g.label) ?? [];
    expect(groups.length).toBeGreaterThan(3);
    await page.goto("/indikatoren/anteil_mv?breakdown=alter");
    expect(await waitForMarks(page, ".recharts-line-curve", groups.length + 1)).toBe(groups.length + 1);
    await expectHealthy();
    await screenshot(page, "indikator-anteil_mv-alter");
    // Reading the legend must follow the series (youngest to oldest), not the alphabet.
    const legend = await page.locator(".series-legend li span").allTextContents();
    expect(legend).toEqual(["Insgesamt", ...groups]);
  });

  test("die Legendentexte des Liniendiagramms haben mindestens 4,5:1 Kontrast zum Hintergrund", async () => {
    // axe-core reports these only as "incomplete" (the legend icon hides the background), so measure them here.
    await page.goto("/indikatoren/anteil_mv?breakdown=alter");
    await waitForMarks(page, ".recharts-line-curve", 2);
    const texts = await page.locator(".series-legend li span").evaluateAll((els) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r, g, b].map((c) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R + 0.7152 * G + 0.0722 * B;
      };
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length >= 3 && (c.length === 3 || c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      return els.map((el) => {
        const fg = luminance(rgb(getComputedStyle(el).color));
        const bg = luminance(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return { text: el.textContent ?? "", color: getComputedStyle(el).color, ratio: Math.round(ratio * 100) / 100 };
      });
    });
    expect(texts.length).toBeGreaterThan(3);
    const poor = texts.filter((t) => t.ratio < 4.5);
    expect(poor, `Legendentexte unter 4,5:1: ${JSON.stringify(poor)}`).toEqual([]);
  });

  test("der Stadtteilvergleich zeigt je Stadtteil einen Balken, eine Kachel und eine Sparkline", async () => {
    const districts = await api<{ districts: { number: number; name: string }[] }>("/api/districts");
    expect(districts.districts).toHaveLength(45);
    // One bar per Stadtteil whose latest value is published (withheld ones are '.' rows, not bars).
    const shown = await publishedStadtteile("anteil_mv");
    await page.goto("/stadtteilvergleich?indicator=anteil_mv");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Stadtteilvergleich");
    expect(await waitForMarks(page, ".recharts-bar-rectangle path", shown)).toBe(shown);
    await expectHealthy();
    // The bar labels are German numbers.
    const labels = await page.locator(".recharts-label-list text").allTextContents();
    expect(labels.filter((l) => /^\d+,\d\s?%$/.test(l.trim()))).toHaveLength(shown);

    const shapes = await page
      .locator(".map-shape[data-stadtteil]")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-stadtteil")));
    expect(shapes).toHaveLength(45);
    expect(new Set(shapes).size).toBe(45);
    expect(new Set(shapes)).toEqual(new Set(districts.districts.map((d) => String(d.number))));
    expect(await page.locator(".im-map").getAttribute("data-kind")).toBe("cartogram");

    expect(await waitForMarks(page, ".multiples svg.sparkline path", 45)).toBeGreaterThanOrEqual(45);
    await screenshot(page, "stadtteilvergleich-anteil_mv");
  });

  test("der Steckbrief von 61 Coerde zeigt Kernindikatoren mit Stadtbezirk, Gesamtstadt und Sozialmonitoring", async () => {
    const overview = await api<{ cards: Card[] }>("/api/overview?area=61");
    const shown = overview.cards.filter((c) => c.series.some((p) => p.value !== null));
    expect(shown.length).toBeGreaterThan(3);

    await page.goto("/stadtteile/61");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Stadtteil-Steckbrief: Coerde");
    await page.locator(".card").first().waitFor();
    await expectHealthy();
    expect(await page.locator(".lead").first().textContent()).toContain("Stadtbezirk Nord");
    expect(await page.locator(".card").count()).toBe(shown.length);
    expect(await waitForMarks(page, ".card svg.sparkline path", shown.length)).toBeGreaterThanOrEqual(shown.length);
    const first = page.locator(".card").first();
    expect(await first.locator("dt").allTextContents()).toEqual(["Coerde", "Stadtbezirk Nord", "Gesamtstadt"]);
    expect(await first.locator(".here dd").textContent()).toMatch(/\d,\d\s?[%‰]/);
    // The Sozialmonitoring panel classifies Coerde.
    const sozial = page.locator(".sozial-panel");
    await sozial.waitFor();
    expect(await sozial.locator("h2").textContent()).toMatch(/^Sozialmonitoring \d{4}$/);
    expect(await sozial.locator("dt").allTextContents()).toContain("Status");
    await screenshot(page, "steckbrief-61-coerde");
  });

  test("das Sozialmonitoring zeigt die Segregationskurve, die Karte der 45 Stadtteile und die Kreuztabelle", async () => {
    const index = await api<{ year: number; units: unknown[]; excluded: unknown[] }>("/api/sozialmonitoring/index");
    await page.goto("/sozialmonitoring");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Sozialmonitoring");
    expect(await waitForMarks(page, ".recharts-line-curve")).toBe(1);
    await page.locator(".map-shape").first().waitFor();
    await expectHealthy();
    const shapes = await page
      .locator(".map-shape[data-stadtteil]")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-stadtteil")));
    expect(shapes).toHaveLength(45);
    expect(new Set(shapes).size).toBe(45);
    // The index of the year shown classifies the Stadtteile (not: all of them excluded).
    expect(index.units.length, `Sozialindex ${index.year}: ${index.excluded.length} ausgeschlossen`).toBeGreaterThan(
      40,
    );
    const crossTable = page.locator("table", {
      has: page.locator("caption", { hasText: "Status- und Dynamikklasse" }),
    });
    const counts = (await crossTable.locator("tbody td").allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(index.units.length);
    await screenshot(page, "sozialmonitoring");
  });

  test("die Datenseite bittet ohne Anmeldung um Benutzername und Passwort", async () => {
    await page.goto("/daten");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Daten");
    await expect.poll(() => page.getByLabel("Benutzername").count()).toBe(1);
    expect(await page.getByLabel("Passwort").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Anmelden" }).count()).toBe(1);
    await expectHealthy();
    await screenshot(page, "daten-anmelden");
  });

  test("der Indikatorenkatalog listet alle Indikatoren der API nach Handlungsfeldern", async () => {
    const catalogue = await api<{ indicators: { id: string }[] }>("/api/indicators");
    await page.goto("/indikatoren");
    await page.locator(".catalogue-list a").first().waitFor();
    await expectHealthy();
    expect(await page.locator(".catalogue-list a").count()).toBe(catalogue.indicators.length);
    await screenshot(page, "indikatoren");
  });

  test("der Bericht für die Gesamtstadt lädt alle Handlungsfelder ohne Fehler", async () => {
    await page.goto("/bericht");
    await page.locator(".report-document").waitFor();
    await expect.poll(() => page.locator(".report-progress").count(), { timeout: 30_000 }).toBe(0);
    await expectHealthy();
    expect(await page.locator(".report-field").count()).toBeGreaterThan(3);
    expect(await page.locator(".report-document").textContent()).toMatch(/\d,\d\s?%/);
    await screenshot(page, "bericht");
  });

  test("die Stadtteilliste verlinkt alle 45 Steckbriefe", async () => {
    await page.goto("/stadtteile");
    await page.locator(".district-list a").first().waitFor();
    await expectHealthy();
    const links = await page.locator(".district-list a").evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    expect(new Set(links).size).toBe(45);
    expect(links).toContain("/stadtteile/61");
  });
});

/** Each view, and what shows it is ready (drawn, not loading) before axe looks at it. */
const A11Y_VIEWS: { name: string; path: string; ready: string }[] = [
  { name: "Übersicht", path: "/", ready: "svg.sparkline path" },
  { name: "Indikatorenkatalog", path: "/indikatoren", ready: ".catalogue-list a" },
  { name: "Indikator anteil_mv", path: "/indikatoren/anteil_mv?breakdown=geschlecht", ready: ".recharts-line-curve" },
  { name: "Stadtteilvergleich", path: "/stadtteilvergleich?indicator=anteil_mv", ready: ".map-shape" },
  { name: "Stadtteilliste", path: "/stadtteile", ready: ".district-list a" },
  { name: "Steckbrief 61 Coerde", path: "/stadtteile/61", ready: ".sozial-panel" },
  { name: "Sozialmonitoring", path: "/sozialmonitoring", ready: ".map-shape" },
  { name: "Daten (Anmeldung)", path: "/daten", ready: "input[type=password]" },
  { name: "Bericht", path: "/bericht", ready: ".report-document" },
];

describe("Barrierefreiheit (axe-core)", () => {
  for (const view of A11Y_VIEWS) {
    test(`axe-core findet in der Ansicht „${view.name}“ keine schwerwiegenden oder kritischen Verstöße`, async () => {
      const { page, close } = await openPage(browser, server.url);
      try {
        await page.goto(view.path);
        await page.locator(view.ready).first().waitFor();
        await expect.poll(() => page.locator(".state-loading").count()).toBe(0);
        const violations = await seriousA11yViolations(page);
        expect(violations, `axe-Verstöße in ${view.path}:\n${violations.join("\n")}`).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  test("die axe-Prüfung erkennt einen absichtlich eingebauten Verstoß (sie prüft also wirklich)", async () => {
    const { page, close } = await openPage(browser, server.url);
    try {
      await page.goto("/stadtteile");
      await page.locator(".district-list a").first().waitFor();
      await page.evaluate(() => {
        const button = document.createElement("button"); // a button without a name: critical
        document.querySelector("main")?.append(button);
      });
      const violations = await seriousA11yViolations(page);
      expect(violations.some((v) => v.includes("button-name"))).toBe(true);
    } finally {
      await close();
    }
  });

  test("axe-core findet in der Tabellenansicht des Indikators keine schwerwiegenden oder kritischen Verstöße", async () => {
    const { page, close } = await openPage(browser, server.url);
    try {
      await page.goto("/indikatoren/anteil_mv?breakdown=geschlecht");
      await page.locator(".recharts-line-curve").first().waitFor();
      await page.getByRole("button", { name: "Tabelle" }).first().click();
      await page.locator("table.data-table").first().waitFor();
      const violations = await seriousA11yViolations(page);
      expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** How many Stadtteile show the indicator's latest total to the public. */
async function publishedStadtteile(indicator: string): Promise<number> {
  const { rows } = await api<{ rows: { year: number; area: string; status: string }[] }>(
    `/api/indicators/${indicator}/values?breakdown=gesamt`,
  );
  const latest = Math.max(...rows.map((r) => r.year));
  return rows.filter((r) => r.year === latest && /^\d+$/.test(r.area) && r.status === "ok").length;
}
