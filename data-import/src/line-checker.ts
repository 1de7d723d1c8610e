import { checkAgeCoverage } from "./age-coverage.ts";
import { INVALID, parseCount, parseStichtag, WITHHELD } from "./cells.ts";
import { type CompiledProfile, matches, restCodes } from "./compile.ts";
import { type AgeBand, parseAgeBand } from "./dims.ts";
import type { District } from "./districts.ts";
import type { HeaderMap } from "./header-map.ts";
import { normalizeCode } from "./normalize.ts";
import { type ProblemList, quote } from "./problems.ts";
import { delimiterNames } from "./text.ts";

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
 * Receives observations while the file is read. `year` is the year of the file's Stichtag: batches are sent
 * only while every line so far is valid, so it is known from the first batch on and the same in all of them.
 */
export type BatchHandler = (batch: Observation[], year: number) => void;

/**
 * A batch of observations as one typed array per column: no object per observation, and a batch crosses to
 * another thread as a few buffers (read-in-worker.ts). `dims` and `measures` are every distinct string of the file
 * so far, in the order they appeared; the indices point into them. The arrays may be longer than `length`.
 */
export interface ObservationColumns {
  length: number;
  line: Int32Array;
  /** Stadtteil number, -1 for profiles delivered for the whole city. */
  district: Int32Array;
  dimsIndex: Int32Array;
  measureIndex: Int32Array;
  /** NaN when the office withheld the value. */
  value: Float64Array;
  dims: readonly string[];
  measures: readonly string[];
}

export type ColumnsHandler = (batch: ObservationColumns, year: number) => void;

/** The observations of a column batch as objects, for `BatchHandler`s. */
export function observationsOf(batch: ObservationColumns): Observation[] {
  const observations: Observation[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const district = batch.district[i];
    const value = batch.value[i];
    observations[i] = {
      line: batch.line[i],
      district: district < 0 ? null : district,
      dims: batch.dims[batch.dimsIndex[i]],
      measure: batch.measures[batch.measureIndex[i]],
      value: Number.isNaN(value) ? null : value,
    };
  }
  return observations;
}

const BATCH_SIZE = 10_000;
/** Look-up caches keep at most this many distinct raw spellings, so a garbage file cannot grow them. */
const CACHE_LIMIT = 10_000;

/** `lookupDistrict` results besides an index ≥ 0. */
const NOT_A_NUMBER = -1;
const UNKNOWN_DISTRICT = -2;

/** Per code combination: its codes, the rules it triggers and its `dims` ids by age band. */
interface Combination {
  codes: number[];
  forbidden: { column: number; message: string } | null;
  zero: { count: number; message: string }[];
  dims: number[];
}

/** Checks data lines one by one and keeps what the end-of-file checks need. */
export class LineChecker {
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
  private readonly dimsList: string[] = [];
  private readonly measures: string[];
  private batch: ObservationColumns;

  constructor(
    private readonly c: CompiledProfile,
    private readonly header: HeaderMap,
    private readonly delimiter: string,
    private readonly districts: District[],
    private readonly problems: ProblemList,
    private readonly onBatch: ColumnsHandler | undefined,
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
    this.measures = c.countColumns.map((column) => column.measure);
    this.batch = this.emptyBatch();
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
      const number = this.iStadtteil === -1 ? -1 : this.districts[district].number;
      const batch = this.batch;
      let n = batch.length;
      for (let k = 0; k < values.length; k++) {
        const value = values[k];
        batch.line[n] = line;
        batch.district[n] = number;
        batch.dimsIndex[n] = dims;
        batch.measureIndex[n] = k;
        batch.value[n] = value === WITHHELD ? Number.NaN : value;
        n++;
      }
      batch.length = n;
      if (n >= BATCH_SIZE) this.sendBatch();
    }
  }

  /** The year of the Stichtag of the first data line, once it was read as a valid date. */
  get year(): number | null {
    return this.stichtagIso === null ? null : Number(this.stichtagIso.slice(0, 4));
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
    if (this.iAge !== -1 && this.unplacedLines === 0) {
      checkAgeCoverage(
        {
          groups: this.groups,
          skip: this.groupsWithBadAge,
          bands: this.bands,
          describe: (group) => this.describe(Math.floor(group / this.nDistricts), group % this.nDistricts, null),
          ageHeader: this.written.age,
        },
        this.problems,
      );
    }
    if (this.onBatch && !this.problems.any && this.batch.length) this.sendBatch();
    this.batch = this.emptyBatch();
  }

  private sendBatch(): void {
    const { year } = this;
    // A batch holds only lines that passed every check, the first one's Stichtag included.
    if (year === null) throw new Error("Stichtag vor dem ersten Stapel nicht gelesen");
    this.onBatch?.(this.batch, year);
    this.batch = this.emptyBatch();
  }

  /** Room for a batch and one more line's values, since a line's observations go into one batch. */
  private emptyBatch(): ObservationColumns {
    const size = this.onBatch ? BATCH_SIZE + this.values.length : 0;
    return {
      length: 0,
      line: new Int32Array(size),
      district: new Int32Array(size),
      dimsIndex: new Int32Array(size),
      measureIndex: new Int32Array(size),
      value: new Float64Array(size),
      dims: this.dimsList,
      measures: this.measures,
    };
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

  /** The id of a combination's `dims` string for an age band (its place in `dimsList`). */
  private dims(combination: Combination, band: number): number {
    const parts = this.c.codeColumns.map((col, j) => col.pairs[combination.codes[j]]);
    if (this.iAge !== -1) parts.splice(this.c.agePosition, 0, `alter=${this.bands[band].code}`);
    combination.dims[band] = this.dimsList.push(parts.join("|")) - 1;
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
}
