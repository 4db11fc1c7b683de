/**
 * Browser helpers: Debian's Chromium through playwright-core, a page per test that fails on uncaught page errors,
 * login as a demo account, and screenshots kept under test-artifacts/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';

export const DEMO_PASSWORD = 'demo1234';
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e', import.meta.url));

export const baseUrl = (): string => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /**
   * Uncaught exceptions thrown in the page, and anything the Content-Security-Policy refused (Chromium reports each
   * refusal on the console); tests assert it stays empty.
   */
  errors: Error[];
}

let opened = 0;

/**
 * A fresh browser context (own cookies) at the app's address, in Chinese, 1366×900, for the running test. When the
 * test ends the context is closed; if the test failed, the page is first saved as test-artifacts/e2e/FAILED-….png.
 */
export async function openPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    // Charts draw at once, so screenshots show final figures.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(new Error(`CSP: ${message.text()}`));
  });
  const serial = ++opened;
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = `FAILED-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${serial}`;
      await screenshot(page, name).catch(() => undefined);
    }
    await context.close();
  });
  return { context, page, errors };
}

/** Logs in through the login form as a demo account and waits for the logged-in layout. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/**
 * Waits until the page has had no request in flight for `quietMs`. Playwright's 'networkidle' load state does not
 * help after client-side navigation (it was reached once, when the document loaded), and the app's pages load
 * lazily: the layout shows before the page's own chunk and its data calls.
 */
export async function waitForQuietNetwork(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = () => {
    // Requests that began before this call end here too; they were never counted.
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 || Date.now() - lastChange < quietMs) {
      if (Date.now() > deadline) throw new Error(`the page's requests did not settle within ${timeoutMs} ms`);
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** The visible labels of the side menu, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim());
}

/** Saves a full-page screenshot as test-artifacts/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
