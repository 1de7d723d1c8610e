import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import type { DatabaseHandle } from "./db/connection.ts";
import { errorHandler } from "./plugins/errors.ts";
import { routes } from "./routes/index.ts";

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
  }
}

/** The whole service as one Fastify instance; `server.ts` only boots it and tests call `app.inject()`. */
export async function buildApp({ config, database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: config.uploadLimitBytes }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate("config", config);
  app.decorate("database", database);

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
  await app.register(swaggerUi, { routePrefix: "/docs" });
  // One file per upload; the size limit applies to the streamed file, not to a buffered body.
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });

  for (const [prefix, plugin] of routes) await app.register(plugin, { prefix });
  return app;
}
