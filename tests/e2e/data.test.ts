// The "Daten" page against the real server with the demo city: log in with an account, upload a bad
// extract (German problem list with line numbers), a valid one (shows up in the import history), a conflict.
// The tests run in order on one browser tab: later ones build on the login and the import of earlier ones.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  adminToken,
  e2eAdmin,
  e2eAnalyst,
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  seriousA11yViolations,
  signIn,
  startServer,
  type TestPage,
} from "./harness.ts";

interface ImportRecord {
  id: number;
  profile: string;
  year: number;
  fileName: string;
}

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;

const BAD_FILE = "presse-2026-fehlerhaft.csv";
const BAD_CSV = [
  "Stichtag;Medium;Gesamt;Mehrsprachig",
  "31.12.2026;publikation;450;abc",
  "31.13.2026;webseite;-5;30",
  "31.12.2026;plakat;10;2",
  "",
].join("\n");
const GOOD_FILE = "presse-2026-e2e.csv";
const GOOD_CSV = [
  "Stichtag;Medium;Gesamt;Mehrsprachig",
  "31.12.2026;publikation;450;60",
  "31.12.2026;webseite;3.100;300",
  "",
].join("\n");

async function imports(): Promise<ImportRecord[]> {
  // The history is for analysts only (file names, hashes, who imported).
  const res = await fetch(`${server.url}/api/imports`, { headers: { authorization: `Bearer ${adminToken}` } });
  return ((await res.json()) as { imports: ImportRecord[] }).imports;
}

async function upload(name: string, csv: string, options: { replace?: boolean } = {}): Promise<void> {
  await page.getByLabel("Lieferformat (Profil)").selectOption("presse");
  await page.getByLabel("CSV-Datei").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  const replace = page.getByLabel("Vorhandene Lieferung für dieses Jahr ersetzen");
  if (options.replace) await replace.check();
  else await replace.uncheck();
  await page.getByRole("button", { name: "Hochladen und prüfen" }).click();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  tab = await openPage(browser, server.url);
  page = tab.page;
});
afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});
beforeEach(() => {
  tab.errors.length = 0;
});

