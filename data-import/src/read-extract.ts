import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import Papa from "papaparse";
import { type CompiledProfile, compileProfile, matches, restCodes } from "./compile.ts";
import { type AgeBand, parseAgeBand } from "./dims.ts";
import type { District } from "./districts.ts";
import { normalizeCode, normalizeHeader } from "./normalize.ts";
import { type Problem, ProblemList, quote } from "./problems.ts";
import type { ExtractProfile } from "./profiles/index.ts";
import {
  decoderFor,
  delimiterNames,
  detectDelimiter,
  detectEncoding,
  type Encoding,
  firstLine,
  SNIFF_BYTES,
  splitLine,
} from "./text.ts";

/**
 * One count of one line: a line with k count columns gives k observations (architecture §1).
 *
 * @example
 * const o: Observation = { line: 2, district: 11, dims: "geschlecht=w|alter=0-2|staatsangehoerigkeit=deutsch|migrationsvorgeschichte=ohne", measure: "einwohner", value: 31 };
 */
export interface Observation {
  /** File line it comes from (header = line 1). */
  line: number;
  /** Stadtteil number, or `null` for profiles delivered for the whole city. */
  district: number | null;
  /** Dimension codes, `name=code|…` in the profile's column order (see `encodeDims`). */
  dims: string;
  measure: string;
  /** `null` when the office withheld the value (`.` or `x`), never 0. */
  value: number | null;
}

/**
 * What was read, for the import history.
 *
 * @example
 * const s: ExtractSummary = { profile: "einwohner", stichtag: "2024-12-31", year: 2024, lineCount: 118800,
 *   observationCount: 118800, sha256: "b41c…", encoding: "windows-1252", delimiter: ";" };
 */
export interface ExtractSummary {
  profile: string;
  /** ISO `yyyy-mm-dd`. */
  stichtag: string;
  year: number;
  /** Data lines (without header and empty lines). */
  lineCount: number;
  observationCount: number;
  /** Hex SHA-256 of the raw bytes. */
  sha256: string;
  encoding: Encoding;
  delimiter: string;
}

/** Small chunks keep Papa's rows young, so the garbage collector frees them cheaply (measured: 1 MiB is ~2× slower). */
export const CHUNK_BYTES = 64 * 1024;
const BATCH_SIZE = 10_000;
const MAX_PROBLEMS = 1000;
/** Look-up caches keep at most this many distinct raw spellings, so a garbage file cannot grow them. */
const CACHE_LIMIT = 10_000;

/** `parseCount` results besides a value ≥ 0. */
const WITHHELD = -1;
const INVALID = -2;
/** `lookupDistrict` results besides an index ≥ 0. */
const NOT_A_NUMBER = -1;
const UNKNOWN_DISTRICT = -2;

/**
 * Reads one office extract: detects encoding and delimiter, parses the CSV as a stream, checks every line
 * against the profile and the district list and reports all problems at once (in German, with line,
 * column and value; at most 1000 plus a closing „… und N weitere Probleme“).
 *
 * Observations go to `onBatch` in batches of 10,000 while the file is read, so a caller can insert them
 * inside one transaction. Once a problem is found no further batches are sent; a caller that received
 * batches must still roll back when `problems` is not empty, because some checks (one Stichtag per file,
 * complete age bands) can only fail at the end. `summary` is `null` when no Stichtag could be read.
 *
 * @example
 * const { summary, problems } = await readExtract({ path: "einwohner-2024.csv" }, findProfile("einwohner")!,
 *   muensterDistricts, (batch) => insert.run(batch));
 * if (problems.length) rollback(); // problems[0]: { line: 7, column: "Anzahl", value: "12,5", message: "…" }
 */
