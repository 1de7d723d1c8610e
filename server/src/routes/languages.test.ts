import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../repositories/accounts.ts";
import { type ValueRow, valuesResponseSchema } from "../schemas/indicators.ts";
import { DEFAULT_CHROMIUM, renderReportPdf } from "../services/exports/pdf.ts";
import { catalogue, openSmallCity, type SmallCity } from "../testing/small-city.ts";

// The small city's catalogue with its nationality grouping translated, as a catalogue's translations file
// puts it (translations of the grouping and of each group beside the German label).
const sgb2InEnglish = {
  title: "SGB II rate",
  numeratorLabel: "People receiving SGB II benefits",
  denominatorLabel: "Inhabitants aged 0 to 64",
  source: "Job centre",
  migrationDefinition: "Nationality",
};
const translated = {
  ...catalogue,
  indicators: catalogue.indicators.map((i) =>
    i.id === "sgb2_quote" ? { ...i, translations: { en: sgb2InEnglish } } : i,
  ),
  groupings: {
    ...catalogue.groupings,
    nationalitaet: {
      label: "Staatsangehörigkeit",
      translations: { nl: { label: "Nationaliteit" }, en: { label: "Nationality" } },
      groups: [
        {
          id: "auslaendisch",
          label: "Ausländer/-innen",
          translations: { nl: { label: "buitenlanders" }, en: { label: "foreign nationals" } },
        },
        { id: "deutsch", label: "Deutsche", translations: { nl: { label: "Duitsers" } } },
      ],
    },
  },

  goals: [
    {
      id: "weniger_sgb2",
      field: "KJS",
      title: "Weniger Menschen im SGB-II-Bezug",
      measures: [{ indicator: "sgb2_quote", direction: "close_gap" as const }],
    },
  ],
};

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity({ catalogue: translated });
});
afterAll(() => city.close());

const get = (url: string, language?: string) =>
  city.app.inject({ url, headers: language ? { "accept-language": language } : {} });

const rowsOf = async (url: string, language?: string): Promise<ValueRow[]> => {
  const response = await get(url, language);
  expect(response.statusCode).toBe(200);
  return valuesResponseSchema.parse(response.json()).rows;
};

const SGB2 = "/api/indicators/sgb2_quote/values?year=2020&breakdown=nationalitaet";

