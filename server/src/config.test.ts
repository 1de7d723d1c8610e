import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("uses the documented defaults and no bootstrap token when none is set (never a generated or default one)", () => {
    const a = loadConfig([], {});
    expect(a).toMatchObject({
      dbPath: resolve("data/integrationsmonitor.sqlite"),
      port: 3000,
      geojsonPath: null,
      districtsPath: null,
      loadDemo: true,
      adminToken: null,
      uploadLimitBytes: 200 * 1024 * 1024,
    });
    expect(loadConfig([], { MONITOR_ADMIN_TOKEN: "   " }).adminToken).toBeNull();
  });

  it("prefers --db over MONITOR_DB and reads the other settings from the environment", () => {
    const c = loadConfig(["--db", "x.sqlite"], {
      INIT_CWD: "/home/amt",
      MONITOR_DB: "y.sqlite",
      PORT: "8080",
      MONITOR_ADMIN_TOKEN: " geheim ",
      MONITOR_GEOJSON: "karte.geojson",
      MONITOR_DISTRICTS: "stadt.csv",
      MONITOR_DEMO: "0",
      MONITOR_UPLOAD_LIMIT_MB: "5",
    });
    // Relative paths count from where npm was called (INIT_CWD), not from the workspace npm runs in.
    expect(c).toMatchObject({
      dbPath: "/home/amt/x.sqlite",
      port: 8080,
      adminToken: "geheim",
      geojsonPath: "/home/amt/karte.geojson",
      districtsPath: "/home/amt/stadt.csv",
      loadDemo: false,
      uploadLimitBytes: 5 * 1024 * 1024,
    });
    expect(loadConfig([], { MONITOR_DB: "/data/y.sqlite" }).dbPath).toBe("/data/y.sqlite");
    expect(loadConfig([], { MONITOR_DB: ":memory:" }).dbPath).toBe(":memory:");
  });

  it("refuses a PORT that is not a port number", () => {
    expect(() => loadConfig([], { PORT: "drei" })).toThrow("PORT „drei“ ist keine gültige Portnummer.");
  });
});