describe("Datenseite", () => {
  test("ein falsches Passwort wird mit einer deutschen Meldung abgewiesen", async () => {
    await page.goto("/daten");
    await page.getByLabel("Benutzername").fill(e2eAnalyst.name);
    await page.getByLabel("Passwort").fill("falsches-passwort");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.");
    expect(await page.getByLabel("CSV-Datei").count()).toBe(0);
    // The expected 401 of the login, not a page error.
    expect(tab.errors.filter((e) => e !== "HTTP 401 POST /api/auth/login")).toEqual([]);
  });

  test("nach der Anmeldung zeigt die Seite das Hochladen und den Importverlauf der Demo-Stadt", async () => {
    const count = (await imports()).length;
    expect(count).toBeGreaterThan(200);
    await page.getByLabel("Passwort").fill(e2eAnalyst.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByLabel("CSV-Datei").waitFor();
    expect(await page.locator(".session").textContent()).toContain("Angemeldet (Dienstgebrauch)");
    expect(await page.locator(".account-bar").textContent()).toContain("Angemeldet als e2e-analyst (Analyst/in)");
    // The session is an HttpOnly cookie the page's script cannot read; nothing sits in the browser's storage.
    const cookie = (await tab.context.cookies()).find((c) => c.name === "im_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(await page.evaluate(() => document.cookie)).toBe("");
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    const history = page.locator("section.panel", { has: page.locator("h2", { hasText: "Importverlauf" }) });
    await expect.poll(() => history.locator("caption").textContent()).toBe(`Alle Importe, neueste zuerst (${count})`);
    // 20 a page, not one table of hundreds of rows; the profile by its title, not its id.
    expect(await history.locator("tbody tr").count()).toBe(20);
    expect(await history.locator(".pager").textContent()).toContain(`1–20 von ${count}`);
    const profiles = await history.locator("tbody tr > :nth-child(4)").allTextContents();
    expect(
      profiles.some((p) => /^[a-z0-9_]+$/.test(p)),
      `Profile: ${profiles.join(", ")}`,
    ).toBe(false);
    // German date and time, e.g. "22.11.2026, 03:12".
    expect(await history.locator("tbody tr time").first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(tab.errors).toEqual([]);
    await screenshot(page, "daten-angemeldet");
  });

  test("eine fehlerhafte Datei wird abgelehnt und alle Probleme stehen auf Deutsch mit Zeilennummer in einer Liste", async () => {
    const before = (await imports()).length;
    await upload(BAD_FILE, BAD_CSV);
    const report = page.locator(".problem-report");
    await report.waitFor();
    expect(await report.locator("h3").textContent()).toBe("Prüfbericht: 4 Probleme");
    expect(await report.getByRole("alert").textContent()).toContain(
      `„${BAD_FILE}“ wurde abgelehnt; nichts wurde gespeichert.`,
    );
    const rows = await report
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())),
      );
    expect(rows.map((r) => r[0])).toEqual(["2", "3", "3", "4"]);
    expect(rows.map((r) => r[1])).toEqual(["Mehrsprachig", "Stichtag", "Gesamt", "Medium"]);
    expect(rows.map((r) => r[2])).toEqual(["abc", "31.13.2026", "-5", "plakat"]);
    expect(rows[0][3]).toMatch(/^Ungültige Anzahl „abc“/);
    expect(rows[1][3]).toMatch(/^Ungültiges Datum/);
    expect(rows[2][3]).toMatch(/^Negative Anzahl/);
    expect(rows[3][3]).toMatch(/^Unbekannter Wert „plakat“/);
    expect((await imports()).length, "nichts wurde gespeichert").toBe(before);
    // The rejection is the expected 422 answer, not a page error.
    expect(tab.errors.filter((e) => !e.startsWith("HTTP 422 POST /api/imports"))).toEqual([]);
    await screenshot(page, "daten-pruefbericht");
  });

  test("axe-core findet auf der Datenseite mit Prüfbericht und Importverlauf keine schwerwiegenden oder kritischen Verstöße", async () => {
    await page.locator(".problem-report").waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
  });

  test("eine gültige Datei wird importiert und steht danach oben im Importverlauf", async () => {
    const before = (await imports()).length;
    await upload(GOOD_FILE, GOOD_CSV);
    const success = page.locator(".success");
    await success.waitFor({ timeout: 60_000 });
    expect(await success.textContent()).toContain(
      `${GOOD_FILE} (Presse- und Informationsamt, 2026): 2 Zeilen, 4 Werte.`,
    );
    expect(await page.locator(".problem-report").count()).toBe(0);
    const after = await imports();
    expect(after).toHaveLength(before + 1);
    const history = page.locator("section.panel", { has: page.locator("h2", { hasText: "Importverlauf" }) });
    await expect
      .poll(() => history.locator("caption").textContent())
      .toBe(`Alle Importe, neueste zuerst (${before + 1})`);
    const first = history.locator("tbody tr").first();
    expect(await first.textContent()).toContain(GOOD_FILE);
    expect(await first.textContent()).toContain("Presse- und Informationsamt");
    expect(await first.textContent()).toContain("aktuell gültig");
    // Who imported is the account, not the operating-system user or a shared token.
    expect(await first.textContent()).toContain("e2e-analyst");
    expect(tab.errors).toEqual([]);
    await screenshot(page, "daten-import-erfolgreich");
  });

  test("eine zweite Lieferung für dasselbe Jahr wird ohne „ersetzen“ mit Hinweis abgelehnt und mit „ersetzen“ übernommen", async () => {
    const changed = GOOD_CSV.replace("450;60", "451;61");
    await upload("presse-2026-korrektur.csv", changed);
    const alert = page.locator("form .error[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Vorhandene Lieferung für dieses Jahr ersetzen");
    expect(await alert.textContent()).not.toContain("replace=true");
    expect(await alert.textContent()).toContain(GOOD_FILE);

    await upload("presse-2026-korrektur.csv", changed, { replace: true });
    await page.locator(".success").waitFor({ timeout: 60_000 });
    expect(await page.locator(".success").textContent()).toMatch(/Ersetzt wurde Import \d+ \(presse-2026-e2e\.csv\)/);
    const history = page.locator("section.panel", { has: page.locator("h2", { hasText: "Importverlauf" }) });
    const replaced = history.locator("tbody tr", { hasText: GOOD_FILE });
    await expect.poll(() => replaced.textContent()).toContain("presse-2026-korrektur.csv");
  });

  test("nach dem Import eines Stadt-Extrakts für ein neues Jahr ordnet das Sozialmonitoring die Stadtteile weiterhin ein", async () => {
    await page.goto("/sozialmonitoring");
    await page.locator(".map-shape").first().waitFor();
    const summary = await page
      .locator(".chart-frame", { has: page.locator("h2", { hasText: "Status- und Dynamikindex" }) })
      .locator(".chart-description")
      .textContent();
    const classified = Number(/(\d+) Stadtteile eingeordnet/.exec(summary ?? "")?.[1]);
    expect(classified, `Sozialmonitoring nach dem Import: „${summary}“`).toBeGreaterThan(40);
  });

  test("nach dem Abmelden ist das Hochladen wieder verborgen und die Sitzung beendet", async () => {
    await page.goto("/daten");
    await page.locator(".account-bar").getByRole("button", { name: "Abmelden" }).click();
    await page.getByLabel("Benutzername").waitFor();
    expect(await page.getByLabel("CSV-Datei").count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect((await tab.context.cookies()).some((c) => c.name === "im_session")).toBe(false);
    // After a reload the server too says: not signed in.
    await page.reload();
    await page.getByLabel("Benutzername").waitFor();
    expect((await page.request.get("/api/imports")).status()).toBe(401);
  });

  test("Anmelden als Admin → Hochladen sichtbar → Verwaltung mit Konten und Protokoll → Abmelden", async () => {
    const admin = await openPage(browser, server.url);
    try {
      await signIn(admin.page, e2eAdmin);
      // The upload form appears once the profiles have loaded, after the account bar.
      await admin.page.getByLabel("CSV-Datei").waitFor();
      await admin.page.getByRole("link", { name: "Konten und Protokoll verwalten" }).click();
      const accounts = admin.page.getByRole("table", { name: "Konten (2)" });
      await accounts.waitFor();
      expect(await accounts.locator("tbody th").allTextContents()).toEqual(["e2e-admin (Sie)", "e2e-analyst"]);
      const log = admin.page.locator("section.panel", { has: admin.page.locator("h2", { hasText: "Protokoll" }) });
      await log.locator("tbody tr").first().waitFor();
      const rows = await log.locator("tbody tr").allTextContents();
      // Newest first: this admin's login, then what the analyst did in the tests before.
      expect(rows[0]).toContain("e2e-adminAnmeldung");
      expect(rows.some((r) => r.includes("e2e-analystImport") && r.includes("presse-2026-korrektur.csv"))).toBe(true);
      expect(rows.some((r) => r.includes("unbekanntAnmeldung fehlgeschlagen"))).toBe(true);
      expect(rows.some((r) => r.includes("Konto „e2e-admin“ (Admin) angelegt"))).toBe(true);
      const violations = await seriousA11yViolations(admin.page);
      expect(violations, `axe-Verstöße:\n${violations.join("\n")}`).toEqual([]);
      expect(admin.errors).toEqual([]);
      await screenshot(admin.page, "verwaltung-1280");
      await admin.page.setViewportSize({ width: 390, height: 844 });
      await screenshot(admin.page, "verwaltung-390");
      // The view's own content fits at 390 px; wide tables scroll in their own box (.table-scroll). The header
      // (the release choice) is not this view's: checked by the release tests.
      const sticking = await admin.page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((el) => !el.closest(".table-scroll") && el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(sticking, "nichts in der Verwaltung ragt bei 390 px über den Rand").toEqual([]);
      await admin.page.goto("/daten");
      await screenshot(admin.page, "daten-angemeldet-390");
      await admin.page.locator(".account-bar").getByRole("button", { name: "Abmelden" }).click();
      await admin.page.getByLabel("Benutzername").waitFor();
      expect(await admin.page.getByLabel("CSV-Datei").count()).toBe(0);
      expect((await admin.page.request.get("/api/accounts")).status()).toBe(401);
    } finally {
      await admin.close();
    }
  });
});