describe("the language of an answer", () => {
  it("is the city's without ?lang= and Accept-Language, else the header's first of ours, and ?lang= wins", async () => {
    const url = "/api/indicators/sgb2_quote/values?area=99";
    const message = async (u: string, language?: string) => {
      const response = await get(u, language);
      expect(response.statusCode).toBe(400);
      return response.json().error as string;
    };
    expect(await message(url)).toBe(
      "Unbekanntes Gebiet „99“. Erlaubt sind: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
    expect(await message(url, "fr-FR, nl-NL;q=0.8, en;q=0.5")).toBe(
      "Onbekend gebied „99”. Toegestaan zijn: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
    expect(await message(url, "nl;q=0.2, en-GB")).toBe(
      "Unknown area “99”. Allowed are: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
    expect(await message(`${url}&lang=en`, "nl")).toBe(
      "Unknown area “99”. Allowed are: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
  });

  it("answers an unknown ?lang= with 400 and a message in the header's language, never a 500", async () => {
    const response = await get("/api/indicators?lang=fr", "nl");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe("Onbekende taal „fr” (lang). Toegestaan zijn: de, nl, en.");
    const german = await get("/api/overview?lang=%3Cscript%3E");
    expect(german.statusCode).toBe(400);
    expect(german.json().error).toBe("Unbekannte Sprache „<script>“ (lang). Erlaubt sind: de, nl, en.");
  });

  it("says the schema's problems in the reader's language", async () => {
    const url = "/api/indicators/sgb2_quote/values?year=zwanzig";
    expect((await get(url)).json().error).toBe("Ungültige Anfrage: querystring.year – muss eine Jahreszahl sein");
    expect((await get(url, "nl")).json().error).toBe("Ongeldige aanvraag: querystring.year – moet een getal zijn");
    expect((await get(`${url}&format=pdf`, "en")).json().error).toBe(
      "Invalid request: querystring.year – must be a number; querystring.format – allowed are: json, csv",
    );
    expect((await get("/api/benchmarks", "en")).json().error).toBe("Invalid request: querystring.field – is missing");
    expect((await get("/api/benchmarks?field=GD&year=2020.5", "nl")).json().error).toBe(
      "Ongeldige aanvraag: querystring.year – moet een geheel getal zijn",
    );
  });

  it("says 404s, release problems and the results' status in the reader's language", async () => {
    expect((await get("/api/gibtsnicht", "en")).json().error).toBe("Not found: GET /api/gibtsnicht");
    expect((await get("/api/indicators/x?release=7", "nl")).json().error).toBe(
      "De publicatie „7” bestaat niet. De lijst van publicaties staat onder /api/releases.",
    );
    expect((await get("/api/status", "en")).json().message).toBe("The results match the stored data.");
    expect((await get("/api/status?lang=nl")).json().message).toBe(
      "De resultaten komen overeen met de opgeslagen gegevens.",
    );
  });

  it("is named in Vary on every API answer, errors included", async () => {
    for (const url of [SGB2, "/api/overview", "/api/indicators/x", "/api/status"]) {
      expect((await get(url, "nl")).headers.vary, url).toContain("Accept-Language");
    }
  });
});

describe("sign-in messages in the reader's language", () => {
  const login = (name: string, language: string) =>
    city.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": language },
      payload: { name, password: "falsches-passwort-1" },
    });

  it("say a wrong login, a missing login and too many attempts, with the minutes in the language's plural", async () => {
    const wrong = await login("niemand", "nl");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe("Gebruikersnaam of wachtwoord is onjuist, of het account is geblokkeerd.");
    const upload = await city.app.inject({ method: "POST", url: "/api/imports", headers: { "accept-language": "en" } });
    expect(upload.statusCode).toBe(401);
    expect(upload.json().error).toBe(
      "Sign-in required: please sign in, or send an API token as “Authorization: Bearer <token>”.",
    );
    // Five failed logins per account name are allowed (README), the sixth attempt is refused.
    for (let i = 0; i < 5; i++) await login("zoe", "de");
    const limited = await login("zoe", "nl");
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatch(
      /^Te veel ongeldige inlogpogingen voor dit account\. Probeer het over (1 minuut|([2-9]|1[0-5]) minuten) opnieuw\.$/,
    );
  });
});

describe("account administration in the reader's language", () => {
  it("says a refused password, a taken name and a missing account in Dutch", async () => {
    await createAccount(city.database.db, { name: "beheer", role: "admin", password: "beheer-wachtwoord" });
    const signedIn = await city.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { name: "beheer", password: "beheer-wachtwoord" },
    });
    const headers = {
      cookie: String(signedIn.headers["set-cookie"]).split(";")[0],
      "x-csrf-token": signedIn.json().csrfToken,
      "accept-language": "nl",
    };
    const create = (name: string, password: string) =>
      city.app.inject({
        method: "POST",
        url: "/api/accounts",
        headers,
        payload: { name, role: "analyst", password },
      });
    expect((await create("nieuw", "kort")).json().error).toBe("Het wachtwoord moet ten minste 12 tekens lang zijn.");
    expect((await create("beheer", "lang-genoeg-wachtwoord")).json().error).toBe(
      "Er bestaat al een account met de naam „beheer”.",
    );
    const missing = await city.app.inject({ method: "PATCH", url: "/api/accounts/999", headers, payload: {} });
    expect(missing.json().error).toBe("Een account nr. 999 bestaat niet.");
  });
});

