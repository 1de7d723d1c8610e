import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/** A view's URL state: every key with its default. Defaults are left out of the URL to keep links short. */
export type UrlDefaults = Record<string, string>;
export type UrlPatch<S> = { [K in keyof S]?: string | null };

/** Reads the view's state from the query string; unknown keys are ignored, missing ones take the default. */
export function readParams<S extends UrlDefaults>(search: URLSearchParams, defaults: S): S {
  const state: UrlDefaults = {};
  for (const key of Object.keys(defaults)) state[key] = search.get(key) ?? defaults[key];
  return state as S;
}

/**
 * Applies a patch to the query string. Keys this view does not own (e.g. `area` set by another view) are kept,
 * so moving between views keeps the shared context.
 */
export function writeParams<S extends UrlDefaults>(
  search: URLSearchParams,
  patch: UrlPatch<S>,
  defaults: S,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || value === "" || value === defaults[key]) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * The view's state in the URL: a link reproduces the view, back and forward step through changes.
 * @example const [state, setState] = useUrlState({ area: "stadt", breakdown: "" });
 */
export function useUrlState<S extends UrlDefaults>(defaults: S): [S, (patch: UrlPatch<S>) => void] {
  const [search, setSearch] = useSearchParams();
  // Callers pass an object literal; its content, not its identity, matters.
  const key = JSON.stringify(defaults);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `defaults`
  const state = useMemo(() => readParams(search, defaults), [search, key]);
  const update = useCallback(
    (patch: UrlPatch<S>) => setSearch((current) => writeParams(current, patch, JSON.parse(key) as S)),
    [setSearch, key],
  );
  return [state, update];
}
