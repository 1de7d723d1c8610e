import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { destinationPages, pdfPageCount, renderReportPdf } from "../../services/exports/pdf.ts";
import { ADMIN_TOKEN, openSmallCity, type SmallCity } from "../../testing/small-city.ts";

// The small city (testing/small-city.ts), with Neustadt (13) renamed in the city's own district list to a
// formula, as a hostile MONITOR_DISTRICTS file could.
const HOSTILE = '=HYPERLINK("http://example.invalid","Neustadt")';

let city: SmallCity;
beforeAll(async () => {
  city = await openSmallCity();
  city.database.sqlite.prepare("update districts set name = ? where number = 13").run(HOSTILE);
  city.context.readCache.invalidate();
});
afterAll(() => city.close());

const get = (url: string, token?: string) =>
  city.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function workbook(url: string, token?: string): Promise<ExcelJS.Workbook> {
  const response = await get(url, token);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** The data row of an indicator, year, area and group „Insgesamt“ on a Handlungsfeld's sheet. */
function totalRow(sheet: ExcelJS.Worksheet, id: string, year: number, area: string): ExcelJS.Row {
  const found: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    const v = (c: number) => row.getCell(c).value;
    if (v(1) === id && v(4) === year && v(5) === area && v(8) === "Insgesamt") found.push(row);
  });
  expect(found, `${id} ${year} ${area}`).toHaveLength(1);
  return found[0];
}

describe("GET /api/export.xlsx", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await workbook("/api/export.xlsx");
  });

  it("has the metadata sheet, one sheet per Handlungsfeld and the footnotes", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(["Metadaten", "Grunddaten", "Soziale Leistungen", "Fußnoten"]);
    const header = book.getWorksheet("Grunddaten")?.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual([
      "Indikator-ID",
      "Indikator",
      "Einheit",
      "Jahr",
      "Gebietsschlüssel",
      "Gebiet",
      "Aufschlüsselung",
      "Gruppe",
      "Zähler",
      "Nenner",
      "Wert",
      "Status",
      "Erläuterung",
    ]);
  });

  it("writes values as real numbers with a number format", () => {
    const sheet = book.getWorksheet("Grunddaten") as ExcelJS.Worksheet;
    // City 2020: Ausländer 150 + 250 + 70 + 2 = 472 of 1000 + 1000 + 500 + 250 = 2750 → 17.1636… %.
    const stadt = totalRow(sheet, "auslaenderanteil", 2020, "stadt");
    expect(stadt.getCell(9).value).toBe(472);
    expect(stadt.getCell(10).value).toBe(2750);
    expect(stadt.getCell(11).value).toBeCloseTo((472 / 2750) * 100, 12);
    expect(stadt.getCell(11).numFmt).toBe("#,##0.0");
    expect(stadt.getCell(10).numFmt).toBe("#,##0");
    const leistungen = book.getWorksheet("Soziale Leistungen") as ExcelJS.Worksheet;
    // SGB-II-Quote Altstadt 2020: 10 + 40 + 5 + 15 = 70 under 65 of 1000 − 180 (deutsch 65+) = 820 → 8.5365… %.
    expect(totalRow(leistungen, "sgb2_quote", 2020, "11").getCell(11).value).toBeCloseTo((70 / 820) * 100, 10);
    const sgb2 = totalRow(leistungen, "sgb2_quote", 2020, "12");
    expect(sgb2.getCell(9).value).toBe(180);
    expect(sgb2.getCell(10).value).toBe(890);
    expect(sgb2.getCell(11).value).toBeCloseTo((180 / 890) * 100, 10);
  });

  it("gives a suppressed cell the symbol „.“ and no number, as the CSV does", () => {
    const sheet = book.getWorksheet("Grunddaten") as ExcelJS.Worksheet;
    // Feld has 2 Ausländer of 250: too few to publish.
    const feld = totalRow(sheet, "auslaenderanteil", 2020, "21");
    expect([feld.getCell(9).value, feld.getCell(10).value, feld.getCell(11).value]).toEqual([".", ".", "."]);
    expect(feld.getCell(12).value).toBe("gesperrt");
    expect(feld.getCell(13).value).toBe("Zahlenwert geheim zu halten");
    let numbers = 0;
    sheet.eachRow((row) => {
      if (row.getCell(12).value === "gesperrt")
        numbers += [9, 10, 11].filter((c) => typeof row.getCell(c).value === "number").length;
    });
    expect(numbers).toBe(0);
  });

  it("neutralises a district name that starts a formula", () => {
    const sheet = book.getWorksheet("Grunddaten") as ExcelJS.Worksheet;
    const neustadt = totalRow(sheet, "auslaenderanteil", 2020, "13");
    expect(neustadt.getCell(6).value).toBe(`'${HOSTILE}`);
    expect(neustadt.getCell(6).formula).toBeUndefined();
    // Neustadt's value is withheld (it would reveal Feld's two Ausländer through the city's sum).
    expect(neustadt.getCell(11).value).toBe(".");
  });

  it("names title, Stand, catalogue version, definitions and sources in the metadata, the legend in the footnotes", () => {
    const meta = book.getWorksheet("Metadaten") as ExcelJS.Worksheet;
    const pairs = new Map<unknown, unknown>();
    meta.eachRow((row) => pairs.set(row.getCell(1).value, row.getCell(2).value));
    expect(meta.getCell("A1").value).toBe("Testkatalog");
    expect(pairs.get("Stand")).toBe("Daten bis 2020");
    expect(pairs.get("Katalogversion")).toBe("test-2026.1");
    expect(pairs.get("Stand der Werte")).toBe("Entwurf (nicht veröffentlicht)");
    expect(pairs.get("auslaenderanteil")).toBe("Ausländeranteil");
    const line = [...Array(meta.rowCount).keys()]
      .map((i) => meta.getRow(i + 1))
      .find((r) => r.getCell(1).value === "auslaenderanteil");
    expect(line?.getCell(5).value).toBe("Ausländeranteil (Testdefinition)");
    expect(line?.getCell(8).value).toBe("Testdaten");
    const notes = book.getWorksheet("Fußnoten") as ExcelJS.Worksheet;
    expect(notes.getCell("A1").value).toBe("Zeichenerklärung");
    expect(notes.getCell("A3").value).toBe(".");
    expect(String(notes.getCell("B3").value)).toMatch(/^Zahlenwert geheim zu halten/);
  });

  it("shows an analyst the true value, marked as not for publication", async () => {
    const analyst = await workbook("/api/export.xlsx", ADMIN_TOKEN);
    const feld = totalRow(analyst.getWorksheet("Grunddaten") as ExcelJS.Worksheet, "auslaenderanteil", 2020, "21");
    // 2 of 250 → 0.8 %.
    expect([feld.getCell(9).value, feld.getCell(10).value]).toEqual([2, 250]);
    expect(feld.getCell(11).value).toBeCloseTo(0.8, 12);
    expect(feld.getCell(12).value).toBe("vertraulich – nicht zur Veröffentlichung");
    const response = await get("/api/export.xlsx", ADMIN_TOKEN);
    expect(response.headers["content-disposition"]).toContain("_vertraulich.xlsx");
  });
});

