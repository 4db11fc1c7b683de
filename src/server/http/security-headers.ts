/**
 * Security headers on every response (API JSON, the web app's files and index.html fallback, 404s, errors, file
 * downloads, Swagger UI), as helmet computes them, set in the first onRequest hook on the raw response, so they are there whatever
 * answers later: a route, the not-found or error handler, or a streamed download. helmet is configured once, at
 * start: @fastify/helmet built the middleware again on every request (parsing every option and directive), about
 * 5 % of a busy instance's CPU for headers that never change (bench/README.md, load).
 *
 * The Content-Security-Policy allows scripts only from this origin (the Vite build emits no inline script, and
 * nothing uses eval) and the compilation of WebAssembly, which the browser-side file hashing needs. Styles may be inline: antd's CSS-in-JS inserts <style> elements and style attributes.
 * Images may be data:/blob: URLs (QR codes, chart exports, downloaded files). Nothing may frame a page.
 * Swagger UI (/api/docs) loads its scripts and styles as files from this origin, so the same policy serves it.
 * HSTS only when cookies are Secure (COOKIE_SECURE=1, i.e. served over HTTPS): sent over plain HTTP it would be
 * ignored at best, and `upgrade-insecure-requests` would break a plain-HTTP deployment's own requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    // 'wasm-unsafe-eval' lets WebAssembly compile (hash-wasm hashes evidence files in the browser, SM3 and SHA-256);
    // it allows no JavaScript eval and no inline script.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export function installSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }): void {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // Other sites learn the origin a link came from, never the page (paths name cases and units); same-origin
    // requests keep the full referrer and their Origin header.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    // The downloaded offline verifier and exports are opened by the visitor, not embedded by other sites.
    crossOriginEmbedderPolicy: false,
  });
  // The headers depend on the options only (no directive is a function of the request), so helmet runs once, here,
  // on a response that records what it does, and every request replays that: about 1 % of a busy instance's CPU
  // went to helmet walking its middlewares for the same dozen headers (bench/README.md, load).
  const operations: ({ set: string; value: number | string | readonly string[] } | { remove: string })[] = [];
  const recorder = {
    setHeader: (name: string, value: number | string | readonly string[]) => operations.push({ set: name, value }),
    removeHeader: (name: string) => operations.push({ remove: name }),
  };
  let called = false;
  // helmet throws its errors (since 8.1) and calls back with none, synchronously.
  setHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously');
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const op of operations) {
      if ('set' in op) raw.setHeader(op.set, op.value);
      else raw.removeHeader(op.remove);
    }
    done();
  });
}
