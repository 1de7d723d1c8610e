// Reads are lookups of precomputed results that change only when a recomputation stores new ones, in this
// process or in another (a CLI beside the server, another app server). So whole answers are kept per results
// generation. The bound only guards against unusual query mixes.
const MAX_ENTRIES = 5000;
/**
 * How long one read of the results stamp answers for every request: another process's new results are seen
 * within this time, and a busy server asks the database a few times a second instead of once per request
 * (a round trip on PostgreSQL). This process's own new results are seen at once (`invalidate`).
 */
export const STAMP_TRUST_MS = 250;

/** Whole read answers of one database, kept in its app context. */
export class ReadCache {
  #entries = new Map<string, Promise<unknown>>();
  #generation: unknown;
  #stamp: { value: Promise<unknown>; readAt: number } | null = null;
  readonly #currentGeneration: () => Promise<unknown>;

  /** `currentGeneration` reads the generation of the stored results (one indexed lookup). */
  constructor(currentGeneration: () => Promise<unknown>) {
    this.#currentGeneration = currentGeneration;
  }

  /**
   * The cached result for `key`, computed once per results generation; concurrent requests share the same
   * computation. An answer whose reads straddled the storing of new results is computed again, so no answer
   * mixes old and new results.
   */
  async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = await this.#recentGeneration();
    if (generation !== this.#generation) this.#reset(generation);
    const entries = this.#entries;
    let entry = entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entry = this.#consistent(generation, compute);
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
    }
    return entry;
  }

  /** Forgets every answer (this process stored new results). */
  invalidate(): void {
    this.#reset(undefined);
  }

  #reset(generation: unknown) {
    this.#entries = new Map();
    this.#generation = generation;
    if (generation === undefined) this.#stamp = null;
  }

  /** The results generation as read at most `STAMP_TRUST_MS` ago; concurrent requests share one read. */
  #recentGeneration(): Promise<unknown> {
    const now = performance.now();
    if (!this.#stamp || now - this.#stamp.readAt > STAMP_TRUST_MS) {
      const value = this.#currentGeneration();
      const stamp = { value, readAt: now };
      this.#stamp = stamp;
      value.catch(() => {
        if (this.#stamp === stamp) this.#stamp = null;
      });
    }
    return this.#stamp.value;
  }

  async #consistent<T>(generation: unknown, compute: () => Promise<T>): Promise<T> {
    for (;;) {
      const value = await compute();
      const after = await this.#currentGeneration();
      if (after === generation) return value;
      generation = after;
    }
  }
}
