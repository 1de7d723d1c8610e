import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";

const missingBuild = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Integrationsmonitor</title></head>
<body><h1>Integrationsmonitor</h1>
<p>Die Oberfläche ist noch nicht gebaut. Bitte führen Sie <code>npm run build -w web</code> aus
(oder starten Sie mit <code>npm start</code>). Die Programmierschnittstelle ist unter <a href="/docs">/docs</a> beschrieben.</p>
</body></html>`;

/** The dashboard: files of `web/dist`, and index.html for every other non-API path (client-side routing). */
const plugin: FastifyPluginAsync = async (app) => {
  const dist = app.context.config.webDistPath;
  const built = existsSync(join(dist, "index.html"));
  if (built) await app.register(fastifyStatic, { root: dist });

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(404).send({ error: `Nicht gefunden: ${request.method} ${request.url.split("?")[0].slice(0, 200)}` });
  // Before the body is read: a request to no route never gets its body parsed.
  app.addHook("onRequest", async (request, reply) => {
    if (request.is404 && request.method !== "GET" && request.method !== "HEAD") return notFound(request, reply);
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith("/api") || (request.method !== "GET" && request.method !== "HEAD")) {
      return notFound(request, reply);
    }
    if (built) return reply.type("text/html; charset=utf-8").sendFile("index.html");
    return reply.code(503).type("text/html; charset=utf-8").send(missingBuild);
  });
};
export default plugin;