export async function readExtract(
  input: { path: string } | { bytes: Uint8Array },
  profile: ExtractProfile,
  districts: District[],
  onBatch?: (batch: Observation[]) => void,
): Promise<{ summary: ExtractSummary | null; problems: Problem[] }> {
  const c = compileProfile(profile);
  const problems = new ProblemList(MAX_PROBLEMS);
  const done = (summary: ExtractSummary | null = null) => ({ summary, problems: problems.result() });
  const hash = createHash("sha256");
  const bytes = ("path" in input ? createReadStream(input.path, { highWaterMark: CHUNK_BYTES }) : chunks(input.bytes))[
    Symbol.asyncIterator
  ]() as AsyncIterator<Uint8Array>;

  let head: Uint8Array;
  let ended: boolean;
  try {
    ({ head, ended } = await readHead(bytes, hash));
  } catch (error) {
    problems.add(null, null, null, `Die Datei konnte nicht gelesen werden (${(error as Error).message}).`);
    return done();
  }

  const encoding = detectEncoding(head);
  let decoder = decoderFor(encoding);
  let brokenAfterLine: number | null = null;
  let lineNo = 1;
  // The encoding is decided from the first 64 KB; if later bytes contradict it, report once and go on.
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      brokenAfterLine ??= lineNo - 1; // lines before the current one decoded fine
      decoder = new TextDecoder("utf-8");
      return chunk ? decoder.decode(chunk, { stream: true }) : "";
    }
  };
  const headText = decode(head) + (ended ? decode() : "");

  if (ended && headText.trim() === "") {
    problems.add(
      null,
      null,
      null,
      "Die Datei ist leer; erwartet werden eine Kopfzeile und mindestens eine Datenzeile.",
    );
    return done();
  }
  const headerLine = firstLine(headText);
  const detected = detectDelimiter(headerLine);
  if ("message" in detected) {
    problems.add(1, null, headerLine, detected.message);
    await bytes.return?.();
    return done();
  }
  const { delimiter } = detected;
  const header = mapHeader(splitLine(headerLine, delimiter), c, problems);
  if (!header) {
    await bytes.return?.();
    return done();
  }

  const checker = new LineChecker(c, header, delimiter, districts, problems, onBatch);
  let sawQuote = false;
  async function* text(): AsyncGenerator<string> {
    let t = headText;
    for (;;) {
      if (t) {
        sawQuote ||= t.includes('"');
        yield t;
      }
      if (ended) return;
      const next = await bytes.next();
      if (next.done) ended = true;
      else hash.update(next.value);
      t = next.done ? decode() : decode(next.value);
    }
  }

  try {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(Readable.from(text()), {
        delimiter,
        chunk: ({ data, errors }) => {
          const quoteErrors = errors.length ? new Map(errors.map((e) => [e.row, e])) : null;
          for (let i = 0; i < data.length; i++) {
            const row = data[i];
            const line = lineNo;
            // A quoted field may hold line breaks; line numbers count lines of the file, not records.
            lineNo += sawQuote ? 1 + lineBreaks(row) : 1;
            if (line === 1) continue;
            const quoteError = quoteErrors?.get(i);
            if (quoteError) checker.quoteProblem(line, quoteError.code);
            else checker.row(row, line);
          }
        },
        complete: () => resolve(),
        error: (error) => reject(error),
      });
    });
  } catch (error) {
    problems.add(null, null, null, `Die Datei konnte nicht gelesen werden (${(error as Error).message}).`);
    return done();
  }

  if (brokenAfterLine !== null) {
    const where = brokenAfterLine > 0 ? `nach Zeile ${brokenAfterLine} ` : "";
    problems.add(
      null,
      null,
      null,
      `Die Zeichenkodierung ist nicht einheitlich: die Datei beginnt als UTF-8, enthält aber ${where}Bytes, die kein gültiges UTF-8 sind. Bitte die Datei einheitlich als UTF-8 oder Windows-1252 speichern.`,
    );
  }
  checker.finish();
  const stichtag = checker.stichtagIso;
  if (stichtag === null) return done();
  return done({
    profile: profile.id,
    stichtag,
    year: Number(stichtag.slice(0, 4)),
    lineCount: checker.dataLines,
    observationCount: checker.observationCount,
    sha256: hash.digest("hex"),
    encoding,
    delimiter,
  });
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/** The first ≥ 64 KB of the file (all of it when shorter). */
async function readHead(bytes: AsyncIterator<Uint8Array>, hash: Hash): Promise<{ head: Uint8Array; ended: boolean }> {
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await bytes.next();
    if (next.done) return { head: Buffer.concat(parts), ended: true };
    hash.update(next.value);
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: parts.length === 1 ? parts[0] : Buffer.concat(parts), ended: false };
}

