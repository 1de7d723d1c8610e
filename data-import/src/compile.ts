// A profile declaration compiled once into lookup tables, so that checking a line is a handful of Map
// and array look-ups instead of a schema parse.
import { normalizeCode, normalizeHeader } from "./normalize.ts";
import type { DimensionFilter, ExtractProfile } from "./profiles/index.ts";

export interface CodeColumn {
  header: string;
  dimension: string;
  /** Canonical codes in declaration order; a line stores the index. */
  codes: string[];
  /** Normalized spelling → index in `codes`. */
  lookup: Map<string, number>;
  /** `dimension=code` for each code, ready to be joined into `dims`. */
  pairs: string[];
  /** The code columns of a line form one number, `restId` = Σ index × stride. */
  stride: number;
}

export interface CountColumn {
  header: string;
  measure: string;
}

/** Per code column: which code indices pass (columns the filter does not name are absent). */
type CompiledFilter = { column: number; allowed: boolean[] }[];

export interface CompiledProfile {
  profile: ExtractProfile;
  /** Normalized header → index in `profile.columns`. */
  headers: Map<string, number>;
  /** Normalized headers of columns that may be present and are skipped. */
  ignorable: Set<string>;
  codeColumns: CodeColumn[];
  countColumns: CountColumn[];
  /** Header of the age column, or `null`. */
  ageHeader: string | null;
  /** Position of the age band among the dimensions (for `dims`), or -1. */
  agePosition: number;
  /** Number of distinct code combinations (product of the code list sizes). */
  restCount: number;
  forbid: { when: CompiledFilter; forbid: CompiledFilter; column: number; message: string }[];
  zero: { when: CompiledFilter; count: number; message: string }[];
  partOf: { part: number; whole: number }[];
}

const compiled = new WeakMap<ExtractProfile, CompiledProfile>();

/** Compiles (and caches) a profile; throws when the declaration contradicts itself. */
export function compileProfile(profile: ExtractProfile): CompiledProfile {
  let c = compiled.get(profile);
  if (!c) {
    c = compile(profile);
    compiled.set(profile, c);
  }
  return c;
}

function compile(profile: ExtractProfile): CompiledProfile {
  const fail = (why: string): never => {
    throw new Error(`Profil ${profile.id}: ${why}`);
  };
  const headers = new Map<string, number>();
  const codeColumns: CodeColumn[] = [];
  const countColumns: CountColumn[] = [];
  const dimensions = new Set<string>();
  let ageHeader: string | null = null;
  let agePosition = -1;
  let restCount = 1;

  profile.columns.forEach((col, i) => {
    const key = normalizeHeader(col.header);
    if (headers.has(key)) fail(`Spalte ${col.header} ist doppelt deklariert`);
    headers.set(key, i);
    if (col.kind === "code" || col.kind === "age") {
      if (dimensions.has(col.dimension)) fail(`Dimension ${col.dimension} ist doppelt deklariert`);
      if (/[|=]/.test(col.dimension)) fail(`Dimension ${col.dimension} enthält „|“ oder „=“`);
      dimensions.add(col.dimension);
    }
    if (col.kind === "code") {
      const codes = Object.keys(col.codes);
      const lookup = new Map<string, number>();
      codes.forEach((code, index) => {
        if (/[|=]/.test(code)) fail(`Code ${code} enthält „|“ oder „=“`);
        for (const spelling of [code, ...col.codes[code]]) {
          const n = normalizeCode(spelling);
          const other = lookup.get(n);
          if (other !== undefined && other !== index) {
            fail(`Schreibweise „${spelling}“ in ${col.header} passt zu ${codes[other]} und ${code}`);
          }
          lookup.set(n, index);
        }
      });
      const pairs = codes.map((code) => `${col.dimension}=${code}`);
      codeColumns.push({ header: col.header, dimension: col.dimension, codes, lookup, pairs, stride: restCount });
      restCount *= codes.length;
    } else if (col.kind === "age") {
      if (ageHeader !== null) fail("mehr als eine Altersspalte");
      ageHeader = col.header;
      agePosition = codeColumns.length;
    } else if (col.kind === "count") {
      if (countColumns.some((m) => m.measure === col.measure)) fail(`Messgröße ${col.measure} ist doppelt deklariert`);
      countColumns.push({ header: col.header, measure: col.measure });
    }
  });
  const kinds = profile.columns.map((c) => c.kind);
  if (kinds.filter((k) => k === "stichtag").length !== 1) fail("genau eine Stichtag-Spalte erwartet");
  if ((profile.area === "stadtteil") !== kinds.includes("stadtteil")) fail("Stadtteil-Spalte passt nicht zu area");
  if (countColumns.length === 0) fail("keine Anzahl-Spalte");
  if (restCount > 2 ** 31) fail("zu viele Code-Kombinationen");

  const filter = (f: DimensionFilter): CompiledFilter =>
    Object.entries(f).map(([dimension, allowedCodes]) => {
      const column = codeColumns.findIndex((c) => c.dimension === dimension);
      if (column === -1) fail(`Regel nennt unbekannte Code-Dimension ${dimension}`);
      const allowed = codeColumns[column].codes.map(() => false);
      for (const code of allowedCodes) {
        const index = codeColumns[column].codes.indexOf(code);
        if (index === -1) fail(`Regel nennt unbekannten Code ${dimension}=${code}`);
        allowed[index] = true;
      }
      return { column, allowed };
    });
  const count = (measure: string): number => {
    const index = countColumns.findIndex((m) => m.measure === measure);
    if (index === -1) fail(`Regel nennt unbekannte Messgröße ${measure}`);
    return index;
  };
  const groupingFilters = Object.values(profile.groupings).flatMap((groups) => Object.values(groups));
  for (const f of groupingFilters) filter(f);

  const ignorable = new Set((profile.ignorable ?? []).map(normalizeHeader));
  for (const h of ignorable) if (headers.has(h)) fail(`ignorierbare Spalte ${h} ist auch eine Pflichtspalte`);

  const result: CompiledProfile = {
    profile,
    headers,
    ignorable,
    codeColumns,
    countColumns,
    ageHeader,
    agePosition,
    restCount,
    forbid: [],
    zero: [],
    partOf: [],
  };
  for (const rule of profile.rules) {
    if (rule.kind === "forbid") {
      const forbid = filter(rule.forbid);
      result.forbid.push({ when: filter(rule.when), forbid, column: forbid[0]?.column ?? 0, message: rule.message });
    } else if (rule.kind === "zero") {
      result.zero.push({ when: filter(rule.when), count: count(rule.measure), message: rule.message });
    } else {
      result.partOf.push({ part: count(rule.part), whole: count(rule.whole) });
    }
  }
  return result;
}

/** The code indices of a combination number. */
export function restCodes(c: CompiledProfile, restId: number): number[] {
  return c.codeColumns.map((col) => Math.floor(restId / col.stride) % col.codes.length);
}

export function matches(filter: CompiledFilter, codes: readonly number[]): boolean {
  return filter.every((f) => f.allowed[codes[f.column]]);
}
