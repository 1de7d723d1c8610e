// The dashboard under the server's Content-Security-Policy: every view renders with the demo city, its charts
// are drawn, a chart exports as PNG (an SVG through a blob: image onto a canvas), and the browser reports no
// violation of the policy. A policy that forbade what the dashboard does would show up here, not in production.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, type RunningServer, signIn, startServer, type TestPage } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let tab: TestPage;

/** Violations the page reported through `securitypolicyviolation` events, read after each view. */
const readViolations = () =>
  tab.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  tab = await openPage(browser, server.url);
  await tab.context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener("securitypolicyviolation", (event) =>
      found.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
});

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await server?.stop();
});

describe("Content-Security-Policy im Browser", () => {
  test("jede Antwort der Oberfläche trägt die strenge Richtlinie", async () => {
    const res = await fetch(`${server.url}/indikatoren`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  const views = [
    { path: "/", marks: ".sparkline path, .recharts-curve" },
    { path: "/indikatoren/anteil_mv?breakdown=alter", marks: ".recharts-line-curve" },
    { path: "/stadtteilvergleich?indicator=anteil_mv", marks: ".recharts-rectangle, .sparkline path" },
    { path: "/stadtteile/61", marks: null },
    { path: "/sozialmonitoring", marks: "path" },
    { path: "/bericht", marks: null },
    { path: "/ziele", marks: null },
    { path: "/vergleichstabelle", marks: null },
    { path: "/indikatoren", marks: null },
    { path: "/daten", marks: null },
  ];
  for (const view of views) {
    test(`${view.path} wird ohne Verstoß gegen die Richtlinie gezeichnet`, async () => {
      tab.errors.length = 0;
      await tab.page.goto(view.path);
      await tab.page.locator("main h1").first().waitFor();
      await expect.poll(() => tab.page.locator(".state-loading").count(), { timeout: 30_000 }).toBe(0);
      if (view.marks) await tab.page.locator(view.marks).first().waitFor({ state: "attached" });
      expect(await readViolations()).toEqual([]);
      expect(tab.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    });
  }

  test("ein Diagramm lässt sich als PNG speichern (blob:-Bild auf einer Leinwand)", async () => {
    await tab.page.goto("/indikatoren/anteil_mv");
    await tab.page.locator(".recharts-line-curve").first().waitFor({ state: "attached" });
    const download = tab.page.waitForEvent("download");
    await tab.page.getByRole("button", { name: "Bild (PNG)" }).first().click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await readViolations()).toEqual([]);
  });

  test("nach der Anmeldung zeigt die Datenseite die Importhistorie, ohne Verstoß", async () => {
    tab.errors.length = 0;
    await signIn(tab.page);
    const history = tab.page.locator("section.panel", { has: tab.page.locator("h2", { hasText: "Importverlauf" }) });
    await history.locator("tbody tr").first().waitFor();
    expect(await history.locator("tbody").textContent()).toMatch(/\.csv/);
    expect(await readViolations()).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  test("die API-Dokumentation unter /docs läuft unter derselben Richtlinie", async () => {
    await tab.page.goto("/docs");
    await tab.page.locator(".swagger-ui .info").first().waitFor();
    expect(await readViolations()).toEqual([]);
  });
});
