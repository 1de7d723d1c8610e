import type { FastifyInstance, FastifyRequest } from "fastify";
import { DRAFT } from "../repositories/indicator-values.ts";
import { latestReleaseId, releaseExists } from "../repositories/releases.ts";
import { RequestProblem } from "../services/replies.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** Which results this request reads: the draft (0) or a release; null when nothing is published yet. */
    releaseChoice: number | null;
  }
}

const DRAFT_NAMES = new Set(["entwurf", "draft"]);

/**
 * Decides `request.releaseChoice` from `?release=` before any route runs (after authentication): a release
 * number reads that release, `entwurf` the current draft (analysts only, unless the city publishes its
 * draft: MONITOR_PUBLIC_DRAFT). Without the parameter, analysts work on the draft and the public reads the
 * latest release.
 */
export async function releaseChoice(app: FastifyInstance): Promise<void> {
  app.decorateRequest("releaseChoice", null);
  app.addHook("preValidation", async (request) => {
    if (!request.url.startsWith(`${app.context.config.city.basePath}/api/`)) return;
    const { db } = app.context.database;
    const draftAllowed = request.analyst || app.context.config.publicDraft;
    const asked = new URL(request.url, "http://localhost").searchParams.get("release");
    if (asked === null || asked === "") {
      request.releaseChoice = draftAllowed ? DRAFT : await latestReleaseId(db);
      return;
    }
    if (DRAFT_NAMES.has(asked.toLowerCase())) {
      if (!draftAllowed) {
        throw new RequestProblem(403, "release.draftHidden");
      }
      request.releaseChoice = DRAFT;
      return;
    }
    const id = /^\d{1,9}$/.test(asked) ? Number(asked) : Number.NaN;
    if (!Number.isInteger(id) || id < 1 || !(await releaseExists(db, id))) {
      throw new RequestProblem(404, "release.unknown", { release: asked.slice(0, 40) });
    }
    request.releaseChoice = id;
  });
}

/** The release a data read uses; a 404 while nothing is published (and the draft is not public). */
export function chosenRelease(request: FastifyRequest): number {
  if (request.releaseChoice === null) {
    throw new RequestProblem(404, "release.nothingPublished", {}, { unpublished: true });
  }
  return request.releaseChoice;
}