describe("GET /api/indicators/:id/values.xlsx", () => {
  it("holds the one indicator with its filters on its Handlungsfeld's sheet", async () => {
    const book = await workbook("/api/indicators/sgb2_quote/values.xlsx?year=2018&area=11");
    expect(book.worksheets.map((s) => s.name)).toEqual(["Metadaten", "Soziale Leistungen", "Fußnoten"]);
    const sheet = book.getWorksheet("Soziale Leistungen") as ExcelJS.Worksheet;
    // Altstadt 2018 under 65: 12 + 45 + 6 + 17 = 80 SGB II of 1000 − 180 (deutsch 65+) = 820 → 9.7560… %.
    const row = totalRow(sheet, "sgb2_quote", 2018, "11");
    expect(row.getCell(11).value).toBeCloseTo((80 / 820) * 100, 10);
    const ids = new Set<unknown>();
    sheet.eachRow((r, n) => n > 1 && ids.add(`${r.getCell(1).value}|${r.getCell(4).value}|${r.getCell(5).value}`));
    expect([...ids]).toEqual(["sgb2_quote|2018|11"]);
  });

  it("answers an unknown indicator 404 and a bad year 400 in German", async () => {
    const unknown = await get("/api/indicators/gibtsnicht/values.xlsx");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toContain("gibt es nicht");
    const year = await get("/api/indicators/sgb2_quote/values.xlsx?year=zwanzig");
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toContain("Jahreszahl");
  });
});

