import type { Highs, Model } from "highs";
import type { LinearSystem } from "./linear-system.ts";

let loading: Promise<Highs> | null = null;
/** The HiGHS solver (WebAssembly), loaded once per process, on first use: an import alone never needs it. */
export function loadSolver(): Promise<Highs> {
  loading ??= import("highs").then((module) => module.default());
  return loading;
}

/** What an attacker can narrow a hidden count to, from everything published. */
export interface Interval {
  min: number;
  max: number;
}

// LP results are floating point; counts are integers.
const EPSILON = 1e-6;

/**
 * One block of the linear system as an attacker's linear program: cells ≥ 0, published counts fixed at their
 * value, hidden counts free (≥ 0 where they are sums). Cells that lie in exactly the same sums are one
 * variable (the attacker cannot tell them apart), which keeps the program small. The model stays in memory,
 * so each solve starts from the previous basis.
 */
export class BlockAttacker {
  private readonly model: Model;
  private readonly column = new Map<number, number>();
  private readonly countOfColumn: number[] = [];
  /** Columns of published counts: only their bounds can limit what the attacker reaches. */
  private readonly fixed = new Set<number>();
  private readonly countColumns: number;
  private disposed = false;

  constructor(
    private readonly highs: Highs,
    private readonly system: LinearSystem,
    private readonly counts: readonly number[],
    published: (count: number) => number | null,
  ) {
    const groups = groupCells(system, counts);
    const n = groups.count + counts.length;
    this.countColumns = n;
    counts.forEach((k, i) => {
      this.column.set(k, groups.count + i);
      this.countOfColumn[groups.count + i] = k;
    });
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(highs.infinity);
    for (const k of counts) {
      const j = this.columnOf(k);
      const value = published(k);
      if (value !== null) {
        lower[j] = value;
        upper[j] = value;
        this.fixed.add(j);
      } else if (!system.counts[k].nonNegative) lower[j] = -highs.infinity;
    }
    // One row per count: z_k − Σ coef · part = 0, a cell part replaced by its group.
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const k of counts) {
      const { parts, coefs } = system.counts[k];
      indices.push(this.columnOf(k));
      values.push(1);
      const seen = new Set<number>();
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (p < system.cells) {
          const g = groups.of.get(p) as number;
          if (seen.has(g)) continue;
          seen.add(g);
          indices.push(g);
        } else indices.push(this.columnOf(p - system.cells));
        values.push(-coefs[i]);
      }
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: n,
      numRows: counts.length,
      colCost: new Float64Array(n),
      colLower: lower,
      colUpper: upper,
      rowLower: new Float64Array(counts.length),
      rowUpper: new Float64Array(counts.length),
      matrix: {
        format: "csr",
        numRows: counts.length,
        numCols: n,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    this.model.options.set({ output_flag: false });
  }

  private columnOf(count: number): number {
    const j = this.column.get(count);
    if (j === undefined) throw new Error(`Zählgröße ${count} gehört nicht zu diesem Block`);
    return j;
  }

  /** The count is no longer published: the attacker knows only its definition. */
  hide(count: number): void {
    const lower = this.system.counts[count].nonNegative ? 0 : -this.highs.infinity;
    const j = this.columnOf(count);
    this.fixed.delete(j);
    this.model.changeColBounds(j, lower, this.highs.infinity);
  }

  /**
   * The smallest and largest value of a count that agree with everything published, and for each side the
   * published counts that bound it (non-zero reduced cost): hiding one of them may widen that side.
   */
  interval(count: number): Interval & { limitingMin: number[]; limitingMax: number[] } {
    const min = this.bound(count, "min");
    const max = this.bound(count, "max");
    return { min: min.value, max: max.value, limitingMin: min.limiting, limitingMax: max.limiting };
  }

  /**
   * One side of `interval`, and the values the optimal solution gives the counts `read` (null when the side is
   * unbounded): each is a value that count can take, which may settle it without a program of its own.
   */
  bound(
    count: number,
    side: "min" | "max",
    read: readonly number[] = [],
  ): { value: number; limiting: number[]; at: Float64Array | null } {
    const sign = side === "min" ? 1 : -1;
    const result = this.optimise(
      [this.columnOf(count)],
      sign,
      read.map((k) => this.columnOf(k)),
    );
    return { value: sign * result.objective, limiting: result.limiting, at: result.at };
  }

  has(count: number): boolean {
    return this.column.has(count);
  }