function lineBreaks(row: string[]): number {
  let n = 0;
  for (const field of row) for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  return n;
}

/** Where the profile's columns are in the file. */
interface HeaderMap {
  width: number;
  /** Per profile column: its index in the file. */
  index: number[];
  /** Per profile column: its header as written in the file (trimmed). */
  written: string[];
  /** File columns without a header: tolerated (Excel adds them) as long as they stay empty. */
  blank: number[];
}

function mapHeader(cells: string[], c: CompiledProfile, problems: ProblemList): HeaderMap | null {
  const columns = c.profile.columns;
  const expected = columns.map((col) => col.header).join(", ");
  const map: HeaderMap = {
    width: cells.length,
    index: columns.map(() => -1),
    written: columns.map((col) => col.header),
    blank: [],
  };
  if (!cells.some((cell) => c.headers.has(normalizeHeader(cell)))) {
    problems.add(
      1,
      null,
      cells.join(" | "),
      `Die erste Zeile ist keine Kopfzeile des Profils „${c.profile.title}“ (${c.profile.id}); erwartet werden die Spalten ${expected}. Ist es die richtige Datei und beginnt sie mit der Kopfzeile?`,
    );
    return null;
  }
  let usable = true;
  cells.forEach((cell, i) => {
    const written = cell.trim();
    const key = normalizeHeader(cell);
    const column = c.headers.get(key);
    if (key === "") map.blank.push(i);
    else if (column === undefined) {
      if (!c.ignorable.has(key)) {
        const extra = c.profile.ignorable?.length ? ` (zusätzlich erlaubt: ${c.profile.ignorable.join(", ")})` : "";
        problems.add(
          1,
          written,
          written,
          `Unbekannte Spalte ${quote(written)}; erwartet werden nur die Spalten ${expected}${extra}.`,
        );
      }
    } else if (map.index[column] !== -1) {
      problems.add(
        1,
        written,
        written,
        `Die Spalte ${quote(written)} kommt mehrfach vor (Spalten ${map.index[column] + 1} und ${i + 1}); jede Spalte darf nur einmal vorkommen.`,
      );
      usable = false;
    } else {
      map.index[column] = i;
      map.written[column] = written;
    }
  });
  columns.forEach((col, k) => {
    if (map.index[k] === -1) {
      problems.add(
        1,
        col.header,
        null,
        `Die Pflichtspalte „${col.header}“ fehlt; erwartet werden die Spalten ${expected}.`,
      );
      usable = false;
    }
  });
  return usable ? map : null;
}

/** Per code combination: its codes, the rules it triggers and its `dims` strings by age band. */
interface Combination {
  codes: number[];
  forbidden: { column: number; message: string } | null;
  zero: { count: number; message: string }[];
  dims: string[];
}

/** Checks data lines one by one and keeps what the end-of-file checks need. */
class LineChecker {
  dataLines = 0;
  observationCount = 0;
  stichtagIso: string | null = null;
  private stichtagRaw: string | undefined = undefined;
  private stichtagLine = 0;
  private otherStichtag: { line: number; raw: string; lines: number } | null = null;