describe("names in the reader's language", () => {
  it("gives Dutch area and group names, the catalogue's translation or else its German label", async () => {
    const rows = await rowsOf(SGB2, "nl");
    const row = (area: string, group: string) => rows.find((r) => r.area === area && r.group === group);
    expect(row("stadt", "auslaendisch")).toMatchObject({ areaName: "Gemeente totaal", groupLabel: "buitenlanders" });
    expect(row("bezirk:Mitte", "deutsch")).toMatchObject({ areaName: "Stadsdeel Mitte", groupLabel: "Duitsers" });
    expect(row("11", "auslaendisch")?.areaName).toBe("Altstadt");

    const english = await rowsOf(SGB2, "en");
    expect(english.find((r) => r.area === "stadt" && r.group === "auslaendisch")).toMatchObject({
      areaName: "Whole city",
      groupLabel: "foreign nationals",
    });
    // No English translation of „Deutsche“ in the catalogue: the German label stands.
    expect(english.find((r) => r.area === "stadt" && r.group === "deutsch")?.groupLabel).toBe("Deutsche");
  });

  it("translates the total and the comparison groups of an indicator's description", async () => {
    const body = (await get("/api/indicators/sgb2_quote", "nl")).json();
    expect(body.indicator.comparison.groups.map((g: { label: string }) => g.label)).toEqual([
      "buitenlanders",
      "Duitsers",
    ]);
    expect(body.breakdowns.map((b: { label: string }) => b.label)).toEqual(["Totaal", "Nationaliteit"]);
    const totals = await rowsOf("/api/indicators/auslaenderanteil/values?area=stadt&year=2020", "en");
    expect(totals[0]).toMatchObject({ areaName: "Whole city", groupLabel: "Total" });
  });

  it("never hands a cached answer to a reader of another language", async () => {
    const german = await rowsOf(SGB2);
    const dutch = await rowsOf(SGB2, "nl");
    const germanAgain = await rowsOf(SGB2, "de-DE");
    const name = (rows: ValueRow[]) => rows.find((r) => r.area === "stadt" && r.group === "auslaendisch");
    expect(name(german)).toMatchObject({ areaName: "Gesamtstadt", groupLabel: "Ausländer/-innen" });
    expect(name(dutch)).toMatchObject({ areaName: "Gemeente totaal", groupLabel: "buitenlanders" });
    expect(name(germanAgain)).toMatchObject({ areaName: "Gesamtstadt", groupLabel: "Ausländer/-innen" });

    const overview = async (language: string) =>
      (await get("/api/overview?area=11", language)).json().cards.find((c: { id: string }) => c.id === "sgb2_quote");
    expect((await overview("de")).benchmarks[0].againstName).toBe("Gesamtstadt");
    expect((await overview("nl")).benchmarks[0].againstName).toBe("Gemeente totaal");
    expect((await overview("nl")).comparison.groups[0].label).toBe("buitenlanders");
    expect((await overview("de")).comparison.groups[0].label).toBe("Ausländer/-innen");
  });

  it("says the goals' aims, assessments and methods in the reader's language", async () => {
    const dutch = (await get("/api/goals", "nl")).json();
    const measure = dutch.goals[0].measures[0];
    expect(measure.directionText).toBe("verschil tussen buitenlanders en Duitsers verkleinen");
    expect(measure.short.label).toBe("niet te beoordelen");
    expect(measure.short.text).toBe("Niet te beoordelen: voor 2018–2020 zijn er minder dan 3 jaren met waarden.");
    expect(dutch.method).toMatch(/^Beoordeeld volgens de methode van het EU-SDG-monitoringrapport/);
    const german = (await get("/api/goals")).json();
    expect(german.goals[0].measures[0].directionText).toBe("Abstand zwischen Ausländer/-innen und Deutsche verringern");
    expect(german.goals[0].measures[0].short.label).toBe("nicht bewertbar");
    expect(german.goals[0].measures[0].short.text).toBe(
      "Nicht bewertbar: für 2018–2020 liegen weniger als 3 Jahre mit Werten vor.",
    );
    expect((await get("/api/overview?area=11", "en")).json().benchmarkMethod).toMatch(
      /^Compared as in the Public Health Profile “Fingertips”/,
    );
  });

  it("gives the public reason of a withheld segregation value in the reader's language", async () => {
    const url = "/api/sozialmonitoring/segregation?year=2020&comparison=auslaender_deutsche&area=stadt";
    const reason = async (language: string) =>
      (await get(url, language)).json().results[0].undefinedReasons["units.21.location_quotients.auslaender"];
    expect(await reason("de")).toBe("Zahlenwert geheim zu halten");
    expect(await reason("nl")).toBe("geheim");
    expect(await reason("en")).toBe("value confidential");
  });

  it("writes the people's CSV in the request's language, the machines' CSV as before", async () => {
    const people = (await get(`${SGB2}&format=csv`, "nl")).body;
    expect(people.split("\r\n")[0]).toContain("Jaar;Gebiedscode;Gebied;Uitsplitsing;Groep");
    expect(people).toContain("Gemeente totaal");
    const machines = (await get(`${SGB2}&format=csv&flavour=en`, "nl")).body;
    expect(machines).not.toContain("Gemeente totaal");
    expect(machines).toContain("Gesamtstadt");
  });
});

