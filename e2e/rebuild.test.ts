/**
 * A rebuild of the web app under a running server (issue 11): the compiled server the global setup started keeps
 * serving the index.html it started with and every asset that page references, byte for byte, after `vite build`
 * has written a new build and pointed dist/web/current at it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { baseUrl } from './helpers/browser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_DIST = path.join(ROOT, 'dist/web');

async function fetchPage(): Promise<{ html: string; assets: Map<string, string> }> {
  const html = await (await fetch(`${baseUrl()}/`)).text();
  const assets = new Map<string, string>();
  for (const [, asset] of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
    const response = await fetch(`${baseUrl()}${asset}`);
    expect(response.status, asset).toBe(200);
    assets.set(asset!, await response.text());
  }
  return { html, assets };
}

test('the running server serves the same page and assets while the web app is rebuilt under it', {
  timeout: 600_000,
}, async () => {
  const before = await fetchPage();
  expect(before.assets.size).toBeGreaterThan(1);
  const startedOn = readFileSync(path.join(WEB_DIST, 'current'), 'utf8').trim();

  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  expect(build.status).toBe(0);
  const rebuilt = readFileSync(path.join(WEB_DIST, 'current'), 'utf8').trim();
  expect(rebuilt).not.toBe(startedOn);

  const after = await fetchPage();
  expect(after.html).toBe(before.html);
  expect(after.assets).toEqual(before.assets);
  // A client-side route answers the same page.
  expect(await (await fetch(`${baseUrl()}/applications`)).text()).toBe(before.html);
});
