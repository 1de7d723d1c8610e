import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { thisCity } from "../../services/cities.ts";
import { notFound as notFoundText } from "../../services/replies.ts";

const missingBuild = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Integrationsmonitor</title></head>
<body><h1>Integrationsmonitor</h1>
<p>Die Oberfläche ist noch nicht gebaut. Bitte führen Sie <code>npm run build -w web</code> aus
(oder starten Sie mit <code>npm start</code>). Die Programmierschnittstelle ist unter <a href="/docs">/docs</a> beschrieben.</p>
</body></html>`;

/**
 * The dashboard's index.html for a city mounted at `basePath`: its assets under that path, the path in a meta
 * element, from which the dashboard takes its routes' and the API's prefix, and the city's facts as
 * `GET /api/city` gives them (a data block, not a script), so the first page needs no round trip before it renders.
 */
export function cityIndexHtml(html: string, basePath: string, language: string, city: unknown): string {
  // "<" escaped: no text in the facts can close the element.
  const facts = JSON.stringify(city).replaceAll("<", "\\u003c");
  return html
    .replaceAll(/(src|href)="\.?\/assets\//g, `$1="${basePath}/assets/`)
    .replace(/<html lang="[a-z]+"/, `<html lang="${language}"`)
    .replace(
      "</head>",
      `  <meta name="im-base" content="${basePath}" />\n    <script type="application/json" id="im-city">${facts}</script>\n  </head>`,
    );
}

/** The dashboard: files of `web/dist`, and index.html for every other non-API path (client-side routing). */
const plugin: FastifyPluginAsync = async (app) => {
  const { webDistPath: dist, city } = app.context.config;
  const built = existsSync(join(dist, "index.html"));
  const assets = join(dist, "assets") + sep;
  const html = built ? readFileSync(join(dist, "index.html"), "utf8") : "";
  // index.html only as rewritten here, so that it always carries the city's path and facts (those of now: the
  // catalogue decides which indices the city has).
  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) =>
    built
      ? reply
          .type("text/html; charset=utf-8")
          .send(cityIndexHtml(html, city.basePath, city.language, thisCity(app.context)))
      : reply.code(503).type("text/html; charset=utf-8").send(missingBuild);
  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      // The build writes each bundle compressed beside it (web/vite.config.ts).
      preCompressed: true,
      // A bundle's name carries its content's hash: browsers keep it without asking again. index.html, which
      // names the bundles of the running version, is sent by the routes below without such a header.
      setHeaders: (reply, path) => {
        if (path.startsWith(assets)) reply.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }
  app.get("/", { schema: { hide: true } }, sendIndex);
  app.get("/index.html", { schema: { hide: true } }, sendIndex);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(404).send({ error: notFoundText(request) });
  // Before the body is read: a request to no route never gets its body parsed.
  app.addHook("onRequest", async (request, reply) => {
    if (request.is404 && request.method !== "GET" && request.method !== "HEAD") return notFound(request, reply);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.slice(city.basePath.length);
    if (path.startsWith("/api") || (request.method !== "GET" && request.method !== "HEAD")) {
      return notFound(request, reply);
    }
    return sendIndex(request, reply);
  });
};
export default plugin;
