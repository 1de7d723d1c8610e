// Interactions against the real server with the demo city: map → Steckbrief, permalinks with back/forward,
// the table view's German numbers, suppressed values and keyboard use.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  startServer,
  type TestPage,
  waitForMarks,
} from "./harness.ts";

interface ValueRow {
  year: number;
  area: string;
  areaName: string;
  breakdown: string;
  group: string;
  value: number | null;
  status: string;
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

/** What a sighted reader sees in the element: its text without the screen-reader-only parts. */
function visibleText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll(".sr-only")) hidden.remove();
    return (copy.textContent ?? "").trim();
  });
}

const pathname = () => new URL(page.url()).pathname;
const query = (key: string) => new URL(page.url()).searchParams.get(key);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
// Every test starts cold: new context, empty cache and history.
beforeEach(async () => {
  tab = await openPage(browser, server.url);
  page = tab.page;
});
afterEach(async () => {
  await tab?.close();
});

describe("Karte", () => {
  for (const view of [
    { name: "Stadtteilvergleich", path: "/stadtteilvergleich?indicator=anteil_mv" },
    { name: "Sozialmonitoring", path: "/sozialmonitoring" },
  ]) {
    test(`ein Klick auf Coerde in der Karte des ${view.name}s öffnet den Steckbrief von Coerde`, async () => {
      await page.goto(view.path);
      const tile = page.locator('.map-shape[data-stadtteil="61"]');
      await tile.waitFor();
      expect(await tile.getAttribute("aria-label")).toMatch(/^61 Coerde: /);
      await tile.click();
      await expect
        .poll(pathname, { timeout: 5000, message: `URL nach dem Klick: ${page.url()}` })
        .toBe("/stadtteile/61");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Stadtteil-Steckbrief: Coerde");
    });
  }
});

describe("Permalinks", () => {
  test("ein Link mit Indikator, Gebiet und Aufschlüsselung stellt die Ansicht wieder her; Zurück und Vor gehen durch die Änderungen", async () => {
    await page.goto("/indikatoren/anteil_mv?area=61&breakdown=geschlecht");
    expect(await waitForMarks(page, ".recharts-line-curve", 3)).toBe(3);
    const area = page.getByLabel("Gebiet", { exact: true });
    const breakdown = page.getByLabel("Aufschlüsselung", { exact: true });
    const indicator = page.getByLabel("Indikator", { exact: true });
    expect(await area.inputValue()).toBe("61");
    expect(await breakdown.inputValue()).toBe("geschlecht");
    expect(await indicator.inputValue()).toBe("anteil_mv");
    expect(await page.locator(".chart-frame h2").first().textContent()).toContain("Coerde");
    expect(await page.locator(".series-legend li span").allTextContents()).toEqual(
      expect.arrayContaining(["Insgesamt", "weiblich", "männlich"]),
    );

    await breakdown.selectOption("alter");
    await expect.poll(() => query("breakdown")).toBe("alter");
    expect(await waitForMarks(page, ".recharts-line-curve", 8)).toBe(8);
    await area.selectOption("stadt");
    await expect.poll(() => query("area")).toBe(null); // the default is left out of the URL
    await expect.poll(() => page.locator(".chart-frame h2").first().textContent()).toContain("Gesamtstadt");

    await page.goBack();
    await expect.poll(() => query("area")).toBe("61");
    await expect.poll(() => area.inputValue()).toBe("61");
    expect(await breakdown.inputValue()).toBe("alter");
    await expect.poll(() => page.locator(".chart-frame h2").first().textContent()).toContain("Coerde");

    await page.goBack();
    await expect.poll(() => query("breakdown")).toBe("geschlecht");
    await expect.poll(() => breakdown.inputValue()).toBe("geschlecht");
    await expect.poll(() => page.locator(".recharts-line-curve").count()).toBe(3);

    await page.goForward();
    await expect.poll(() => breakdown.inputValue()).toBe("alter");
    await expect.poll(() => page.locator(".recharts-line-curve").count()).toBe(8);
    expect(await area.inputValue()).toBe("61");
  });

  test("ein Link auf den Stadtteilvergleich mit Indikator, Jahr, Gruppe und Stadtteil stellt alle Auswahlen wieder her", async () => {
    const detail = await api<{ years: number[]; indicator: { shortTitle: string } }>(
      "/api/indicators/arbeitslosenquote_ausl",
    );
    const year = detail.years[Math.floor(detail.years.length / 2)];
    expect(year).toBeLessThan(detail.years[detail.years.length - 1]); // not the default year
    await page.goto(
      `/stadtteilvergleich?indicator=arbeitslosenquote_ausl&year=${year}&group=auslaendisch&stadtteil=61`,
    );
    await waitForMarks(page, ".recharts-bar-rectangle path", 10);
    expect(await page.getByLabel("Indikator", { exact: true }).inputValue()).toBe("arbeitslosenquote_ausl");
    expect(await page.getByLabel("Jahr", { exact: true }).inputValue()).toBe(String(year));
    expect(await page.getByLabel("Gruppe", { exact: true }).inputValue()).toBe("auslaendisch");
    const title = await page.locator(".chart-frame h2").first().textContent();
    expect(title).toContain(String(year));
    expect(title).toContain(detail.indicator.shortTitle);
    expect(await page.locator(".selection").textContent()).toContain("Ausgewählt: Coerde.");
    expect(await page.locator('.map-shape[data-stadtteil="61"]').getAttribute("aria-current")).toBe("true");

    // Changing the year is one history step; Back returns to the permalink's year.
    const other = detail.years[detail.years.length - 1];
    await page.getByLabel("Jahr", { exact: true }).selectOption(String(other));
    await expect.poll(() => page.locator(".chart-frame h2").first().textContent()).toContain(String(other));
    await page.goBack();
    await expect.poll(() => page.getByLabel("Jahr", { exact: true }).inputValue()).toBe(String(year));
    await expect.poll(() => page.locator(".chart-frame h2").first().textContent()).toContain(String(year));
  });
});

