// What an attacker knows, as linear algebra: the finest cells of the imported extracts are unknowns ≥ 0, and
// every count the product can publish is a signed sum of cells or of other counts. Published counts are fixed
// at their value; the attacker's knowledge of a hidden count is the interval linear programming reaches.

/** A count: Σ coef · part, where a part is a cell (`index < cells`) or an earlier count (`cells + k`). */
export interface CountDefinition {
  parts: Int32Array;
  coefs: Float64Array;
  /** Sums of cells are ≥ 0; a numerator of signed terms may be negative. */
  nonNegative: boolean;
}

/** Builds counts, sharing one count for equal definitions (so every table that shows it decides alike). */
export class LinearSystem {
  readonly counts: CountDefinition[] = [];
  /** Hash of a definition → counts with that hash (compared in full: hashes may collide). */
  private readonly byHash = new Map<number, number[]>();

  constructor(readonly cells: number) {}

  /** A sum of cells (each counted once); returns the count's index. */
  sumOfCells(cells: readonly number[]): number {
    // Cells mostly arrive ascending (file order): then they are already distinct and sorted.
    const parts = strictlyAscending(cells) ? Int32Array.from(cells) : Int32Array.from(new Set(cells)).sort();
    return this.add(parts, new Float64Array(parts.length).fill(1), true);
  }

  /** A signed sum of other counts; a single count with coefficient 1 is returned as itself. */
  sumOfCounts(terms: readonly { count: number; coef: number }[]): number {
    const merged = new Map<number, number>();
    // A count of no cells is 0 for everyone; leaving it out keeps unrelated blocks apart.
    for (const t of terms) {
      if (this.counts[t.count].parts.length > 0) merged.set(t.count, (merged.get(t.count) ?? 0) + t.coef);
    }
    const entries = [...merged].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
    if (entries.length === 1 && entries[0][1] === 1) return entries[0][0];
    const parts = Int32Array.from(entries.map(([k]) => this.cells + k));
    const coefs = Float64Array.from(entries.map(([, c]) => c));
    const nonNegative = entries.every(([k, c]) => c > 0 && this.counts[k].nonNegative);
    return this.add(parts, coefs, nonNegative);
  }

  private add(parts: Int32Array, coefs: Float64Array, nonNegative: boolean): number {
    const hash = hashDefinition(parts, coefs);
    const candidates = this.byHash.get(hash) ?? [];
    for (const k of candidates) {
      const known = this.counts[k];
      if (sameArray(known.parts, parts) && sameArray(known.coefs, coefs)) return k;
    }
    const id = this.counts.length;
    this.counts.push({ parts, coefs, nonNegative });
    candidates.push(id);
    this.byHash.set(hash, candidates);
    return id;
  }

  /**
   * The value of every count from the cells' values (NaN where a withheld cell takes part). Given the values
   * of an earlier call, only the counts added since are evaluated.
   */
  evaluate(cellValues: ArrayLike<number>, known?: Float64Array): Float64Array {
    const from = known?.length ?? 0;
    if (known && from === this.counts.length) return known;
    const values = new Float64Array(this.counts.length);
    if (known) values.set(known);
    for (let k = from; k < this.counts.length; k++) {
      const c = this.counts[k];
      let sum = 0;
      for (let i = 0; i < c.parts.length; i++) {
        const p = c.parts[i];
        sum += c.coefs[i] * (p < this.cells ? cellValues[p] : values[p - this.cells]);
      }
      values[k] = sum;
    }
    return values;
  }

  /**
   * Groups of counts that share no cell, directly or through other counts: each is audited on its own.
   * Returns, per count, the index of its block (blocks numbered in order of their first count).
   */
  blocks(): Int32Array {
    const parent = Int32Array.from({ length: this.cells + this.counts.length }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    };
    this.counts.forEach((c, k) => {
      const self = find(this.cells + k);
      for (const p of c.parts) parent[find(p)] = self;
    });
    const numbers = new Map<number, number>();
    return Int32Array.from(this.counts, (_, k) => {
      const root = find(this.cells + k);
      let n = numbers.get(root);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(root, n);
      }
      return n;
    });
  }
}

function hashDefinition(parts: Int32Array, coefs: Float64Array): number {
  // FNV-1a over the indices and coefficients; collisions are resolved by comparing the arrays.
  let h = 0x811c9dc5;
  for (let i = 0; i < parts.length; i++) {
    h = Math.imul(h ^ parts[i], 0x01000193);
    h = Math.imul(h ^ (coefs[i] * 7919), 0x01000193);
  }
  return (h >>> 0) + parts.length * 4294967296;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function strictlyAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] <= xs[i - 1]) return false;
  return true;
}
