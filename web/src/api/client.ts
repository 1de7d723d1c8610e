import { BASE_PATH } from "../city.ts";
import { language, t } from "../i18n/index.ts";
import { chosenRelease } from "../views/releases/choice.ts";
import { getSession, setSession } from "./auth.ts";

/** An HTTP or network failure; `message` is the API's message (in the reader's language) where there is one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    /** The parsed error body (`{ error, details? }`, or `{ error, problems }` for a 422 import). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * Builds `/api/...?a=1` and leaves out empty parameters, so links and fetches agree. Every address carries the
 * release the reader chose (see views/releases/choice.ts), so downloads match the page.
 */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  const release = chosenRelease();
  if (release && !("release" in query)) params.set("release", release);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE_PATH}/api${path}${search ? `?${search}` : ""}`;
}

interface Options {
  query?: Query;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: FormData;
  /** A JSON request body (sent with its content type). */
  json?: unknown;
  signal?: AbortSignal;
}

/**
 * The one fetch wrapper of the dashboard: parses JSON, turns HTTP errors into `ApiError`. The browser sends the
 * session cookie by itself; writing requests add the session's CSRF token, without which the server refuses them.
 * Every request names the reader's language, so the server's messages, area and group names come in it (the
 * browser's own Accept-Language names the browser's, not the one picked on the page).
 */
export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language() };
  const method = options.method ?? "GET";
  if (options.json !== undefined) headers["Content-Type"] = "application/json";
  const session = getSession();
  if (session && method !== "GET") headers["X-CSRF-Token"] = session.csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, t("error.network"));
  }

  // A 401 while signed in: the session has ended on the server (expired, logged out elsewhere, account
  // disabled). Forget it, which shows the login again.
  if (response.status === 401 && session !== null && getSession() === session) setSession(null);
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      body && typeof body === "object" && "error" in body && typeof body.error === "string"
        ? body.error
        : t("error.http", { status: response.status });
    throw new ApiError(response.status, message, body);
  }
  if (body === null) throw new ApiError(response.status, t("error.notJson"));
  return localized(body, language()) as T;
}

const TRANSLATED = [
  "title",
  "shortTitle",
  "definition",
  "notes",
  "numeratorLabel",
  "denominatorLabel",
  "source",
  "migrationDefinition",
  "description",
] as const;

/**
 * The catalogue's own texts in the reader's language: every object that carries `translations` (indicators,
 * Handlungsfelder, goals) shows the ones of the current language in place of the German, where there are any.
 */
export function localized(body: unknown, lang: string): unknown {
  if (lang === "de" || body === null || typeof body !== "object") return body;
  if (Array.isArray(body)) return body.map((item) => localized(item, lang));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) out[key] = localized(value, lang);
  const texts = (out.translations as Record<string, Record<string, unknown> | undefined> | undefined)?.[lang];
  if (texts) for (const key of TRANSLATED) if (texts[key] !== undefined) out[key] = texts[key];
  return out;
}