describe("Tabellenansicht", () => {
  test("die Tabelle zu einem Diagramm zeigt die Zahlen im deutschen Format", async () => {
    const values = await api<{ rows: ValueRow[] }>("/api/indicators/anteil_mv/values?area=stadt&breakdown=gesamt");
    const ok = values.rows.filter((r) => r.status === "ok" && r.value !== null);
    await page.goto("/indikatoren/anteil_mv");
    await waitForMarks(page, ".recharts-line-curve");
    const frame = page.locator(".chart-frame").first();
    await frame.getByRole("button", { name: "Tabelle" }).click();
    expect(await frame.getByRole("button", { name: "Tabelle" }).getAttribute("aria-pressed")).toBe("true");
    const table = frame.locator("table.data-table");
    await table.waitFor();
    const cells = (await table.locator("tbody td").allTextContents()).map((c) => c.trim());
    expect(cells.filter((c) => /^\d{1,3},\d\s?%$/.test(c))).toHaveLength(ok.length);
    expect(cells.join(" ")).not.toMatch(/\d\.\d/); // no decimal point
    // The last year's cell is the API value rounded to one decimal with a comma.
    const last = ok.sort((a, b) => a.year - b.year)[ok.length - 1];
    const row = table.locator("tbody tr", { has: page.locator("th", { hasText: String(last.year) }) });
    const expected = `${(last.value as number).toFixed(1).replace(".", ",")}`;
    expect((await row.locator("td").first().textContent())?.replace(/\s/g, " ")).toBe(`${expected} %`);
    expect(await table.locator("caption").textContent()).toContain("Gesamtstadt");
    await screenshot(page, "indikator-anteil_mv-tabelle");
  });
});

/** A Stadtteil value of an indicator's total that is suppressed on public requests, found through the API. */
async function findSuppressed(): Promise<{ indicator: string; row: ValueRow }> {
  const catalogue = await api<{ indicators: { id: string }[] }>("/api/indicators");
  for (const { id } of catalogue.indicators) {
    const all = await api<{ rows: ValueRow[] }>(`/api/indicators/${id}/values?breakdown=gesamt`);
    const candidate = all.rows.find((r) => r.status === "suppressed" && /^\d+$/.test(r.area) && r.group === "gesamt");
    if (!candidate) continue;
    // Confirm through the per-area request the Indikator view itself makes.
    const here = await api<{ rows: ValueRow[] }>(`/api/indicators/${id}/values?area=${candidate.area}`);
    const row = here.rows.find((r) => r.year === candidate.year && r.group === "gesamt" && r.breakdown === "gesamt");
    if (row?.status === "suppressed") {
      expect(row.value, "ein unterdrückter Wert kommt öffentlich als null").toBeNull();
      return { indicator: id, row };
    }
  }
  throw new Error("Die Demo-Stadt hat keinen unterdrückten Stadtteilwert – der Test braucht einen.");
}

