import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { openAppContext } from "../context.ts";
import { acquireLease, releaseLease } from "../repositories/generations.ts";
import { catalogue, insertSmallCity } from "../testing/small-city.ts";
import { bringResultsUpToDate } from "./results.ts";

const dir = mkdtempSync(join(tmpdir(), "im-first-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a server's first start", () => {
  it("answers at once and says the first results are being computed, then serves them", async () => {
    const cataloguePath = join(dir, "catalogue.json");
    writeFileSync(cataloguePath, JSON.stringify(catalogue));
    const context = await openAppContext(
      // The public reads the draft here: this test is about the results, not about releases.
      loadConfig(["--db", join(dir, "first.sqlite")], {
        MONITOR_CATALOGUE: cataloguePath,
        MONITOR_DEMO: "0",
        MONITOR_PUBLIC_DRAFT: "1",
      }),
    );
    insertSmallCity(context.database);
    // Another machine holds the recomputation lease, so the first computation cannot finish before we look.
    const other = "andere-maschine:1";
    expect(await acquireLease(context.database.db, other)).toBe(true);
    const app = await buildApp({ context, firstResults: "background" });
    try {
      const early = (await app.inject({ url: "/api/status" })).json();
      expect(early).toMatchObject({ upToDate: false, resultsGeneration: null });
      expect(early.message).toMatch(/^Die Ergebnisse werden zum ersten Mal berechnet/);
      expect((await app.inject({ url: "/api/overview?area=stadt" })).json().cards).toEqual([]);

      await releaseLease(context.database.db, other);
      await bringResultsUpToDate(context);
      expect((await app.inject({ url: "/api/status" })).json().upToDate).toBe(true);
      expect((await app.inject({ url: "/api/overview?area=stadt" })).json().cards.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await context.database.close();
    }
  });
});
