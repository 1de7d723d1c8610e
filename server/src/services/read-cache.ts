import type { DatabaseHandle } from "../db/connection.ts";

// Reads are lookups of precomputed results that change only when recompute runs, so whole responses are
// kept per database until the next recomputation. The bound only guards against unusual query mixes.
const MAX_ENTRIES = 5000;
const caches = new WeakMap<DatabaseHandle, Map<string, Promise<unknown>>>();

function cacheOf(database: DatabaseHandle): Map<string, Promise<unknown>> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

/** The cached result for `key`, computed once; concurrent requests share the same computation. */
export function cached<T>(database: DatabaseHandle, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = cacheOf(database);
  let entry = cache.get(key) as Promise<T> | undefined;
  if (!entry) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    entry = compute();
    cache.set(key, entry);
    entry.catch(() => cache.delete(key));
  }
  return entry;
}

/** Called by recompute: answers computed before it must not be served afterwards. */
export function invalidateReadCache(database: DatabaseHandle): void {
  caches.set(database, new Map());
}
