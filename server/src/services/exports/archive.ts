import type { Readable } from "node:stream";
import { setImmediate as yieldToReaders } from "node:timers/promises";
import { ZipFile } from "yazl";
import type { AppContext } from "../../context.ts";
import { csvForMachines, csvForPeople } from "../../routes/indicators/csv.ts";
import type { ExportData } from "./collect.ts";
import { allIndexResults, allSegregation, indexCsv, readmeText, segregationCsv } from "./tables.ts";

/**
 * A file name from the catalogue or the city's files: only letters, digits, `.`, `_` and `-`, never one that
 * starts like a formula or a hidden file.
 */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^[-.]/, "_") || "_";
}

export const WORKBOOK_NAME = "integrationsmonitor.xlsx";

/**
 * The whole publication as one ZIP, streamed: the workbook, every indicator as CSV in both flavours, the
 * Sozialmonitoring tables and LIESMICH.txt. The entries are built here before the stream starts, so an
 * error becomes a proper answer instead of a cut archive.
 */
export async function buildArchive(context: AppContext, data: ExportData, workbook: Buffer): Promise<Readable> {
  const entries: [name: string, body: Buffer][] = [[WORKBOOK_NAME, workbook]];
  for (const { meta, response, breakdownLabels } of data.indicators) {
    await yieldToReaders();
    const name = safeFileName(meta.id);
    entries.push([`csv/de/${name}.csv`, Buffer.from(csvForPeople(response, meta.unit, breakdownLabels))]);
    entries.push([`csv/en/${name}.csv`, Buffer.from(csvForMachines(response))]);
  }
  const { analyst, release } = data.options;
  const years = [...new Set(data.indicators.flatMap((i) => i.response.rows.map((r) => r.year)))].sort((a, b) => a - b);
  const segregation = await allSegregation(context, release, years, analyst);
  if (segregation.results.length) {
    entries.push(["sozialmonitoring/segregation.csv", Buffer.from(segregationCsv(segregation, analyst))]);
  }
  for (const [config, results] of await allIndexResults(context, release, years, analyst)) {
    entries.push([`sozialmonitoring/sozialindex_${safeFileName(config)}.csv`, Buffer.from(indexCsv(results, analyst))]);
  }
  const readme = readmeText(data, ["LIESMICH.txt", ...entries.map(([name]) => name)]);
  entries.unshift(["LIESMICH.txt", Buffer.from(readme)]);

  const zip = new ZipFile();
  for (const [name, body] of entries) zip.addBuffer(body, name, { mtime: data.createdAt });
  zip.end();
  return zip.outputStream as Readable;
}