describe("the PDF report", () => {
  it("says why it cannot be made in the reader's language", async () => {
    const before = process.env.MONITOR_CHROMIUM;
    process.env.MONITOR_CHROMIUM = "/gibt/es/nicht/chromium";
    try {
      const response = await get("/api/report.pdf", "nl");
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatch(
        /^Het pdf-rapport heeft Chromium nodig, dat hier niet geïnstalleerd is \(gezocht: \/gibt\/es\/nicht\/chromium\)/,
      );
    } finally {
      if (before === undefined) delete process.env.MONITOR_CHROMIUM;
      else process.env.MONITOR_CHROMIUM = before;
    }
  });

  it("is printed from the report page in the reader's language", { timeout: 180_000 }, async () => {
    // Needs chromium and the dashboard's build, as the other PDF tests (routes/exports/exports.test.ts).
    if (!existsSync(DEFAULT_CHROMIUM) || !existsSync(join(city.context.config.webDistPath, "index.html"))) return;
    const report = await renderReportPdf(city.app, { language: "nl" });
    expect(report.contents.at(-1)?.title).toMatch(/^\d+ Verklaring van tekens en toelichting$/);
  });
});

describe("the XLSX workbook", () => {
  const book = async (url: string, language?: string) => {
    const response = await get(url, language);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const texts = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map(String);

  it("is Dutch for a Dutch reader: sheet names, headers, names, groups and the secret symbol", async () => {
    const workbook = await book("/api/indicators/sgb2_quote/values.xlsx?lang=nl");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Metadata", "Soziale Leistungen", "Voetnoten"]);
    const sheet = workbook.worksheets[1];
    expect(texts(sheet.getRow(1))).toEqual([
      "Indicator-ID",
      "Indicator",
      "Eenheid",
      "Jaar",
      "Gebiedscode",
      "Gebied",
      "Uitsplitsing",
      "Groep",
      "Teller",
      "Noemer",
      "Waarde",
      "Status",
      "Toelichting",
    ]);
    const rows: string[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push(texts(row));
    });
    expect(rows).toContainEqual(expect.arrayContaining(["Gemeente totaal", "Nationaliteit", "buitenlanders"]));
    const metadata = workbook.worksheets[0];
    expect(texts(metadata.getRow(2))[0]).toBe("Stand");
    expect(texts(metadata.getRow(5))).toEqual(["Stand van de waarden", "Concept (niet gepubliceerd)"]);
    const footnotes = workbook.worksheets[2];
    expect(texts(footnotes.getRow(1))).toEqual(["Verklaring van tekens"]);
    expect(texts(footnotes.getRow(3))[0]).toBe("x");
  });

  it("describes an indicator with the catalogue's translated labels, source and migration definition", async () => {
    const workbook = await book("/api/indicators/sgb2_quote/values.xlsx?lang=en");
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => {
      rows.push(texts(row));
    });
    const row = rows.find((r) => r[0] === "sgb2_quote");
    expect(row).toEqual(
      expect.arrayContaining([
        sgb2InEnglish.title,
        sgb2InEnglish.numeratorLabel,
        sgb2InEnglish.denominatorLabel,
        sgb2InEnglish.source,
        sgb2InEnglish.migrationDefinition,
      ]),
    );
  });

  it("stays German for a German reader, also after a Dutch one asked for the same file", async () => {
    const workbook = await book("/api/indicators/sgb2_quote/values.xlsx", "de");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Metadaten", "Soziale Leistungen", "Fußnoten"]);
    expect(texts(workbook.worksheets[1].getRow(1)).slice(0, 4)).toEqual([
      "Indikator-ID",
      "Indikator",
      "Einheit",
      "Jahr",
    ]);
    const english = await book("/api/export.xlsx", "en");
    expect(english.worksheets.map((s) => s.name)).toEqual([
      "Metadata",
      "Grunddaten",
      "Soziale Leistungen",
      "Footnotes",
    ]);
  });
});
