/**
 * Versioned web builds (issue 11): a server keeps serving the index.html and assets of the build it started with
 * while the web app is rebuilt under it, serves other builds' assets it lacks, and old builds are pruned only when
 * old and not among the newest.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { installWebApp } from './web-assets';
import {
  currentWebBuild,
  KEEP_BUILDS,
  KEEP_BUILDS_MS,
  newWebBuildId,
  pruneWebBuilds,
  publishWebBuild,
  webBuildVersions,
} from './web-build';

let dist: string;
const apps: FastifyInstance[] = [];

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'shangmi-web-'));
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  rmSync(dist, { recursive: true, force: true });
});

/** Writes a build as Vite would (index.html referencing a hashed asset) and publishes it. */
function build(label: string, at = new Date()): { version: string; asset: string } {
  const version = newWebBuildId(at);
  const asset = `/assets/index-${label}.js`;
  mkdirSync(path.join(dist, version, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, version, asset), `console.log(${JSON.stringify(label)});`);
  writeFileSync(path.join(dist, version, 'index.html'), `<script type="module" src="${asset}"></script>${label}`);
  publishWebBuild(dist, version);
  return { version, asset };
}

async function serve(): Promise<FastifyInstance> {
  const app = Fastify();
  await installWebApp(app, { dist });
  await app.ready();
  apps.push(app);
  return app;
}

const get = async (app: FastifyInstance, url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, cache: res.headers['cache-control'] };
};

test('a running server keeps serving its own build while the web app is rebuilt under it', async () => {
  const first = build('first');
  const running = await serve();
  expect(await get(running, '/')).toMatchObject({ status: 200, body: expect.stringContaining('first') });

  const second = build('second');
  expect(currentWebBuild(dist)?.version).toBe(second.version);
  // index.html, its client-side routes and the asset it references: still the first build's.
  expect(await get(running, '/')).toMatchObject({
    status: 200,
    body: expect.stringContaining('first'),
    cache: 'no-cache',
  });
  expect(await get(running, '/units/42')).toMatchObject({ status: 200, body: expect.stringContaining('first') });
  expect(await get(running, first.asset)).toMatchObject({
    status: 200,
    body: 'console.log("first");',
    cache: expect.stringContaining('immutable'),
  });
  // A server started after the rebuild serves the new build, and the old build's assets to pages still holding it.
  const restarted = await serve();
  expect(await get(restarted, '/')).toMatchObject({ status: 200, body: expect.stringContaining('second') });
  expect(await get(restarted, first.asset)).toMatchObject({ status: 200, body: 'console.log("first");' });
  // The first server also serves the second build's assets (a page from the restarted instance, one load balancer).
  expect(await get(running, second.asset)).toMatchObject({ status: 200, body: 'console.log("second");' });
  expect((await get(running, '/assets/none.js')).status).toBe(404);
  // Nothing outside the build folder: a path climbing out gets the app's page, not the pointer file.
  expect((await get(running, '/../current')).body).toContain('first');
  expect((await get(running, '/assets/%2e%2e/%2e%2e/current')).body).not.toContain(second.version);
});

test('a server whose build folder was removed falls back to the current build for pages', async () => {
  const first = build('first');
  const running = await serve();
  build('second');
  rmSync(path.join(dist, first.version), { recursive: true });
  expect(await get(running, '/applications')).toMatchObject({ status: 200, body: expect.stringContaining('second') });
});

test("the public pages get the public bundle's page, every other path the admin shell", async () => {
  const { version } = build('shell');
  writeFileSync(path.join(dist, version, 'public.html'), 'public bundle');
  const app = await serve();
  for (const url of [
    '/registry',
    '/registry/%E6%B2%AAGS-2026-001',
    '/verify?no=1',
    '/publicity/42',
    '/public/guides',
  ]) {
    expect(await get(app, url)).toMatchObject({ status: 200, body: 'public bundle', cache: 'no-cache' });
  }
  for (const url of ['/', '/login', '/rights', '/rights/clues/1', '/registry/1/edit', '/units/42']) {
    expect(await get(app, url)).toMatchObject({ status: 200, body: expect.stringContaining('shell') });
  }
});

test('a build without the public page serves its index.html for the public pages', async () => {
  build('shell');
  expect(await get(await serve(), '/registry')).toMatchObject({ status: 200, body: expect.stringContaining('shell') });
});

test('no build: every path answers a JSON 404', async () => {
  const app = await serve();
  const res = await app.inject({ method: 'GET', url: '/' });
  expect(res.statusCode).toBe(404);
  expect(res.json()).toEqual({ code: 'not_found', message: '请求的资源不存在' });
});

test('pruning keeps the newest builds, recent builds and the current one', () => {
  const now = Date.now();
  const old = new Date(now - KEEP_BUILDS_MS - 60_000);
  const builds = Array.from({ length: KEEP_BUILDS + 3 }, (_, i) => build(`b${i}`, new Date(old.getTime() + i * 1000)));
  for (const { version } of builds) utimesSync(path.join(dist, version), old, old);
  // The current pointer names an old build (say, rolled back to it): kept.
  publishWebBuild(dist, builds[0]!.version);
  const removed = pruneWebBuilds(dist, now);
  expect(removed.sort()).toEqual([builds[1]!.version, builds[2]!.version]);
  expect(webBuildVersions(dist)).toHaveLength(KEEP_BUILDS + 1);
  expect(readdirSync(dist)).toContain('current');
  // Young builds are kept whatever their number.
  expect(pruneWebBuilds(dist, now - KEEP_BUILDS_MS)).toEqual([]);
});
