// Releases in the browser against the real server with the demo city (published once after its first results),
// as the public and a council member on a phone see them: the release the numbers come from, a release chosen
// and kept in the URL, the list of releases with the deliveries of each, and the sources of an indicator's values
// one click away.
import { describe, expect, test } from "vitest";
import { useDemoPage } from "./demo-page.ts";
import { screenshot, seriousA11yViolations } from "./harness.ts";

interface ReleaseList {
  releases: { id: number; title: string; publishedAt: string }[];
  latest: number | null;
}

const demo = useDemoPage();

/** A release's date as the dashboard writes it (German, in Berlin's time zone). */
const germanDate = (iso: string) =>
  new Date(iso).toLocaleDateString("de-DE", {
    timeZone: "Europe/Berlin",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });

async function releases(): Promise<ReleaseList> {
  const response = await fetch(`${demo.server.url}/api/releases`);
  expect(response.status).toBe(200);
  return (await response.json()) as ReleaseList;
}

describe("Veröffentlichungen mit der Demo-Stadt", () => {
  test("the public reads the demo city's release and sees which one", async () => {
    const list = await releases();
    expect(list.releases).toHaveLength(1);
    await demo.page.goto("/");
    const choice = demo.page.getByLabel("Zahlen aus");
    await expect
      .poll(() => choice.locator("option:checked").textContent())
      .toContain(`${list.releases[0].title} (${germanDate(list.releases[0].publishedAt)}) – neueste Veröffentlichung`);
    expect(await seriousA11yViolations(demo.page)).toEqual([]);
    expect(demo.tab.errors).toEqual([]);
  });

  test("an explicitly chosen release is kept in the URL and across views, on a phone", async () => {
    // A second release would need a second Geheimhaltung audit of the whole city (minutes); reading an earlier
    // release after a later one is covered against the server in server/src/routes/releases/releases.test.ts.
    const [release] = (await releases()).releases;
    await demo.page.setViewportSize({ width: 390, height: 844 });
    // A shared link to the release (the public's only choice besides "the newest" when there is one release).
    await demo.page.goto(`/?release=${release.id}`);
    const choice = demo.page.getByLabel("Zahlen aus");
    await expect.poll(() => choice.inputValue()).toBe(String(release.id));
    await screenshot(demo.page, "release-bar-phone", { fullPage: false });

    // Moving on by a link that drops the parameter keeps the chosen release, and the data requests carry it.
    const request = demo.page.waitForRequest((r) => r.url().includes("/api/overview"));
    await demo.page.goto("/");
    expect(new URL((await request).url()).searchParams.get("release")).toBe(String(release.id));
    await expect.poll(() => new URL(demo.page.url()).searchParams.get("release")).toBe(String(release.id));
    await demo.page.getByLabel("Zahlen aus").selectOption("");
    await expect.poll(() => new URL(demo.page.url()).searchParams.get("release")).toBe(null);
    await demo.page.setViewportSize({ width: 1280, height: 800 });
    expect(demo.tab.errors).toEqual([]);
  });

  test("the list of releases names the deliveries of each", async () => {
    const list = await releases();
    const detail = (await (await fetch(`${demo.server.url}/api/releases/${list.latest}`)).json()) as {
      extracts: unknown[];
    };
    await demo.page.goto("/veroeffentlichungen");
    await expect.poll(() => demo.page.locator("h1").textContent()).toBe("Veröffentlichungen");
    await expect.poll(() => demo.page.locator("table").first().locator("tbody tr").count()).toBe(list.releases.length);
    const deliveries = demo.page.locator("table", { hasText: "SHA-256" });
    await expect.poll(() => deliveries.locator("tbody tr").count()).toBe(detail.extracts.length);
    await expect.poll(() => demo.page.getByText("Keine veröffentlichten Werte wurden geändert").count()).toBe(1);
    expect(await seriousA11yViolations(demo.page)).toEqual([]);
    await screenshot(demo.page, "veroeffentlichungen");
    expect(demo.tab.errors).toEqual([]);
  });

  test("an indicator names the deliveries its values come from", async () => {
    const sources = (await (await fetch(`${demo.server.url}/api/indicators/anteil_mv/sources`)).json()) as {
      years: { year: number; extracts: { fileName: string }[] }[];
    };
    const last = sources.years.at(-1);
    expect(last?.extracts.length).toBeGreaterThan(0);
    await demo.page.goto("/indikatoren/anteil_mv");
    const summary = demo.page.getByText("Aus welchen Lieferungen stammen die Werte?");
    await summary.click();
    const item = demo.page.locator(".sources li", { hasText: `${last?.year}:` });
    await expect.poll(() => item.textContent()).toContain(last?.extracts[0].fileName ?? "?");
    expect(demo.tab.errors).toEqual([]);
  });
});
