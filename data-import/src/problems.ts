/**
 * One thing wrong with a delivered file, in German, for the office that delivered it.
 *
 * @example
 * const p: Problem = { line: 5, column: "Anzahl", value: "12,5", message: "Dezimalzahl „12,5“; erwartet eine ganze Zahl ab 0 …" };
 */
export interface Problem {
  /** 1-based line in the file (the header is line 1), or `null` when the whole file is meant. */
  line: number | null;
  /** The column header as written in the file (or as the profile names it when it is missing). */
  column: string | null;
  /** The offending value as written (cut after 60 characters, see `cut`), or `null`. */
  value: string | null;
  /** What is wrong and what was expected. */
  message: string;
}

/** Collects problems up to a cap, so a file that is wrong on every line still gives a readable report. */
export class ProblemList {
  private readonly items: Problem[] = [];
  private dropped = 0;

  constructor(private readonly cap = 1000) {}

  add(line: number | null, column: string | null, value: string | null, message: string): void {
    if (this.items.length < this.cap) {
      this.items.push({ line, column: column && cut(column), value: value && cut(value), message });
    } else this.dropped++;
  }

  get any(): boolean {
    return this.items.length > 0;
  }

  /** Problems by line (whole-file problems first), plus a closing entry for those over the cap. */
  result(): Problem[] {
    const sorted = this.items.slice().sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.dropped > 0) {
      sorted.push({
        line: null,
        column: null,
        value: null,
        message: `… und ${this.dropped} weitere Probleme (nur die ersten ${this.cap} werden einzeln aufgeführt).`,
      });
    }
    return sorted;
  }
}

/** Characters of a delivered value that a report repeats; a file of junk must not come back many times its size. */
export const ECHO_CHARS = 60;

/** The first 60 characters of a value, and „…“ when there were more. */
export function cut(value: string): string {
  return value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value;
}

/** `„wert“` for messages, cut like every echoed value. */
export function quote(value: string): string {
  return `„${cut(value)}“`;
}