  // Column positions in the file.
  private readonly width: number;
  /** Fields a line needs at least: up to the last profile column (trailing columns without header may be absent). */
  private readonly required: number;
  private readonly iStichtag: number;
  private readonly iStadtteil: number;
  private readonly iAge: number;
  private readonly iCodes: number[];
  private readonly iCounts: number[];
  private readonly written: { stichtag: string; stadtteil: string; age: string; codes: string[]; counts: string[] };

  // Look-ups, filled as spellings appear: raw cell → index (negative = invalid).
  private readonly districtIndex: Map<number, number>;
  private readonly nDistricts: number;
  private readonly districtCache = new Map<string, number>();
  private readonly codeCaches: Map<string, number>[];
  private readonly ageCache = new Map<string, number>();
  private readonly bands: AgeBand[] = [];
  private readonly bandIds = new Map<string, number>();
  private readonly combinations: Combination[] = [];

  /** (code combination, district) → file line by age band id; finds duplicates and checks band coverage. */
  private readonly groups = new Map<number, number[]>();
  private lastGroup = -1;
  private lastLines: number[] = [];
  private readonly groupsWithBadAge = new Set<number>();
  /** Lines whose district or codes are invalid: they belong to no group, so coverage gaps would be follow-on errors. */
  private unplacedLines = 0;

  private readonly values: number[];
  private batch: Observation[] = [];

  constructor(
    private readonly c: CompiledProfile,
    private readonly header: HeaderMap,
    private readonly delimiter: string,
    private readonly districts: District[],
    private readonly problems: ProblemList,
    private readonly onBatch: ((batch: Observation[]) => void) | undefined,
  ) {
    const columns = c.profile.columns;
    const at = (kind: string) => columns.findIndex((col) => col.kind === kind);
    const fileIndex = (kind: string) => (at(kind) === -1 ? -1 : header.index[at(kind)]);
    const written = (kind: string) => (at(kind) === -1 ? "" : header.written[at(kind)]);
    const ofKind = (kind: string) => columns.flatMap((col, k) => (col.kind === kind ? [k] : []));
    this.width = header.width;
    this.required = Math.max(...header.index) + 1;
    this.iStichtag = fileIndex("stichtag");
    this.iStadtteil = fileIndex("stadtteil");
    this.iAge = fileIndex("age");
    this.iCodes = ofKind("code").map((k) => header.index[k]);
    this.iCounts = ofKind("count").map((k) => header.index[k]);
    this.written = {
      stichtag: written("stichtag"),
      stadtteil: written("stadtteil"),
      age: written("age"),
      codes: ofKind("code").map((k) => header.written[k]),
      counts: ofKind("count").map((k) => header.written[k]),
    };
    this.districtIndex = new Map(districts.map((d, i) => [d.number, i]));
    this.nDistricts = Math.max(1, districts.length);
    this.codeCaches = c.codeColumns.map(() => new Map());
    this.values = c.countColumns.map(() => 0);
  }

