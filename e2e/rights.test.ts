/**
 * The public rights pages on a 390 px phone: a visitor reports a trade-secret infringement anonymously to Keqiao,
 * gets a receipt code, and follows the report with the code and the password on the follow page — no sideways
 * scrolling on either page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { launchBrowser, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const noSidewaysScroll = () => document.documentElement.scrollWidth - window.innerWidth;

test('an anonymous report and its follow page at 390 px', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/rights/report');
  await waitForQuietNetwork(page);
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await pickOption(page, page.getByLabel('管辖部门'), '柯桥', '柯桥区');
  await page.getByLabel('权利人名称').fill('绍兴柯桥某纺织有限公司');
  await page.getByLabel('被举报方名称').fill('绍兴某某印染科技有限公司');
  await page.getByLabel('原料配方').check();
  await page.getByLabel('商业秘密内容概述').fill('低温染色助剂配方');
  await page.getByLabel('离职员工带走').check();
  await page.getByLabel('侵权事实').fill('前技术主管离职后对方推出同类产品');
  await page.getByLabel('设置查询密码（至少8位，用于查询进展）').fill('follow-me-2024');
  await screenshot(page, 'rights-report-390');
  await page.getByRole('button', { name: '提交举报' }).click();
  const receipt = page.getByTestId('rights-receipt');
  await receipt.waitFor();
  const code = (await receipt.locator('strong').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{10}$/);
  await screenshot(page, 'rights-receipt-390');

  await page.goto('/rights/follow');
  await waitForQuietNetwork(page);
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('查询密码').fill('wrong-password');
  await page.getByRole('button', { name: '查 询' }).click();
  await page.getByText('查询码或查询密码不正确').waitFor();
  await page.getByLabel('查询密码').fill('follow-me-2024');
  await page.getByRole('button', { name: '查 询' }).click();
  const followed = page.getByTestId('rights-followed');
  await followed.waitFor();
  await expect.poll(() => followed.textContent()).toContain('待研判');
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await screenshot(page, 'rights-follow-390');
  expect(errors).toEqual([]);
});