describe("GET /api/export.zip", () => {
  it("holds the workbook, both CSVs of every indicator, the Sozialmonitoring tables and LIESMICH.txt", async () => {
    const response = await get("/api/export.zip");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const dir = mkdtempSync(join(tmpdir(), "im-export-zip-"));
    try {
      const file = join(dir, "export.zip");
      writeFileSync(file, response.rawPayload);
      const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
      const ids = ["auslaenderanteil", "sgb2_quote", "sgb2_15_64_st", "kinder_sgb2_u15", "anteil_mv_u18"];
      expect(listing.slice(0, 2)).toEqual(["LIESMICH.txt", "integrationsmonitor.xlsx"]);
      expect(listing.filter((f) => f.startsWith("csv/")).sort()).toEqual(
        ids.flatMap((id) => [`csv/de/${id}.csv`, `csv/en/${id}.csv`]).sort(),
      );
      expect(listing).toContain("sozialmonitoring/segregation.csv");
      const segregation = execFileSync("unzip", ["-p", file, "sozialmonitoring/segregation.csv"], { encoding: "utf8" });
      expect(segregation.split("\r\n")[0]).toBe("\uFEFFVergleich;Jahr;Gebiet;Maß;Kennung;Wert;Status;Erläuterung");
      expect(segregation).toContain(";Segregationsindex (D);dissimilarity;");
      const csv = execFileSync("unzip", ["-p", file, "csv/de/auslaenderanteil.csv"], { encoding: "utf8" });
      // The people's CSV quotes the neutralised name: "'=HYPERLINK(""…"",""Neustadt"")".
      expect(csv).toContain(`2020;13;"'=HYPERLINK(""http://example.invalid"",""Neustadt"")";`);
      expect(csv).toContain("2020;21;Feld;Insgesamt;Insgesamt;.;.;.;gesperrt;Zahlenwert geheim zu halten");
      const readme = execFileSync("unzip", ["-p", file, "LIESMICH.txt"], { encoding: "utf8" });
      expect(readme).toContain("Zeichenerklärung");
      expect(readme).toContain("- Testdaten");
      expect(readme).toContain("- csv/en/sgb2_quote.csv");
      const inner = execFileSync("unzip", ["-p", file, "integrationsmonitor.xlsx"]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(inner as unknown as ArrayBuffer);
      expect(book.worksheets).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("GET /api/report.pdf without chromium or with a bad area", () => {
  it("answers 503 saying what to install when chromium is missing", async () => {
    const before = process.env.MONITOR_CHROMIUM;
    process.env.MONITOR_CHROMIUM = "/nirgends/chromium";
    try {
      const response = await get("/api/report.pdf");
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toContain("apt-get install -y chromium");
      expect(response.json().error).toContain("MONITOR_CHROMIUM");
    } finally {
      if (before === undefined) delete process.env.MONITOR_CHROMIUM;
      else process.env.MONITOR_CHROMIUM = before;
    }
  });

  it("answers an unknown area 400 in German before starting chromium", async () => {
    const response = await get("/api/report.pdf?area=mond");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe(
      "Unbekanntes Gebiet „mond“. Erlaubt sind: stadt, bezirk:Mitte, bezirk:Nord, 11, 12, 13, 21.",
    );
  });
});

const chromium = process.env.MONITOR_CHROMIUM || "/usr/bin/chromium";
describe.skipIf(!existsSync(chromium))("GET /api/report.pdf (needs chromium and the web build)", () => {
  it("prints the report as A4 PDF with page numbers in its contents", { timeout: 180_000 }, async () => {
    if (!existsSync(join(city.context.config.webDistPath, "index.html"))) {
      const missing = await get("/api/report.pdf");
      expect(missing.statusCode).toBe(503);
      expect(missing.json().error).toContain("npm run build -w web");
      return;
    }
    const [first, second] = await Promise.all([get("/api/report.pdf"), get("/api/report.pdf")]);
    const [done, busy] = first.statusCode === 200 ? [first, second] : [second, first];
    expect(busy.statusCode).toBe(503);
    expect(busy.headers["retry-after"]).toBe("30");
    expect(busy.json().error).toContain("bereits ein PDF-Bericht");
    expect(done.statusCode).toBe(200);
    const pdf = done.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const dests = destinationPages(pdf);
    // Title page with contents, then each Handlungsfeld from a new page.
    const grunddaten = dests.get("bericht-feld-GD") ?? 0;
    const leistungen = dests.get("bericht-feld-KJS") ?? 0;
    expect(grunddaten).toBeGreaterThanOrEqual(2);
    expect(leistungen).toBeGreaterThan(grunddaten);
    expect(dests.get("bericht-auslaenderanteil")).toBe(grunddaten);
    expect(dests.get("bericht-zeichen")).toBeLessThanOrEqual(pages);
  });

  it("fills the contents with the page each chapter starts on in the printed file", { timeout: 180_000 }, async () => {
    if (!existsSync(join(city.context.config.webDistPath, "index.html"))) return;
    const report = await renderReportPdf(city.app, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const dests = destinationPages(report.pdf);
    expect(report.contents.map((c) => c.anchor)).toEqual([
      "bericht-feld-GD",
      "bericht-auslaenderanteil",
      "bericht-anteil_mv_u18",
      "bericht-feld-KJS",
      "bericht-sgb2_quote",
      "bericht-sgb2_15_64_st",
      "bericht-kinder_sgb2_u15",
      "bericht-zeichen",
    ]);
    for (const entry of report.contents) {
      expect(entry.page, entry.anchor).toBe(dests.get(entry.anchor));
    }
    // The numbers as printed: the contents line of chapter 1 ends with its page.
    expect(report.contentsText[0]).toBe(`1 Grunddaten ${dests.get("bericht-feld-GD")}`);
  });
});
