import type { Socket } from "node:net";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of every answer. The built dashboard loads only its own scripts (no inline
 * script, no eval) and stylesheets; React and Recharts set styles through the CSSOM, which CSP does not
 * restrict, so style attributes stay forbidden. The one exception: the map renders its styles in a `<style>`
 * element (web/src/map/styles.ts), hence `'unsafe-inline'` for style elements only; moving them into the
 * stylesheet would let it go. The chart export draws an SVG from a `blob:` URL onto a canvas.
 */
export const contentSecurityPolicy = {
  "default-src": ["'self'"],
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'"],
  "style-src-elem": ["'self'", "'unsafe-inline'"],
  "style-src-attr": ["'none'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
};

/** Security headers on every answer, the dashboard's and the API's alike. */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Not `upgrade-insecure-requests`: the service runs on plain HTTP in an intranet or behind a proxy.
      directives: contentSecurityPolicy,
    },
    referrerPolicy: { policy: "no-referrer" },
    // Same-origin only: nobody embeds the dashboard (frame-ancestors above says the same to newer browsers).
    frameguard: { action: "deny" },
  });
}

const clientErrorAnswers: Record<string, { status: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: "431 Request Header Fields Too Large",
    message: "Die Kopfzeilen der Anfrage (Header) sind zu groß.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: "408 Request Timeout",
    message: "Die Anfrage kam nicht rechtzeitig vollständig an.",
  },
};

/**
 * Answers requests that never reach Fastify's routing (malformed, oversized headers) in German, with the
 * same nosniff header as every other answer. Replaces Fastify's default, whose messages are English.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const { status, message } = clientErrorAnswers[error.code ?? ""] ?? {
    status: "400 Bad Request",
    message: "Die Anfrage ist kein gültiges HTTP.",
  };
  const body = JSON.stringify({ error: message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
