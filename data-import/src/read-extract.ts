import { createHash, type Hash } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import Papa from "papaparse";
import { compileProfile } from "./compile.ts";
import type { District } from "./districts.ts";
import { mapHeader } from "./header-map.ts";
import { DEFAULT_LIMITS, LimitScanner, type LimitViolation, type ReadLimits } from "./limits.ts";
import { type BatchHandler, type ColumnsHandler, LineChecker, observationsOf } from "./line-checker.ts";
import { type Problem, ProblemList } from "./problems.ts";
import type { ExtractProfile } from "./profiles/index.ts";
import {
  decoderFor,
  detectDelimiter,
  detectEncoding,
  type Encoding,
  firstLine,
  SNIFF_BYTES,
  splitLine,
} from "./text.ts";

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
const MAX_PROBLEMS = 1000;

export interface ReadOptions {
  /** Stops reading (the promise rejects with the signal's reason), e.g. when the uploading client is gone. */
  signal?: AbortSignal;
  limits?: Partial<ReadLimits>;
  /**
   * Asked before each further chunk of the file is read: a promise holds the reading until it settles (the import's
   * worker, read-worker.ts, waits so while the batches it sent are not stored yet).
   */
  paced?: () => Promise<void> | null;
}

const number = (n: number) => n.toLocaleString("de-DE");

/**
 * Reads one office extract: detects encoding and delimiter, parses the CSV as a stream, checks every line
 * against the profile and the district list and reports all problems at once (in German, with line,
 * column and value cut to 60 characters; at most 1000 plus a closing „… und N weitere Probleme“).
 *
 * A line longer than 10,000 characters, a field longer than 1,000 or a header of more than 200 columns stops
 * the reading at once with a problem at that line (`options.limits`), so no file can keep the parser busy.
 *
 * Observations go to `onBatch` in batches of 10,000 while the file is read, with the year of the file's
 * Stichtag, so a caller can insert them inside one transaction. Once a problem is found no further batches are sent; a caller that received
 * batches must still roll back when `problems` is not empty, because some checks (one Stichtag per file,
 * complete age bands) can only fail at the end. `summary` is `null` when no Stichtag could be read.
 *
 * @example
 * const { summary, problems } = await readExtract({ path: "einwohner-2024.csv" }, findProfile("einwohner")!,
 *   muensterDistricts, (batch, year) => insert.run(batch, year));
 * if (problems.length) rollback(); // problems[0]: { line: 7, column: "Anzahl", value: "12,5", message: "…" }
 */
export function readExtract(
  input: { path: string } | { bytes: Uint8Array },
  profile: ExtractProfile,
  districts: District[],
  onBatch?: BatchHandler,
  options: ReadOptions = {},
): Promise<{ summary: ExtractSummary | null; problems: Problem[] }> {
  const toObjects: ColumnsHandler | undefined = onBatch && ((batch, year) => onBatch(observationsOf(batch), year));
  return readExtractColumns(input, profile, districts, toObjects, options);
}