  row(row: string[], line: number): void {
    const stichtag = row[this.iStichtag];
    if ((row.length !== this.width || !stichtag || this.header.blank.length) && this.misshapen(row, line)) return;
    this.dataLines++;
    if (stichtag !== this.stichtagRaw) this.checkStichtag(stichtag, line);

    // The cells that place the line: district, codes, age band.
    let placed = true;
    let district = 0;
    if (this.iStadtteil !== -1) {
      const raw = row[this.iStadtteil];
      district = this.districtCache.get(raw) ?? this.lookupDistrict(raw);
      if (district < 0) {
        this.districtProblem(raw, district, line);
        placed = false;
      }
    }
    const codeColumns = this.c.codeColumns;
    let rest = 0;
    for (let j = 0; j < codeColumns.length; j++) {
      const raw = row[this.iCodes[j]];
      const code = this.codeCaches[j].get(raw) ?? this.lookupCode(j, raw);
      if (code < 0) {
        this.codeProblem(j, raw, line);
        placed = false;
      } else rest += code * codeColumns[j].stride;
    }
    if (!placed) this.unplacedLines++;
    const group = rest * this.nDistricts + district;
    let band = 0;
    if (this.iAge !== -1) {
      const raw = row[this.iAge];
      band = this.ageCache.get(raw) ?? this.lookupAge(raw);
      if (band < 0) {
        this.problems.add(
          line,
          this.written.age,
          raw,
          `Ungültige Altersangabe ${quote(raw)}; erwartet ein Alter in Jahren (z. B. 7), eine Altersgruppe von-bis (z. B. 15-17) oder eine offene Gruppe ab einem Alter (z. B. 90+).`,
        );
        if (placed) this.groupsWithBadAge.add(group);
        placed = false;
      }
    }

    let countsOk = true;
    const values = this.values;
    for (let k = 0; k < values.length; k++) {
      const raw = row[this.iCounts[k]];
      const value = parseCount(raw);
      if (value === INVALID) {
        this.countProblem(k, raw, line);
        countsOk = false;
      }
      values[k] = value;
    }
    if (!placed) return;

    const combination = this.combinations[rest] ?? this.combination(rest);
    if (combination.forbidden) {
      const j = combination.forbidden.column;
      this.problems.add(line, this.written.codes[j], row[this.iCodes[j]], combination.forbidden.message);
      this.unplacedLines++; // its corrected codes would place it in another group
      return;
    }
    const lines = group === this.lastGroup ? this.lastLines : this.linesOf(group);
    const earlier = lines[band];
    if (earlier !== undefined) {
      this.problems.add(
        line,
        null,
        null,
        `Die Kombination ${this.describe(rest, district, band)} kommt doppelt vor (Zeilen ${earlier} und ${line}); jede Kombination darf nur einmal vorkommen.`,
      );
      return;
    }
    lines[band] = line;
    if (!this.rulesHold(combination, row, line) || !countsOk) return;

    this.observationCount += values.length;
    if (this.onBatch && !this.problems.any && this.otherStichtag === null) {
      const dims = combination.dims[band] ?? this.dims(combination, band);
      const number = this.iStadtteil === -1 ? null : this.districts[district].number;
      const measures = this.c.countColumns;
      for (let k = 0; k < values.length; k++) {
        const value = values[k];
        this.batch.push({
          line,
          district: number,
          dims,
          measure: measures[k].measure,
          value: value === WITHHELD ? null : value,
        });
      }
      if (this.batch.length >= BATCH_SIZE) {
        this.onBatch(this.batch);
        this.batch = [];
      }
    }
  }

  quoteProblem(line: number, code: string): void {
    this.dataLines++;
    this.unplacedLines++;
    const what =
      code === "MissingQuotes"
        ? "Ein Anführungszeichen wird geöffnet, aber nicht geschlossen"
        : "Nach einem schließenden Anführungszeichen folgt kein Trennzeichen";
    this.problems.add(
      line,
      null,
      null,
      `${what}; erwartet werden Felder in der Form "Text" oder ohne Anführungszeichen.`,
    );
  }

  /** End-of-file checks; sends the last batch when the file is clean. */
  finish(): void {
    if (this.dataLines === 0) {
      this.problems.add(null, null, null, "Die Datei enthält keine Datenzeilen, nur die Kopfzeile.");
    }
    if (this.otherStichtag) {
      const { line, raw, lines } = this.otherStichtag;
      this.problems.add(
        line,
        this.written.stichtag,
        raw,
        `Abweichender Stichtag ${quote(raw)}: die erste Datenzeile (Zeile ${this.stichtagLine}) hat den Stichtag ${quote(this.stichtagRaw ?? "")}; alle Zeilen einer Datei müssen denselben Stichtag haben (${lines === 1 ? "1 Zeile weicht" : `${lines} Zeilen weichen`} ab).`,
      );
    }
    if (this.iAge !== -1 && this.unplacedLines === 0) this.checkAgeCoverage();
    if (this.onBatch && !this.problems.any && this.batch.length) this.onBatch(this.batch);
    this.batch = [];
  }

