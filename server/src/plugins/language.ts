import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { isLanguage, type Language } from "../i18n/index.ts";
import { RequestProblem } from "../services/replies.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The language of every text for people in the answer (see `languageOf`). */
    language: Language;
  }
}

/** The languages an `Accept-Language` header names, most preferred first (`nl-NL,nl;q=0.9,en;q=0.8` → nl, en). */
function acceptedLanguages(header: string | undefined): Language[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isLanguage(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.language as Language);
}

const askedLanguage = (request: FastifyRequest) => new URL(request.url, "http://localhost").searchParams.get("lang");

/**
 * The language of an answer: `?lang=` if it names one of ours, else the first of ours the `Accept-Language`
 * header names, else the city's (an instance's root, which has no city, answers in German).
 */
export function languageOf(request: FastifyRequest): Language {
  const asked = askedLanguage(request);
  if (isLanguage(asked)) return asked;
  const accepted = acceptedLanguages(request.headers["accept-language"]);
  if (accepted.length) return accepted[0];
  const { context } = request.server as { context?: AppContext };
  return context?.config.city.language ?? "de";
}

/**
 * Decides `request.language` for every request; under /api/ an unknown `?lang=` is a 400 (the dashboard's own
 * pages ignore it and keep their default), and every answer says it depends on `Accept-Language`, so no cache
 * between hands a Dutch reader a German answer.
 */
export async function languageChoice(app: FastifyInstance, apiPrefix: string): Promise<void> {
  app.decorateRequest("language", "de");
  app.addHook("onRequest", async (request, reply) => {
    request.language = languageOf(request);
    if (!request.url.startsWith(apiPrefix)) return;
    reply.header("vary", "Accept-Language");
    const asked = askedLanguage(request);
    if (asked && !isLanguage(asked)) {
      throw new RequestProblem(400, "request.language", { lang: asked.slice(0, 20) });
    }
  });
}
