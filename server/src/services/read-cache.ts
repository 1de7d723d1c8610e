// Reads are lookups of precomputed results that change only when recompute runs, so whole responses are
// kept until the next recomputation. The bound only guards against unusual query mixes.
const MAX_ENTRIES = 5000;

/** Whole read answers of one database, kept in its app context. */
export class ReadCache {
  #entries = new Map<string, Promise<unknown>>();

  /** The cached result for `key`, computed once; concurrent requests share the same computation. */
  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const entries = this.#entries;
    let entry = entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entry = compute();
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
    }
    return entry;
  }

  /** Called by recompute: answers computed before it must not be served afterwards. */
  invalidate(): void {
    this.#entries = new Map();
  }
}
