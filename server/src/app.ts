import compress from "@fastify/compress";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppContext } from "./context.ts";
import { authentication } from "./plugins/auth.ts";
import { errorHandler } from "./plugins/errors.ts";
import { languageChoice } from "./plugins/language.ts";
import { releaseChoice } from "./plugins/release-choice.ts";
import { answerClientError, securityHeaders } from "./plugins/security.ts";
import cities from "./routes/cities/index.ts";
import { routes } from "./routes/index.ts";
import { notFound } from "./services/replies.ts";
import { checkCatalogue } from "./services/startup.ts";

/**
 * Request bodies outside the upload: no route but the upload takes one, so anything larger is junk that would
 * only cost memory and parse time. The upload streams its form past this limit (see routes/imports).
 */
export const BODY_LIMIT_BYTES = 16 * 1024;

export interface AppOptions {
  context: AppContext;
  /**
   * Without any results yet (a first start): `wait` computes them before the app is ready (tests, the CLI);
   * `background` lets the server answer at once while they are computed (`GET /api/status` says so).
   */
  firstResults?: "wait" | "background";
}

declare module "fastify" {
  interface FastifyInstance {
    context: AppContext;
  }
}

/**
 * The whole service as one Fastify plugin on the given context. Not encapsulated (fastify-plugin), so the
 * error handler, the compilers and `app.context` apply to the instance it is registered on.
 */
export const integrationsmonitor = fp<AppOptions>(
  async (app, { context, firstResults = "wait" }) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(errorHandler);
    app.decorate("context", context);
    await checkCatalogue(context, (message) => app.log.info(message), { waitForFirst: firstResults === "wait" });
    await securityHeaders(app);
    await languageChoice(app, `${context.config.city.basePath}/api/`);
    await authentication(app);
    await releaseChoice(app);
    // Every answer of 1 KB or more, dashboard files included, compressed for clients that accept it; cached
    // answers bring their own compressed body (services/replies.ts) and pass through. Request bodies are read
    // as sent, as before: no route needs compressed ones (and the plugin would answer other codings in English).
    await app.register(compress, { encodings: ["br", "gzip"], globalDecompression: false });

    await app.register(swagger, {
      openapi: {
        info: {
          title: "Integrationsmonitor API",
          description: "Indikatoren des kommunalen Integrationsmonitorings und Sozialmonitorings",
          version: "1.0.0",
        },
        components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, {
      routePrefix: "/docs",
      // No validator badge: it would load an image from outside, which the Content-Security-Policy forbids.
      uiConfig: { validatorUrl: null },
      // Swagger UI injects a <style> element; only its own pages (no data of ours) allow inline styles.
      transformStaticCSP: (header) => `${header.replace(/;?\s*style-src[^;]*/g, "")};style-src 'self' 'unsafe-inline'`,
    });
    // One file per upload; the size limit applies to the streamed file, not to a buffered body. The text
    // fields (profile, replace) are short words.
    const limits = {
      fileSize: context.config.uploadLimitBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      fieldNameSize: 100,
      headerPairs: 20,
    };
    await app.register(multipart, { limits });

    for (const [prefix, plugin] of routes) await app.register(plugin, { prefix });
  },
  { name: "integrationsmonitor" },
);

/** A Fastify instance with the app registered and loaded: `server.ts` listens on it, tests call `app.inject()`. */
export async function buildApp({
  context,
  firstResults,
  logger = false,
}: AppOptions & { logger?: boolean }): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, clientErrorHandler: answerClientError });
  await app.register(integrationsmonitor, { context, firstResults });
  return app;
}

const chooserPage = (contexts: AppContext[]) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integrationsmonitor</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
a{color:#003a70;font-weight:600}li{margin:.5rem 0}</style></head>
<body><main><h1>Integrationsmonitor</h1>
<p>Diese Instanz zeigt mehrere Städte. · Deze installatie toont meerdere gemeenten. · This instance serves several cities.</p>
<ul>${contexts.map((c) => `<li><a href="${c.config.city.basePath}/" lang="${c.config.city.language}">${c.config.city.name}</a></li>`).join("")}</ul>
</main></body></html>`;

/**
 * Several cities in one server: each city's whole app under `/<slug>/` (its own database, accounts and
 * settings, in its own Fastify scope), and at the root a list of the cities and what they have in common.
 */
export async function buildInstance({
  contexts,
  firstResults,
  logger = false,
}: {
  contexts: AppContext[];
  firstResults?: AppOptions["firstResults"];
  logger?: boolean;
}): Promise<FastifyInstance> {
  if (contexts.length === 1 && contexts[0].config.city.basePath === "") {
    return buildApp({ context: contexts[0], firstResults, logger });
  }
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, clientErrorHandler: answerClientError });
  for (const context of contexts) {
    await app.register(
      async (city) => {
        await city.register(integrationsmonitor, { context, firstResults });
      },
      { prefix: context.config.city.basePath },
    );
  }
  await app.register(async (root) => {
    root.setValidatorCompiler(validatorCompiler);
    root.setSerializerCompiler(serializerCompiler);
    root.setErrorHandler(errorHandler);
    await securityHeaders(root);
    await languageChoice(root, "/api/");
    await root.register(cities, { prefix: "/api/cities", contexts });
    root.get("/", async (_request, reply) => reply.type("text/html; charset=utf-8").send(chooserPage(contexts)));
    root.setNotFoundHandler(async (request, reply) => reply.code(404).send({ error: notFound(request) }));
  });
  return app;
}