describe("Geheimhaltung", () => {
  test("ein unterdrückter Wert erscheint in Tabelle, Diagramm, Rangfolge und Karte als Punkt mit Fußnote, nie als 0", async () => {
    const { indicator, row } = await findSuppressed();
    const values = await api<{ rows: ValueRow[] }>(
      `/api/indicators/${indicator}/values?area=${row.area}&breakdown=gesamt`,
    );
    const drawn = values.rows.filter((r) => r.group === "gesamt" && r.status === "ok" && r.value !== null).length;

    await page.goto(`/indikatoren/${indicator}?area=${row.area}&breakdown=gesamt`);
    await waitForMarks(page, ".recharts-line-curve");
    // The chart leaves the year out instead of drawing a 0: one dot per value that is there.
    expect(await page.locator(".recharts-surface .series-marker").count()).toBe(drawn);
    const frame = page.locator(".chart-frame").first();
    await frame.getByRole("button", { name: "Tabelle" }).click();
    const tableRow = frame.locator("table.data-table tbody tr", {
      has: page.locator("th", { hasText: new RegExp(`^${row.year}$`) }),
    });
    const cell = tableRow.locator("td").first();
    expect(await cell.locator('[aria-hidden="true"]').textContent()).toBe(".");
    expect(await cell.textContent()).toContain("Wert aus Gründen der Geheimhaltung unterdrückt");
    expect(await visibleText(cell)).toBe(".");
    const footnotes = await frame.locator(".footnotes li").allTextContents();
    expect(
      footnotes.some((f) => f.startsWith(".") && f.includes(String(row.year)) && f.includes("Geheimhaltung")),
      `Fußnoten: ${JSON.stringify(footnotes)}`,
    ).toBe(true);
    expect(await frame.locator(".status-legend").textContent()).toContain(
      ".Wert aus Gründen der Geheimhaltung unterdrückt",
    );
    await screenshot(page, "geheimhaltung-indikator-tabelle");

    // Stadtteilvergleich of that year: the map tile and the ranking show "." as well.
    await page.goto(`/stadtteilvergleich?indicator=${indicator}&year=${row.year}`);
    const tile = page.locator(`.map-shape[data-stadtteil="${row.area}"]`);
    await tile.waitFor();
    expect(await tile.locator(".im-map-tile-value").textContent()).toBe(".");
    expect(await tile.getAttribute("aria-label")).not.toMatch(/: 0/);
    const rankFrame = page.locator(".chart-frame").first();
    await rankFrame.getByRole("button", { name: "Tabelle" }).click();
    const rankRow = rankFrame.locator("table.data-table tbody tr", {
      has: page.locator("th", { hasText: row.areaName }),
    });
    // Columns: Rang, Stadtteil (row header), Nr., Stadtbezirk, Wert …; the value is the fourth <td>.
    expect(await rankFrame.locator("thead th").nth(4).textContent()).toBe(`Wert ${row.year}`);
    const valueCell = rankRow.locator("td").nth(3);
    expect(await valueCell.locator('[aria-hidden="true"]').textContent()).toBe(".");
    expect(await visibleText(valueCell)).toBe(".");
    expect(await rankFrame.locator(".footnotes").textContent()).toContain("Geheimhaltung");
    await screenshot(page, "geheimhaltung-stadtteilvergleich");
  });
});

describe("Tastatur", () => {
  /** Presses Tab until `selector` has the focus; returns the number of presses or -1. */
  async function tabTo(selector: string, limit: number): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    }
    return -1;
  }

  test("mit Tab erreicht man die Hauptnavigation und eine Kachel der Karte; Enter auf der Kachel öffnet den Steckbrief", async () => {
    await page.goto("/stadtteilvergleich?indicator=anteil_mv");
    await page.locator(".map-shape").first().waitFor();
    await waitForMarks(page, ".recharts-bar-rectangle path", 1);

    const toNav = await tabTo('nav[aria-label="Hauptnavigation"] a', 5);
    expect(toNav, "Tab-Schritte bis zur Hauptnavigation").toBeGreaterThan(0);
    // The first skip target is the skip link, then the navigation follows soon.
    const toTile = await tabTo(".map-shape[data-stadtteil]", 80);
    expect(toTile, "Tab-Schritte von der Navigation bis zur ersten Kachel").toBeGreaterThan(0);
    const focused = await page.evaluate(() => ({
      nr: document.activeElement?.getAttribute("data-stadtteil"),
      label: document.activeElement?.getAttribute("aria-label"),
      outline: document.activeElement?.matches(":focus-visible"),
    }));
    expect(focused.nr).toMatch(/^\d+$/);
    expect(focused.outline).toBe(true);
    await screenshot(page, "tastatur-kachel-fokus", { fullPage: false });

    const districts = await api<{ districts: { number: number; name: string }[] }>("/api/districts");
    const name = districts.districts.find((d) => String(d.number) === focused.nr)?.name;
    await page.keyboard.press("Enter");
    await expect
      .poll(pathname, { timeout: 5000, message: `URL nach Enter auf ${focused.label}: ${page.url()}` })
      .toBe(`/stadtteile/${focused.nr}`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(`Stadtteil-Steckbrief: ${name}`);
  });

  test("der erste Tab-Schritt ist der Link „Zum Inhalt springen“, der den Fokus auf den Inhalt setzt", async () => {
    await page.goto("/");
    await page.locator(".card").first().waitFor();
    const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent), `Fokus vor Tab: ${before}`).toBe(
      "Zum Inhalt springen",
    );
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");
  });
});
