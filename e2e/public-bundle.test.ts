/**
 * The public pages load their own bundle (issue 15): a visitor of the registry, publicity, typical cases and verify
 * pages is sent public.html and never downloads the admin shell's entry script (the logged-in layout, its menu and
 * the page table); the public pages' "登录" link still leads into the admin shell, and so does "进入工作台" for a
 * logged-in user. A visitor of /registry, /public/guides, /help/public, /rights/report or /rights/follow downloads at
 * most 120 KB of JavaScript (gzipped) until the page shows.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, login, openPage, waitForQuietNetwork } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The entry script an HTML page of the app starts (its `<script type="module" src>`). */
async function entryScript(page: Page, path: string): Promise<string> {
  const html = await (await page.request.get(path)).text();
  const src = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`${path} starts no module script`);
  return src;
}

/** The paths of every script the page requests from now on. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test('a visitor of the public pages downloads the public bundle, not the admin shell', async () => {
  const { page, errors } = await openPage(browser);
  const adminEntry = await entryScript(page, '/');
  const publicEntry = await entryScript(page, '/registry');
  expect(publicEntry).not.toBe(adminEntry);

  const scripts = recordScripts(page);
  await page.goto('/registry');
  await page.getByRole('heading', { name: /示范基地名录/ }).waitFor();
  // Between the public pages by their header links, without a page load.
  for (const [link, heading] of [
    ['公示', /公示/],
    ['典型案例', /典型案例/],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).first().click();
    await page.getByRole('heading', { name: heading }).first().waitFor();
  }
  await page.getByRole('link', { name: '存证验证', exact: true }).first().click();
  await page.getByRole('textbox', { name: '证书编号' }).waitFor();
  await waitForQuietNetwork(page);
  expect(scripts).toContain(publicEntry);
  expect(scripts).not.toContain(adminEntry);

  // Out of the public pages: 登录 is a page of the admin shell, loaded from the server.
  await page.goto('/registry');
  await page.getByRole('link', { name: '登录', exact: true }).click();
  await page.getByLabel('用户名').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  expect(scripts).toContain(adminEntry);
  expect(errors).toEqual([]);
});

test('a logged-in user opens a public page from its bundle and goes back to the workbench', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto('/registry');
  await page.getByRole('heading', { name: /示范基地名录/ }).waitFor();
  // The public bundle knows the session too, and its way back is a page load into the admin shell.
  await page.getByRole('link', { name: '进入工作台' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  expect(errors).toEqual([]);
});

/** Each page and what shows it has come: the registry's first row, the other pages' own content. */
const PAGES_SHOWN: [path: string, shown: (page: Page) => Promise<void>][] = [
  ['/registry', (page) => page.getByTestId('registry-table').locator('tbody tr').first().waitFor()],
  ['/public/guides', (page) => page.getByTestId('guide-list').locator('li').first().waitFor()],
  ['/help/public', (page) => page.getByTestId('help-statuses').locator('tbody tr').first().waitFor()],
  ['/rights/report', (page) => page.getByRole('button', { name: '提交举报' }).waitFor()],
  ['/rights/follow', (page) => page.getByRole('button', { name: '查询', exact: true }).waitFor()],
];

test('a visitor downloads at most 120 KB of JavaScript, gzipped, until each public page shows', async () => {
  const { page, errors } = await openPage(browser);
  let scripts = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    // Gzipped as bench/bundle.ts counts it (zlib's default level), whatever encoding the server chose.
    scripts.set(
      new URL(response.url()).pathname,
      response.body().then((body) => gzipSync(body).length),
    );
  });
  for (const [path, shown] of PAGES_SHOWN) {
    // A first visit each time: nothing from the page before comes from the cache.
    await page.context().clearCookies();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    scripts = new Map();
    await page.goto(path);
    await shown(page);
    await waitForQuietNetwork(page);
    const sizes = await Promise.all(scripts.values());
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(sizes.length, path).toBeGreaterThan(0);
    expect(total, `${path}: ${[...scripts.keys()].join(' ')}`).toBeLessThanOrEqual(120_000);
    await cdp.detach();
  }
  expect(errors).toEqual([]);
});