  /** Blank lines (skipped), lines with too few or too many fields (a problem), values in columns without header. */
  private misshapen(row: string[], line: number): boolean {
    if (row.every((cell) => cell.trim() === "")) return true;
    if (row.length < this.required || row.slice(this.width).some((cell) => cell.trim() !== "")) {
      this.dataLines++;
      this.unplacedLines++;
      this.problems.add(
        line,
        null,
        null,
        `Die Zeile hat ${row.length} Felder, die Kopfzeile ${this.width} Spalten; erwartet wird genau ein Wert je Spalte, getrennt durch ${delimiterNames[this.delimiter]}.`,
      );
      return true;
    }
    for (const i of this.header.blank) {
      const cell = row[i] ?? "";
      if (cell.trim() !== "") {
        this.problems.add(
          line,
          null,
          cell,
          `Wert ${quote(cell)} in Spalte ${i + 1}, die keine Überschrift hat; erwartet ein leeres Feld.`,
        );
      }
    }
    return false;
  }

  private checkStichtag(raw: string, line: number): void {
    const iso = parseStichtag(raw);
    if (iso === null) {
      this.problems.add(
        line,
        this.written.stichtag,
        raw,
        `Ungültiges Datum ${quote(raw)}; erwartet der Stichtag als TT.MM.JJJJ (z. B. 31.12.2024) oder JJJJ-MM-TT.`,
      );
    } else if (this.stichtagIso === null) {
      this.stichtagIso = iso;
      this.stichtagRaw = raw;
      this.stichtagLine = line;
    } else if (iso !== this.stichtagIso) {
      this.otherStichtag ??= { line, raw, lines: 0 };
      this.otherStichtag.lines++;
    }
  }

  private lookupDistrict(raw: string): number {
    const text = raw.trim();
    const index = /^\d{1,9}$/.test(text) ? (this.districtIndex.get(Number(text)) ?? UNKNOWN_DISTRICT) : NOT_A_NUMBER;
    if (this.districtCache.size < CACHE_LIMIT) this.districtCache.set(raw, index);
    return index;
  }

  private districtProblem(raw: string, result: number, line: number): void {
    const numbers = this.districts.map((d) => d.number);
    const list = numbers.length
      ? `die Stadtteilliste hat ${numbers.length} Stadtteile mit den Nummern ${Math.min(...numbers)} bis ${Math.max(...numbers)}`
      : "die Stadtteilliste ist leer";
    const message =
      result === NOT_A_NUMBER
        ? `${raw.trim() === "" ? "Leeres Feld" : `${quote(raw)} ist keine Stadtteilnummer`}; erwartet eine Stadtteilnummer aus der Stadtteilliste (${list}).`
        : `Der Stadtteil ${Number(raw.trim())} steht nicht in der Stadtteilliste; erwartet eine Nummer aus der Liste (${list}).`;
    this.problems.add(line, this.written.stadtteil, raw, message);
  }

  private lookupCode(j: number, raw: string): number {
    const index = this.c.codeColumns[j].lookup.get(normalizeCode(raw)) ?? -1;
    if (this.codeCaches[j].size < CACHE_LIMIT) this.codeCaches[j].set(raw, index);
    return index;
  }

  private codeProblem(j: number, raw: string, line: number): void {
    const codes = this.c.codeColumns[j].codes.join(", ");
    const what = raw.trim() === "" ? "Leeres Feld" : `Unbekannter Wert ${quote(raw)}`;
    this.problems.add(line, this.written.codes[j], raw, `${what}; erwartet einer der Werte ${codes}.`);
  }

  private lookupAge(raw: string): number {
    const band = parseAgeBand(raw);
    let id = -1;
    if (band) {
      id = this.bandIds.get(band.code) ?? this.bands.length;
      if (id === this.bands.length) {
        this.bands.push(band);
        this.bandIds.set(band.code, id);
      }
    }
    if (this.ageCache.size < CACHE_LIMIT) this.ageCache.set(raw, id);
    return id;
  }

