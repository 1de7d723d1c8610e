import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, openPage, type RunningServer, startServer, type TestPage } from "./harness.ts";

export interface DemoPage {
  server: RunningServer;
  browser: Browser;
  tab: TestPage;
  page: Page;
}

/** The demo city's server, a browser and one page for the tests of a file: opened before them, closed after. */
export function useDemoPage(): DemoPage {
  const demo = {} as DemoPage;
  beforeAll(async () => {
    [demo.server, demo.browser] = await Promise.all([startServer(), launchBrowser()]);
    demo.tab = await openPage(demo.browser, demo.server.url);
    demo.page = demo.tab.page;
  });
  afterAll(async () => {
    await demo.tab?.close();
    await demo.browser?.close();
    await demo.server?.stop();
  });
  return demo;
}