/** `readExtract` with the batches as columns (`ObservationColumns`): no object per observation. */
export async function readExtractColumns(
  input: { path: string } | { bytes: Uint8Array },
  profile: ExtractProfile,
  districts: District[],
  onBatch?: ColumnsHandler,
  options: ReadOptions = {},
): Promise<{ summary: ExtractSummary | null; problems: Problem[] }> {
  const { signal, paced } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const c = compileProfile(profile);
  const problems = new ProblemList(MAX_PROBLEMS);
  const done = (summary: ExtractSummary | null = null) => ({ summary, problems: problems.result() });
  const hash = createHash("sha256");
  const bytes: AsyncIterator<Uint8Array> = "path" in input ? fileChunks(input.path) : chunks(input.bytes);

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
  if (headerLine.length > limits.lineChars) {
    problems.add(
      1,
      null,
      headerLine,
      `Die Kopfzeile ist länger als ${number(limits.lineChars)} Zeichen; erwartet wird eine Zeile mit den Spaltenüberschriften. Ist es eine CSV-Datei mit Zeilenumbrüchen?`,
    );
    await bytes.return?.();
    return done();
  }
  const detected = detectDelimiter(headerLine);
  if ("message" in detected) {
    problems.add(1, null, headerLine, detected.message);
    await bytes.return?.();
    return done();
  }
  const { delimiter } = detected;
  const headerCells = splitLine(headerLine, delimiter);
  if (headerCells.length > limits.columns) {
    problems.add(
      1,
      null,
      null,
      `Die Kopfzeile hat ${number(headerCells.length)} Spalten; erlaubt sind höchstens ${number(limits.columns)}.`,
    );
    await bytes.return?.();
    return done();
  }
  const header = await mapHeader(headerCells, c, problems);
  if (!header) {
    await bytes.return?.();
    return done();
  }

  const checker = new LineChecker(c, header, delimiter, districts, problems, onBatch);
  let sawQuote = false;
  const scanner = new LimitScanner(delimiter, limits);
  async function* text(): AsyncGenerator<string> {
    let t = headText;
    for (;;) {
      signal?.throwIfAborted();
      if (t) {
        const within = scanner.scan(t);
        if (within < t.length) t = t.slice(0, within);
        sawQuote ||= t.includes('"');
        if (t) yield t;
        if (scanner.violation) {
          await bytes.return?.();
          return;
        }
      }
      if (ended) return;
      const held = paced?.();
      if (held) await held;
      const next = await bytes.next();
      if (next.done) ended = true;
      else hash.update(next.value);
      t = next.done ? decode() : decode(next.value);
    }
  }

  try {
    const rows = (data: string[][], errors: Papa.ParseError[]) => {
      const quoteErrors = errors.length ? new Map(errors.map((e) => [e.row, e])) : null;
      for (let i = 0; i < data.length; i++) {
        const row = data[i];
        const line = lineNo;
        // A quoted field may hold line breaks; line numbers count lines of the file, not records.
        lineNo += sawQuote ? 1 + lineBreaks(row) : 1;
        if (line === 1) continue;
        // The record cut off at a limit (and its parse error) is reported once, below.
        if (scanner.violation && line >= scanner.violation.line) break;
        const quoteError = quoteErrors?.get(i);
        if (quoteError) checker.quoteProblem(line, quoteError.code);
        else checker.row(row, line);
      }
    };
    // Until the first quote, lines and fields are split here exactly as papaparse's fast mode splits text without
    // quotes, without its stream around it; from the first text with a quote on, papaparse parses the rest (quoted
    // fields may hold delimiters and line breaks), carrying on with the unfinished line and the same line break.
    const source = text();
    let newline: string | undefined;
    let partial = "";
    for (;;) {
      const next = await source.next();
      if (next.done) {
        if (partial) rows([partial.split(delimiter)], []);
        break;
      }
      newline ??= guessLineEnding(next.value);
      if (sawQuote) {
        await parseWithPapa(resume(partial + next.value, source), delimiter, newline, rows);
        break;
      }
      const lines = (partial + next.value).split(newline);
      partial = lines.pop() ?? "";
      rows(
        lines.map((l) => l.split(delimiter)),
        [],
      );
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    problems.add(null, null, null, `Die Datei konnte nicht gelesen werden (${(error as Error).message}).`);
    return done();
  }
  signal?.throwIfAborted();
  if (scanner.violation) {
    problems.add(
      ...limitProblem(
        scanner.violation,
        limits,
        headerCells.map((cell) => cell.trim()),
      ),
    );
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
  const { stichtagIso: stichtag, year } = checker;
  if (stichtag === null || year === null) return done();
  return done({
    profile: profile.id,
    stichtag,
    year,
    lineCount: checker.dataLines,
    observationCount: checker.observationCount,
    sha256: hash.digest("hex"),
    encoding,
    delimiter,
  });
}

/** Text from `first` on: the unfinished line with the chunk that followed, then the rest of `source`. */
async function* resume(first: string, source: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  for (;;) {
    const next = await source.next();
    if (next.done) return;
    yield next.value;
  }
}

function parseWithPapa(
  text: AsyncGenerator<string>,
  delimiter: string,
  newline: string,
  rows: (data: string[][], errors: Papa.ParseError[]) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(text), {
      delimiter,
      newline: newline as Papa.ParseConfig["newline"],
      chunk: ({ data, errors }) => rows(data, errors),
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
}

/** papaparse's guess of the line break from the first text (its `guessLineEndings`): quoted text is left out. */
function guessLineEnding(text: string): string {
  const input = text.substring(0, 1024 * 1024).replace(/"[\s\S]*?"/g, "");
  const r = input.split("\r");
  const n = input.split("\n");
  if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return "\n";
  let withN = 0;
  for (const part of r) if (part[0] === "\n") withN++;
  return withN >= r.length / 2 ? "\r\n" : "\r";
}

/**
 * The file in chunks, each read into the same buffer and valid until the next is read: a read stream's fresh memory
 * per chunk cost a page fault per 4 KB, about 10,000 for a 40 MB file (0.1 s of a million-line import on a VM).
 */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
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
    parts.push(Buffer.from(next.value)); // a copy: the file's next chunk is read into the same buffer
    length += next.value.length;
  }
  return { head: parts.length === 1 ? parts[0] : Buffer.concat(parts), ended: false };
}

/** A problem at the record that passed a limit; the rest of the file was not read. */
function limitProblem(
  violation: LimitViolation,
  limits: ReadLimits,
  columnNames: string[],
): [number, string | null, null, string] {
  const column = columnNames[violation.field] || null;
  const where = `Feld ${violation.field + 1}${column ? ` (${column})` : ""}`;
  const what =
    violation.kind === "field"
      ? `${where} ist länger als ${number(limits.fieldChars)} Zeichen`
      : `Die Zeile ist länger als ${number(limits.lineChars)} Zeichen (erreicht in ${where})`;
  return [
    violation.line,
    column,
    null,
    `${what}; erwartet werden kurze Werte. Oft fehlt ein schließendes Anführungszeichen ("). Die Datei wurde ab hier nicht weiter gelesen.`,
  ];
}

function lineBreaks(row: string[]): number {
  let n = 0;
  for (const field of row) for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  return n;
}
