import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppContext } from "./context.ts";
import { authentication } from "./plugins/auth.ts";
import { errorHandler } from "./plugins/errors.ts";
import { releaseChoice } from "./plugins/release-choice.ts";
import { answerClientError, securityHeaders } from "./plugins/security.ts";
import { routes } from "./routes/index.ts";
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
    await authentication(app);
    await releaseChoice(app);

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