  /**
   * Two programs for many counts at once: the least total and, with each count capped at `caps`, the largest
   * total. Returns, per count, its value in the first solution (`low`: a value it can take; null when that
   * program is unbounded) and a value it can at least reach (`high`, from the second). A count that is ≤ 0 in
   * the first can be 0, one that reaches its cap in the second can be that large. Counts this does not settle
   * are checked one by one with `bound`.
   */
  screen(targets: readonly number[], caps: readonly number[]): { low: Float64Array | null; high: Float64Array | null } {
    const columns = targets.map((k) => this.columnOf(k));
    const low = this.optimise(columns, 1, columns);
    // s_k ≤ z_k and s_k ≤ cap_k; maximise Σ s_k. Added once per call and removed again.
    const first = this.countColumns;
    const base = this.model.getDimensions();
    const rowsBefore = base.numRows;
    this.model.addCols({
      cost: new Float64Array(columns.length).fill(-1),
      lower: new Float64Array(columns.length).fill(-this.highs.infinity),
      upper: Float64Array.from(caps),
      matrix: {
        format: "csc",
        numRows: rowsBefore,
        numCols: columns.length,
        starts: new Int32Array(columns.length + 1),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    });
    const capped = columns.map((_, i) => first + i);
    this.model.addRows({
      lower: new Float64Array(columns.length).fill(-this.highs.infinity),
      upper: new Float64Array(columns.length),
      matrix: {
        format: "csr",
        numRows: columns.length,
        numCols: first + columns.length,
        starts: Int32Array.from({ length: columns.length + 1 }, (_, i) => 2 * i),
        indices: Int32Array.from(columns.flatMap((j, i) => [capped[i], j])),
        values: Float64Array.from(columns.flatMap(() => [1, -1])),
      },
    });
    try {
      const high = this.optimise([], 1, capped);
      return { low: low.at, high: high.at };
    } finally {
      this.model.deleteRows({ kind: "range", from: rowsBefore, to: rowsBefore + columns.length - 1 });
      this.model.deleteCols({ kind: "range", from: first, to: first + columns.length - 1 });
    }
  }

  private optimise(
    columns: readonly number[],
    cost: 1 | -1,
    read: readonly number[] = [],
  ): { objective: number; limiting: number[]; at: Float64Array | null } {
    for (const j of columns) this.model.changeColCost(j, cost);
    try {
      this.model.run();
      const status = this.model.getModelStatus();
      const { unbounded, unboundedOrInfeasible, optimal } = this.highs.constants.modelStatus;
      if (status === unbounded || status === unboundedOrInfeasible)
        return {
          objective: -Number.POSITIVE_INFINITY,
          limiting: [],
          at: null,
        };
      if (status !== optimal) throw new Error(`Prüfung der Geheimhaltung: Lösungsstatus ${status}`);
      const { colDual, colValue } = this.model.getSolution();
      const limiting: number[] = [];
      for (const c of this.fixed) if (Math.abs(colDual[c]) > EPSILON) limiting.push(this.countOfColumn[c]);
      return {
        objective: this.model.getObjectiveValue(),
        limiting,
        at: Float64Array.from(read, (j) => colValue[j]),
      };
    } finally {
      for (const j of columns) this.model.changeColCost(j, 0);
    }
  }

  /** Counts of this block, for callers that iterate them. */
  get members(): readonly number[] {
    return this.counts;
  }

  dispose(): void {
    if (!this.disposed) this.model.dispose();
    this.disposed = true;
  }
}

/**
 * Cells that every count of the block either contains or not, alike, form one group: column indices 0…count−1.
 */
function groupCells(system: LinearSystem, counts: readonly number[]): { of: Map<number, number>; count: number } {
  const signature = new Map<number, number[]>();
  for (const k of counts) {
    for (const p of system.counts[k].parts) {
      if (p >= system.cells) continue;
      const list = signature.get(p);
      if (list) list.push(k);
      else signature.set(p, [k]);
    }
  }
  const groupOf = new Map<string, number>();
  const of = new Map<number, number>();
  for (const [cell, list] of signature) {
    const key = list.join(",");
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(key, g);
    }
    of.set(cell, g);
  }
  return { of, count: groupOf.size };
}

/** Integer bounds an attacker can be sure of, from the LP bounds (counts are integers). */
export function integerInterval(interval: Interval): Interval {
  // + 0 turns −0 into 0.
  return { min: Math.ceil(interval.min - EPSILON) + 0, max: Math.floor(interval.max + EPSILON) + 0 };
}