  private countProblem(k: number, raw: string, line: number): void {
    const text = raw.trim();
    const what =
      text === ""
        ? "Leeres Feld"
        : /^-\s*[\d.,]+$/.test(text)
          ? `Negative Anzahl ${quote(raw)}`
          : /^\d[\d.]*,\d*$|^\d+\.\d{1,2}$|^\d+\.\d{4,}$/.test(text)
            ? `Dezimalzahl ${quote(raw)}`
            : `Ungültige Anzahl ${quote(raw)}`;
    this.problems.add(
      line,
      this.written.counts[k],
      raw,
      `${what}; erwartet eine ganze Zahl ab 0 (Tausenderpunkt erlaubt, z. B. 1.234), „-“ für 0 oder „.“ bzw. „x“ für geheim gehalten.`,
    );
  }

  private linesOf(group: number): number[] {
    let lines = this.groups.get(group);
    if (!lines) {
      lines = [];
      this.groups.set(group, lines);
    }
    this.lastGroup = group;
    this.lastLines = lines;
    return lines;
  }

  private combination(rest: number): Combination {
    const codes = restCodes(this.c, rest);
    const forbid = this.c.forbid.find((r) => matches(r.when, codes) && matches(r.forbid, codes));
    const combination: Combination = {
      codes,
      forbidden: forbid ? { column: forbid.column, message: forbid.message } : null,
      zero: this.c.zero.filter((r) => matches(r.when, codes)),
      dims: [],
    };
    this.combinations[rest] = combination;
    return combination;
  }

  /** `zero` and `part-of` rules; withheld or invalid values are not compared. */
  private rulesHold(combination: Combination, row: string[], line: number): boolean {
    const values = this.values;
    let ok = true;
    for (const rule of combination.zero) {
      if (values[rule.count] > 0) {
        const raw = row[this.iCounts[rule.count]];
        this.problems.add(
          line,
          this.written.counts[rule.count],
          raw,
          `${rule.message} Erwartet 0 oder „-“, nicht ${quote(raw)}.`,
        );
        ok = false;
      }
    }
    for (const { part, whole } of this.c.partOf) {
      if (values[part] >= 0 && values[whole] >= 0 && values[part] > values[whole]) {
        const partHeader = this.written.counts[part];
        const wholeHeader = this.written.counts[whole];
        this.problems.add(
          line,
          partHeader,
          row[this.iCounts[part]],
          `„${partHeader}“ (${values[part]}) ist größer als „${wholeHeader}“ (${values[whole]}); erwartet höchstens so viele wie „${wholeHeader}“, denn es ist ein Teil davon.`,
        );
        ok = false;
      }
    }
    return ok;
  }

  private dims(combination: Combination, band: number): string {
    const parts = this.c.codeColumns.map((col, j) => col.pairs[combination.codes[j]]);
    if (this.iAge !== -1) parts.splice(this.c.agePosition, 0, `alter=${this.bands[band].code}`);
    combination.dims[band] = parts.join("|");
    return combination.dims[band];
  }

  /** „Stadtteil 11, Geschlecht w, Alter 0-17, …“ for messages, in the file's header spelling. */
  private describe(rest: number, district: number, band: number | null): string {
    const codes = restCodes(this.c, rest);
    const parts = this.c.codeColumns.map((col, j) => `${this.written.codes[j]} ${col.codes[codes[j]]}`);
    if (band !== null && this.iAge !== -1)
      parts.splice(this.c.agePosition, 0, `${this.written.age} ${this.bands[band].code}`);
    if (this.iStadtteil !== -1) parts.unshift(`${this.written.stadtteil} ${this.districts[district].number}`);
    return parts.join(", ");
  }

