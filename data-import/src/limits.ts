/**
 * How long a line and a field of an extract may be and how many columns it may have. Real extracts have
 * lines of a few hundred characters; the limits only stop files that are not extracts (or have an unclosed
 * quote) before the CSV parser spends time and memory on them.
 *
 * @example
 * const limits: ReadLimits = { lineChars: 10_000, fieldChars: 1_000, columns: 200 };
 */
export interface ReadLimits {
  /** Characters of one record as written, quotes included (a quoted field may span lines; they count together). */
  lineChars: number;
  fieldChars: number;
  columns: number;
}

export const DEFAULT_LIMITS: ReadLimits = { lineChars: 10_000, fieldChars: 1_000, columns: 200 };

export interface LimitViolation {
  kind: "line" | "field";
  /** Line in the file where the record starts. */
  line: number;
  /** 0-based field of the record. */
  field: number;
}

const QUOTE = 34;
const NEWLINE = 10;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of `""` or the end of the field. */
  QuoteInQuoted,
}

/**
 * Follows the CSV text in one linear pass, before the parser sees it, and finds the first record or field
 * over the limits. Papa re-reads an unfinished quoted field with every chunk, so a field of 4 MB of `"`
 * took 40 s; cut off at the limit, no field the parser gets is longer than `lineChars`.
 */
export class LimitScanner {
  violation: LimitViolation | null = null;
  private line = 1;
  private recordLine = 1;
  private field = 0;
  private fieldChars = 0;
  private recordChars = 0;
  private state = State.FieldStart;
  private readonly delimiter: number;

  constructor(
    private readonly delimiterText: string,
    private readonly limits: ReadLimits,
  ) {
    this.delimiter = delimiterText.charCodeAt(0);
  }

  /** The length of the part of `text` that is within the limits: `text.length` unless a limit is passed in it. */
  scan(text: string): number {
    if (this.violation) return 0;
    const inQuotes = this.state === State.Quoted || this.state === State.QuoteInQuoted;
    return !inQuotes && !text.includes('"') ? this.scanUnquoted(text) : this.scanChars(text);
  }

  /**
   * Text without quotes: lines by `indexOf`. A whole line within the limits needs nothing more (its field
   * count ends with it); fields are counted only in the unfinished last line, which the next piece continues,
   * and looked at one by one only in a line long enough to hold a long one.
   */
  private scanUnquoted(text: string): number {
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      const stop = end === -1 ? text.length : end;
      const length = stop - start;
      // Where the line passes its limit, if it does in this piece; a field passing its limit before wins.
      const within = Math.min(stop, start + this.limits.lineChars - this.recordChars);
      if (this.fieldChars + (within - start) > this.limits.fieldChars) {
        const over = this.fieldByField(text, start, within);
        if (over !== -1) return over;
      } else if ((within < stop || end === -1) && within > start) {
        const lastDelimiter = text.lastIndexOf(this.delimiterText, within - 1);
        if (lastDelimiter >= start) {
          this.field += countOf(text, this.delimiter, start, within);
          this.fieldChars = within - lastDelimiter - 1;
        } else this.fieldChars += within - start;
      }
      if (within < stop) return this.stop("line", within);
      if (end === -1) {
        this.recordChars += length;
        if (length > 0) this.state = this.fieldChars === 0 ? State.FieldStart : State.Unquoted;
        return text.length;
      }
      this.line++;
      this.newRecord();
      start = end + 1;
    }
  }

  /** `text[start, stop)` outside quotes, one character at a time; the index of the first one over the field limit, or -1. */
  private fieldByField(text: string, start: number, stop: number): number {
    for (let i = start; i < stop; i++) {
      if (text.charCodeAt(i) === this.delimiter) {
        this.field++;
        this.fieldChars = 0;
      } else if (++this.fieldChars > this.limits.fieldChars) return this.stop("field", i);
    }
    return -1;
  }

  /** Character by character, following quotes as Papa does (`""` inside quotes is one quote). */
  private scanChars(text: string): number {
    const { delimiter, limits } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let state = this.state;
      if (state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.state = State.Quoted;
          this.fieldChars++;
          this.recordChars++;
          continue;
        }
        state = State.Unquoted; // the field's closing quote; what follows is read as outside quotes
      }
      if (state === State.Quoted) {
        if (c === QUOTE) this.state = State.QuoteInQuoted;
        else if (c === NEWLINE) this.line++;
      } else if (c === delimiter) {
        if (++this.recordChars > limits.lineChars) return this.stop("line", i);
        this.field++;
        this.fieldChars = 0;
        this.state = State.FieldStart;
        continue;
      } else if (c === NEWLINE) {
        this.line++;
        this.newRecord();
        continue;
      } else {
        this.state = state === State.FieldStart && c === QUOTE ? State.Quoted : State.Unquoted;
      }
      if (++this.recordChars > limits.lineChars) return this.stop("line", i);
      if (++this.fieldChars > limits.fieldChars) return this.stop("field", i);
    }
    return text.length;
  }

  private newRecord(): void {
    this.recordLine = this.line;
    this.field = 0;
    this.fieldChars = 0;
    this.recordChars = 0;
    this.state = State.FieldStart;
  }

  private stop(kind: LimitViolation["kind"], at: number): number {
    this.violation = { kind, line: this.recordLine, field: this.field };
    return at;
  }
}

function countOf(text: string, code: number, start: number, stop: number): number {
  let n = 0;
  for (let i = start; i < stop; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}
