/**
 * The Content-Security-Policy (issue 11) refuses nothing the app does: public pages, an officer's dashboard and
 * target charts (ECharts), a PDF download and Swagger UI load with no CSP report on
 * the console (openPage collects them into `errors`). The pages carry the policy, from the compiled server that the
 * global setup started.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiAs, setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, waitForQuietNetwork } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('public pages and Swagger UI load under the policy with nothing refused', async () => {
  const { page, errors } = await openPage(browser);
  const first = await page.goto('/');
  const csp = first?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  for (const path of ['/login', '/register', '/registry', '/publicity', '/help/public', '/verify']) {
    await page.goto(path);
    await waitForQuietNetwork(page);
  }
  await page.goto('/api/docs');
  // The title comes from the OpenAPI document: Swagger UI's scripts have run and fetched and parsed it.
  const title = page.locator('.swagger-ui .info .title');
  await title.waitFor({ state: 'attached' });
  expect(await title.textContent()).toContain('商秘 Shangmi API');
  await waitForQuietNetwork(page);
  expect(errors).toEqual([]);
});

test('an officer sees charts and downloads a certification list PDF with nothing refused', {
  timeout: 120_000,
}, async () => {
  await setBusinessDate('2022-03-15');
  const wuhan = await apiAs('wuhan');
  let certificateNo: string;
  try {
    const registry = await wuhan.get<{ items: { certificateNo: string }[] }>('/registry');
    certificateNo = registry.items[0]!.certificateNo;
  } finally {
    await wuhan.dispose();
  }
  const { page, errors } = await openPage(browser);
  await login(page, 'wuhan');
  await page.locator('canvas').first().waitFor();
  await page.goto('/targets');
  await page.locator('canvas').first().waitFor();
  await waitForQuietNetwork(page);

  await page.goto(`/registry/${encodeURIComponent(certificateNo)}`);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /下载认定名单/ }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(errors).toEqual([]);
});