  /**
   * Per (district, code combination): the delivered bands must cover 0…∞ without overlap. The same gap in
   * many combinations is reported once, naming the first and counting the others.
   */
  private checkAgeCoverage(): void {
    const issues = new Map<string, { line: number; band: string; message: string; more: number }>();
    const note = (key: string, line: number, band: string, message: () => string) => {
      const issue = issues.get(key);
      if (issue) issue.more++;
      else issues.set(key, { line, band, message: message(), more: 0 });
    };
    const bands = this.bands;
    for (const [group, lines] of this.groups) {
      if (this.groupsWithBadAge.has(group)) continue;
      const ids: number[] = [];
      lines.forEach((_, id) => {
        ids.push(id); // forEach skips the holes: only delivered bands
      });
      ids.sort((a, b) => bands[a].from - bands[b].from || (bands[a].to ?? Infinity) - (bands[b].to ?? Infinity));
      const combination = () => this.describe(Math.floor(group / this.nDistricts), group % this.nDistricts, null);
      let next = 0;
      let reaching = -1; // the band that reaches furthest so far
      for (const id of ids) {
        const { from, to, code } = bands[id];
        if (from > next) {
          const gap = from - 1 === next ? `${next}` : `${next} bis ${from - 1}`;
          note(`gap ${next}-${from - 1}`, lines[id], code, () => `Für ${combination()} fehlt das Alter ${gap}`);
        } else if (from < next) {
          const other = bands[reaching].code;
          note(
            `overlap ${other} ${code}`,
            lines[id],
            code,
            () =>
              `Für ${combination()} überschneiden sich die Altersgruppen ${other} (Zeile ${lines[reaching]}) und ${code} (Zeile ${lines[id]})`,
          );
        }
        const end = to === null ? Infinity : to + 1;
        if (end > next) {
          next = end;
          reaching = id;
        }
      }
      if (next !== Infinity && reaching !== -1) {
        const last = bands[reaching].code;
        note(
          `open ${next}`,
          lines[reaching],
          last,
          () => `Für ${combination()} fehlt nach ${last} eine offene Altersgruppe (z. B. „${next}+“)`,
        );
      }
    }
    for (const { line, band, message, more } of issues.values()) {
      const also =
        more === 0 ? "" : ` Ebenso in ${more === 1 ? "einer weiteren Kombination" : `${more} weiteren Kombinationen`}.`;
      this.problems.add(
        line,
        this.written.age,
        band,
        `${message}; erwartet werden Altersgruppen, die lückenlos und ohne Überschneidung von 0 bis zu einer offenen Gruppe (z. B. 90+) reichen.${also}`,
      );
    }
  }
}

/** Count cell → value ≥ 0, WITHHELD (-1) or INVALID (-2). Digits with correct thousands dots take the fast path. */
export function parseCount(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 15) return parseCountSlow(raw);
  let value = 0;
  let leading = 0; // digits before the first dot
  let group = -1; // digits since the last dot, -1 before the first
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (group === -1) leading++;
      else group++;
    } else if (c === 46 && (group === -1 ? leading >= 1 && leading <= 3 : group === 3)) group = 0;
    else return parseCountSlow(raw);
  }
  return group === -1 || group === 3 ? value : INVALID;
}

function parseCountSlow(raw: string): number {
  const text = raw.trim();
  if (text === "-") return 0;
  if (text === "." || text === "x" || text === "X") return WITHHELD;
  if (/^\d+$/.test(text) || /^\d{1,3}(\.\d{3})+$/.test(text)) {
    const value = Number(text.replaceAll(".", ""));
    return Number.isSafeInteger(value) ? value : INVALID;
  }
  return INVALID;
}

/** `TT.MM.JJJJ` (also `T.M.JJJJ`) or ISO `JJJJ-MM-TT` → ISO, or `null` for anything else or no real date. */
export function parseStichtag(raw: string): string | null {
  const text = raw.trim();
  const german = /^(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})$/.exec(text);
  const parts = (german ?? /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})$/.exec(text))?.groups;
  if (!parts) return null;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
