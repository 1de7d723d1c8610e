// `npm run monitor -- sozialindex --input FILE [--config muenster|berlin-mss] [--z]`
// Reads one row per Stadtteil with indicator columns and prints status and dynamics index per unit as JSON.
import {
  computeSozialindex,
  EARLIER_SUFFIX,
  type SozialindexConfig,
  type SozialindexUnit,
  sozialindexConfigs,
} from "@im/indicators";
import { type CliIo, InputFileError, optionsOrExit, parseNumber, processIo, readCsvFile } from "./table-file.ts";

const MISSING_MARKS = new Set(["", "-", "–", ".", "x"]);

function columnsText(config: SozialindexConfig): string {
  const ids = (specs: { id: string }[], suffix = "") => specs.map((s) => s.id + suffix).join(";");
  return `  ${config.id}\n    Status:  ${ids(config.status)}\n    Dynamik: ${ids(config.dynamics)}\n         oder ${ids(config.status, EARLIER_SUFFIX)}`;
}

const usage = `Aufruf: npm run monitor -- sozialindex --input DATEI [--config muenster|berlin-mss] [--z]

DATEI: CSV (UTF-8, mit oder ohne BOM; Trennzeichen ; oder ,), eine Zeile je Gebiet, Spalten:
  Einheit     Gebietsname oder -nummer (Pflicht)
  Einwohner   optional; Gebiete unter 300 Einwohnern werden ausgeschlossen
  je Indikator eine Spalte in Prozent (Dezimalkomma oder -punkt); leer oder "–" = Wert fehlt
    (das Gebiet wird dann mit Begründung ausgeschlossen).
  Dynamik = Veränderung in Prozentpunkten über zwei Jahre: entweder als eigene Spalte oder abgeleitet aus
    dem aktuellen Wert und dem Wert vor zwei Jahren in der Spalte <Indikator>${EARLIER_SUFFIX}.
    Ohne Dynamikspalten wird nur der Statusindex berechnet.
${Object.values(sozialindexConfigs).map(columnsText).join("\n")}

--config  muenster (Voreinstellung) oder berlin-mss (Berlin MSS ab 2019: S1, S3, S4, wie veröffentlicht)
--z       die Indikatorspalten enthalten bereits z-Werte (z. B. veröffentlichte); Dynamik nur als eigene Spalten

Ausgabe: JSON mit je Gebiet z-Werten, Status- und Dynamikindex mit Klasse, kombinierter Klasse ("2 +")
und Ausschlussgründen. Exit-Code 0 ok, 1 fehlerhafte Datei, 2 falscher Aufruf.`;

export async function run(args: string[], io: CliIo = processIo): Promise<number> {
  const options = optionsOrExit(
    args,
    {
      input: { type: "string" },
      config: { type: "string" },
      z: { type: "boolean" },
      help: { type: "boolean" },
    },
    usage,
    io,
  );
  if (typeof options === "number") return options;
  const configId = options.config ?? "muenster";
  const named = Object.hasOwn(sozialindexConfigs, configId) ? sozialindexConfigs[configId] : undefined;
  if (!options.input || !named) {
    io.stderr(
      `${options.input ? `Unbekannte Konfiguration: ${options.config}` : "--input DATEI fehlt."}\n\n${usage}\n`,
    );
    return 2;
  }

  try {
    const { units, config } = readIndicatorTable(options.input, { ...named, inputsAreZ: options.z ?? false });
    if (config.dynamics.length < named.dynamics.length) {
      io.stderr("Hinweis: Die Datei hat keine Dynamikspalten; nur der Statusindex wird berechnet.\n");
    }
    const result = computeSozialindex(units, config);
    for (const problem of result.problems) io.stderr(`Hinweis: ${problem}\n`);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const problems = error.problems;
    io.stderr(
      `Die Datei ${options.input} kann nicht ausgewertet werden:\n${problems.map((p) => `- ${p}`).join("\n")}\n`,
    );
    return 1;
  }
}

/**
 * Reads the wide indicator table. Returns the units and the config actually used: without any dynamics
 * column the dynamics part is dropped. Throws InputFileError listing every problem with its line.
 */
export function readIndicatorTable(
  path: string,
  config: SozialindexConfig,
): { units: SozialindexUnit[]; config: SozialindexConfig } {
  const { header, rows, column } = readCsvFile(path, ["Einheit", ...config.status.map((s) => s.id)]);
  const has = (name: string) => header.some((h) => h.toLowerCase() === name.toLowerCase());
  const available = config.dynamics.map(
    (d) => has(d.id) || (!config.inputsAreZ && !!d.changeOf && has(d.changeOf) && has(d.changeOf + EARLIER_SUFFIX)),
  );
  const used = available.some(Boolean) ? config : { ...config, dynamics: [] };
  const problems = config.dynamics
    .filter((_, k) => available.some(Boolean) && !available[k])
    .map(
      (d) =>
        `Spalte „${d.id}“ fehlt${config.inputsAreZ ? "" : ` (oder „${d.changeOf}${EARLIER_SUFFIX}“)`}; die übrigen Dynamikspalten sind da.`,
    );

  // Header spelling may differ in case; the engine looks values up by the config's ids.
  const ids = [...config.status, ...config.dynamics].flatMap((s) => [
    s.id,
    ...(s.changeOf ? [s.changeOf + EARLIER_SUFFIX] : []),
  ]);
  const valueColumns = header
    .map((name, index) => ({ name: ids.find((id) => id.toLowerCase() === name.toLowerCase()) ?? name, index }))
    .filter(({ name }) => !["einheit", "einwohner"].includes(name.toLowerCase()));
  const populationIndex = header.findIndex((h) => h.toLowerCase() === "einwohner");
  const firstLine = new Map<string, number>();
  const units: SozialindexUnit[] = [];

  for (const { line, cells } of rows) {
    const unit = cells[column.Einheit]?.trim() ?? "";
    if (!unit) problems.push(`Zeile ${line}: Einheit fehlt.`);
    else if (firstLine.has(unit))
      problems.push(`Zeile ${line}: Einheit „${unit}“ steht schon in Zeile ${firstLine.get(unit)}.`);
    else firstLine.set(unit, line);

    let population: number | null = null;
    const rawPopulation = populationIndex >= 0 ? (cells[populationIndex]?.trim() ?? "") : "";
    if (rawPopulation !== "") {
      population = parseNumber(rawPopulation, { thousands: true }) ?? null;
      if (population === null || population < 0)
        problems.push(`Zeile ${line}: Einwohner „${rawPopulation}“ ist keine gültige Zahl.`);
    }

    const values: Record<string, number | null> = {};
    for (const { name, index } of valueColumns) {
      const raw = cells[index]?.trim() ?? "";
      if (MISSING_MARKS.has(raw.toLowerCase())) {
        values[name] = null;
        continue;
      }
      // No thousands separators here: "0.125" is a share, not 125.
      const value = parseNumber(raw, { thousands: false });
      if (value === undefined) problems.push(`Zeile ${line}, Spalte „${name}“: „${raw}“ ist keine Zahl.`);
      values[name] = value ?? null;
    }
    units.push({ unit, population, values });
  }
  if (rows.length === 0) problems.push("Die Datei enthält keine Datenzeilen.");
  if (problems.length > 0) throw new InputFileError(problems);
  return { units, config: used };
}
