// @postgresql-only: HTTP response headers, not the database.
/**
 * Security headers on every kind of response (issue 11): API JSON, the web app's index.html, its assets and the SPA
 * fallback, 404s, validation and authorisation errors, a streamed file download, the OpenAPI document and Swagger UI.
 * HSTS only when COOKIE_SECURE=1.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newWebBuildId, publishWebBuild } from '../src/server/http/web-build';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'shangmi-web-'));
  const version = newWebBuildId();
  mkdirSync(path.join(webDist, version, 'assets'), { recursive: true });
  writeFileSync(
    path.join(webDist, version, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(webDist, version, 'assets', 'app.js'), 'console.log("app");');
  publishWebBuild(webDist, version);
  t = await buildTestApp({ webDist });
});

afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';
  expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
  expect(directive('default-src')).toBe("default-src 'self'");
  // No JavaScript eval: only WebAssembly compilation ('wasm-unsafe-eval') is allowed.
  expect(csp.replaceAll("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval/);
  expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-frame-options']).toBe('DENY');
  // Plain HTTP in this configuration: no HSTS, and no upgrading of the page's own requests.
  expect(res.headers['strict-transport-security']).toBeUndefined();
  expect(csp).not.toMatch(/upgrade-insecure-requests/);
}

describe('every response kind carries the security headers', () => {
  test.each([
    ['API JSON', '/api/v1/health', 200],
    ['the OpenAPI document', '/api/v1/openapi.json', 200],
    ['index.html', '/', 200],
    ['a web asset', '/assets/app.js', 200],
    ['the SPA fallback for a client-side route', '/applications/123', 200],
    ['an unknown API path (404)', '/api/v1/no-such-thing', 404],
    ['a missing asset (404)', '/assets/missing.js', 404],
    ['a request without a session (401)', '/api/v1/users', 401],
    ['Swagger UI', '/api/docs', 200],
    ['a Swagger UI script', '/api/docs/static/swagger-initializer.js', 200],
  ])('%s', async (_kind, url, status) => {
    const res = await t.anonymous.get(url);
    expect(res.statusCode).toBe(status);
    expectSecurityHeaders(res);
  });

  test('a validation error (400) and a refused method (404)', async () => {
    const invalid = await t.anonymous.post('/api/v1/auth/login', { username: 1 });
    expect(invalid.statusCode).toBe(400);
    expectSecurityHeaders(invalid);
    const refused = await t.anonymous.request({ method: 'DELETE', url: '/' });
    expect(refused.statusCode).toBe(404);
    expectSecurityHeaders(refused);
  });

  test('a forbidden request (403) and a streamed file download', async () => {
    const applicant = await t.login('applicant1');
    const forbidden = await applicant.get('/api/v1/users');
    expect(forbidden.statusCode).toBe(403);
    expectSecurityHeaders(forbidden);
    const officer = await t.login('putuo');
    const download = await officer.get('/api/v1/units/export.xlsx');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/spreadsheetml/);
    expectSecurityHeaders(download);
  });
});

test('HSTS and upgrade-insecure-requests only when cookies are Secure (COOKIE_SECURE=1)', async () => {
  const secure = await buildTestApp({ seed: false, env: { COOKIE_SECURE: '1' } });
  try {
    const res = await secure.anonymous.get('/api/v1/health');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains/);
    expect(res.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  } finally {
    await secure.close();
  }
});
