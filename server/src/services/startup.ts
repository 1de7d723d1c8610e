import { basename } from "node:path";
import { findProfile, muensterDistricts } from "@im/data-import";
import type { City } from "../cities.ts";
import type { Config } from "../config.ts";
import type { AppContext } from "../context.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { listDistricts, replaceDistricts } from "../repositories/districts.ts";
import { countExtracts, listExtracts } from "../repositories/extracts.ts";
import { latestReleaseId } from "../repositories/releases.ts";
import { currentCatalogue } from "./catalogue-loading.ts";
import { readDistrictFile } from "./districts.ts";
import { importExtract } from "./importer.ts";
import { publishRelease } from "./releases.ts";
import { bringResultsUpToDate, resultsStatus } from "./results.ts";

/**
 * First start on an empty database: the district reference (the city's list, MONITOR_DISTRICTS, else
 * Münster's), then the city's demo extracts so the dashboard has something to show.
 */
export async function prepareDatabase(context: AppContext, log: (message: string) => void) {
  const { database, config } = context;
  await seedDistricts(database, config, log);
  // A city without demo extracts (or with a district list of its own) starts empty.
  if (config.loadDemo && config.city.demo && (await countExtracts(database.db)) === 0) {
    // Its first results come from the app's start-up (checkCatalogue): in the background for the server.
    await loadDemoCity(context, log, { recompute: false });
  }
}

/**
 * Before the app serves: a broken catalogue stops the start-up with its German problem list (not the first
 * request). Results older than the data or computed with another catalogue are brought up to date in the
 * background while the last good results are served (and `GET /api/status` says so). Without any results yet,
 * `waitForFirst` computes them before serving (tests, the CLI); the server instead answers at once, and the
 * dashboard says the first results are being computed.
 */
export async function checkCatalogue(
  context: AppContext,
  log: (message: string) => void = () => {},
  { waitForFirst = true }: { waitForFirst?: boolean } = {},
) {
  currentCatalogue(context);
  const status = await resultsStatus(context);
  if (status.upToDate) {
    publishDemoRelease(context, log);
    return;
  }
  const first = status.resultsGeneration === null;
  if ((first && waitForFirst) || context.database.inMemory) {
    await bringResultsUpToDate(context);
    publishDemoRelease(context, log);
    return;
  }
  if (status.recomputing) return; // another process is at it; the server's watch (watchResults) follows up
  log(
    first
      ? "Erste Berechnung der Ergebnisse im Hintergrund (beim ersten Start einige Minuten); das Dashboard zeigt sie, sobald sie fertig sind …"
      : "Die gespeicherten Ergebnisse sind älter als die Daten: Neuberechnung im Hintergrund …",
  );
  bringResultsUpToDate(context).then(
    () => {
      log("Neuberechnung abgeschlossen.");
      publishDemoRelease(context, log);
    },
    (error: Error) => log(`Neuberechnung fehlgeschlagen: ${error.message}`),
  );
}

/**
 * An empty district table gets the city's list (its city file or MONITOR_DISTRICTS), else Münster's; the server
 * and the import CLI both need one.
 */
export async function seedDistricts(database: DatabaseHandle, config: Config, log: (message: string) => void) {
  if ((await listDistricts(database.db)).length === 0) {
    let districts = muensterDistricts;
    if (config.districtsPath) {
      const read = readDistrictFile(config.districtsPath);
      if (read.problems.length > 0) {
        const lines = read.problems.map((p) => `  Zeile ${p.line ?? "–"}: ${p.message}`).join("\n");
        const source = config.districtsPath === config.city.districtsPath ? "Stadtdatei" : "MONITOR_DISTRICTS";
        throw new Error(`${source}: ${config.districtsPath} ist keine gültige Stadtteilliste:\n${lines}`);
      }
      districts = read.districts;
    }
    await replaceDistricts(database.db, districts);
    log(
      `Stadtteilliste angelegt: ${districts.length} ${config.city.levels.district.de[1]} (${config.districtsPath ?? "Münster"}).`,
    );
  } else if (config.districtsPath && config.districtsPath !== config.city.districtsPath) {
    log(
      "MONITOR_DISTRICTS gilt nur für eine leere Datenbank; ändern mit: npm run monitor -- districts --file DATEI.csv",
    );
  }
}

const DEMO_IMPORTER = "Demo-Stadt";

/**
 * The demo city is published once, as a city would publish its monitoring, so that the public view shows a
 * release (the Geheimhaltung audit runs first, in the background). Only for a database that holds nothing
 * but the demo city's deliveries and has no release yet.
 */
function publishDemoRelease(context: AppContext, log: (message: string) => void): void {
  void (async () => {
    const { db } = context.database;
    if (!context.config.loadDemo || (await latestReleaseId(db)) !== null) return;
    const extracts = await listExtracts(db);
    if (extracts.length === 0 || extracts.some((e) => e.imported_by !== DEMO_IMPORTER)) return;
    log("Demo-Stadt: eine Beispiel-Veröffentlichung wird angelegt …");
    const outcome = await publishRelease(context, {
      title: demoReleaseTitle(context.config.city),
      publishedBy: DEMO_IMPORTER,
    });
    const audit = outcome.audit === "proven" ? "bei der Berechnung bewiesen" : `geprüft in ${outcome.auditMs} ms`;
    log(`Demo-Stadt veröffentlicht (Veröffentlichung ${outcome.id}, Geheimhaltung ${audit}).`);
  })().catch((error: Error) => log(`Demo-Veröffentlichung nicht angelegt: ${error.message}`));
}

export const DEMO_RELEASE_TITLE = "Demo-Stadt: Integrationsmonitoring (Beispielveröffentlichung)";

/** The demo release's title in the city's language (Münster's German one as before). */
function demoReleaseTitle(city: City): string {
  if (city.language === "nl") return `Demo ${city.name}: integratiemonitor (voorbeeldpublicatie)`;
  if (city.language === "en") return `Demo ${city.name}: integration monitoring (example release)`;
  return DEMO_RELEASE_TITLE;
}

/** Every file of the demo city through the real import path, then one recomputation (unless told not to). */
export async function loadDemoCity(
  context: AppContext,
  log: (message: string) => void = () => {},
  options: { recompute?: boolean } = {},
) {
  const { demoCityFiles } = await import("@im/fixtures");
  const demo = context.config.city.demo;
  const files = demo ? demoCityFiles(demo.folder, demo.populationProfile) : demoCityFiles();
  log(`Leere Datenbank: lade die Demo-Stadt ${context.config.city.name} (${files.length} Dateien) …`);
  for (const file of files) {
    const profile = findProfile(file.profile);
    if (!profile) throw new Error(`Demo-Stadt: unbekanntes Profil ${file.profile} (${file.path})`);
    const outcome = await importExtract(context, {
      path: file.path,
      fileName: basename(file.path),
      profile,
      replace: false,
      importedBy: DEMO_IMPORTER,
      recompute: false,
    });
    if (outcome.status === "rejected" || outcome.status === "conflict") {
      const why =
        outcome.status === "rejected"
          ? outcome.problems.map((p) => `Zeile ${p.line}: ${p.message}`).join("; ")
          : "Jahr doppelt";
      throw new Error(`Demo-Stadt: ${file.path} wurde nicht importiert: ${why}`);
    }
  }
  if (options.recompute !== false) await bringResultsUpToDate(context);
  log("Demo-Stadt geladen.");
}
