// Which release the dashboard reads. It lives in the URL (`?release=3`, `?release=entwurf`) so links reproduce
// what was seen, and in sessionStorage so moving between views keeps it where a link dropped the parameter.
const KEY = "integrationsmonitor.release";

export const DRAFT = "entwurf";

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
