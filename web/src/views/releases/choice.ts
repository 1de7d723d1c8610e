// Which release the dashboard reads. It lives in the URL (`?release=3`, `?release=entwurf`) so links reproduce
// what was seen, and in sessionStorage so moving between views keeps it where a link dropped the parameter.
const KEY = "integrationsmonitor.release";

export const DRAFT = "entwurf";

/**
 * What the server answers with, decided as it does (plugins/release-choice.ts): the chosen release, else the
 * draft for analysts or where the city publishes its draft, else the latest release; null before the first.
 */
export function releaseRead(
  chosen: string | null,
  list: { latest: number | null; publicReads: "latest" | "draft" } | undefined,
  analyst: boolean,
): number | typeof DRAFT | null {
  if (chosen === DRAFT || (chosen === null && (analyst || list?.publicReads === "draft"))) return DRAFT;
  return chosen !== null ? Number(chosen) : (list?.latest ?? null);
}

/** The chosen release as the API parameter, or null for the default (latest release; the draft for analysts). */
export function chosenRelease(search: string = window.location.search): string | null {
  const fromUrl = new URLSearchParams(search).get("release");
  if (fromUrl) return fromUrl;
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps a chosen release for this tab; the draft is never kept (after a logout it would lock the reader out). */
export function rememberRelease(release: string | null): void {
  try {
    if (release && release !== DRAFT) sessionStorage.setItem(KEY, release);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Private mode without storage: the URL alone carries the choice.
  }
}
